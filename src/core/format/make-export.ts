/** The export formats' writers, by name: what the export worker and `claimtrail convert` run. */
import type { Annotator } from '../model';
import { toBratZip } from './brat';
import { toClaimReviews } from './claimreview';
import { toCsv } from './csv';
import { annotationCount, placedClaims, toExportFile, type ArticleBundle, type ExportLinks } from './export';
import type { ExportFormatName } from './formats';
import { toHypothesis } from './hypothesis';
import { toW3C } from './w3c';

/** What an export is made from. */
export interface ExportInput {
  bundles: readonly ArticleBundle[];
  annotator: Annotator;
  /** When it is made, ISO 8601. */
  at: string;
  /** The program that made it, e.g. "claimtrail 0.6.0". */
  generator: string;
  links?: ExportLinks;
  /** JSON indentation: none in the app (a third smaller and quicker), 2 in the CLI. */
  indent?: number;
  /** Where the fact checks are published: ClaimReview's required `url`. */
  reviewUrl?: string;
}

/** A made export: the file's content and how many claims it holds. */
export interface MadeExport {
  content: string | Uint8Array<ArrayBuffer>;
  count: number;
}

const json = (value: unknown, indent = 0) => (indent ? `${JSON.stringify(value, null, indent)}\n` : JSON.stringify(value));
const placed = (bundles: readonly ArticleBundle[]) => bundles.reduce((n, b) => n + placedClaims(b).length, 0);

/** How each format's file is made. */
export const EXPORT_MAKERS: Record<ExportFormatName, (input: ExportInput) => MadeExport> = {
  claimtrail: ({ bundles, annotator, at, generator, links, indent }) => ({
    content: json(toExportFile(bundles, annotator, at, generator, links), indent),
    count: annotationCount(bundles),
  }),
  w3c: ({ bundles, at, generator, indent }) => ({ content: json(toW3C(bundles, generator, at), indent), count: placed(bundles) }),
  hypothesis: ({ bundles, annotator, at, indent }) => ({ content: json(toHypothesis(bundles, annotator, at), indent), count: placed(bundles) }),
  brat: ({ bundles }) => ({ content: toBratZip(bundles) as Uint8Array<ArrayBuffer>, count: placed(bundles) }),
  csv: ({ bundles }) => ({ content: toCsv(bundles), count: placed(bundles) }),
  claimreview: ({ bundles, indent, reviewUrl }) => {
    if (!reviewUrl) throw new Error('a ClaimReview needs the address of the page that publishes the fact checks');
    const reviews = toClaimReviews(bundles, reviewUrl);
    return { content: json(reviews, indent), count: reviews.length };
  },
};
