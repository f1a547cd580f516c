/**
 * The formats claims can be exported in: what each is called, how its file is made and named.
 * One table for the app's "Export as…" (made in the export worker) and `claimtrail convert`.
 */
import type { Annotator } from '../model';
import { toBratZip } from './brat';
import { toClaimReviews } from './claimreview';
import { toCsv } from './csv';
import { exportFileName, placedClaims, toExportFile, type ArticleBundle, type ExportLinks } from './export';
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

interface ExportFormat {
  label: string;
  prefix: string;
  extension: string;
  type: string;
  /** Said when there is nothing to export in this format. */
  none: string;
  make(input: ExportInput): MadeExport;
}

const json = (value: unknown, indent = 0) => (indent ? `${JSON.stringify(value, null, indent)}\n` : JSON.stringify(value));
const placed = (bundles: readonly ArticleBundle[]) => bundles.reduce((n, b) => n + placedClaims(b).length, 0);
const NO_CLAIM = 'No claim to export.';

/** The export formats, by name. Formats other than claimtrail hold less: the README says what each loses. */
export const EXPORT_FORMATS = {
  claimtrail: {
    label: 'claimtrail (JSON)',
    prefix: 'claimtrail-',
    extension: '.json',
    type: 'application/json',
    none: 'Nothing to export yet: no article has claims.',
    make: ({ bundles, annotator, at, generator, links, indent }) => ({
      content: json(toExportFile(bundles, annotator, at, generator, links), indent),
      count: bundles.reduce((n, x) => n + x.claims.length + (x.unlabelled?.length ?? 0), 0),
    }),
  },
  w3c: {
    label: 'W3C Web Annotation (JSON-LD)',
    prefix: 'claimtrail-w3c-',
    extension: '.jsonld',
    type: 'application/ld+json',
    none: NO_CLAIM,
    make: ({ bundles, at, generator, indent }) => ({ content: json(toW3C(bundles, generator, at), indent), count: placed(bundles) }),
  },
  hypothesis: {
    label: 'Hypothesis (JSON)',
    prefix: 'claimtrail-hypothesis-',
    extension: '.json',
    type: 'application/json',
    none: NO_CLAIM,
    make: ({ bundles, annotator, at, indent }) => ({ content: json(toHypothesis(bundles, annotator, at), indent), count: placed(bundles) }),
  },
  brat: {
    label: 'brat standoff (zip)',
    prefix: 'claimtrail-brat-',
    extension: '.zip',
    type: 'application/zip',
    none: NO_CLAIM,
    make: ({ bundles }) => ({ content: toBratZip(bundles) as Uint8Array<ArrayBuffer>, count: placed(bundles) }),
  },
  csv: {
    label: 'CSV (spreadsheet)',
    prefix: 'claimtrail-',
    extension: '.csv',
    type: 'text/csv;charset=utf-8',
    none: NO_CLAIM,
    make: ({ bundles }) => ({ content: toCsv(bundles), count: placed(bundles) }),
  },
  claimreview: {
    label: 'schema.org ClaimReview (JSON-LD)',
    prefix: 'claimtrail-claimreview-',
    extension: '.jsonld',
    type: 'application/ld+json',
    none: 'No claim to publish as a ClaimReview: label a claim disputed or sourced and give it a note.',
    make: ({ bundles, indent, reviewUrl }) => {
      if (!reviewUrl) throw new Error('a ClaimReview needs the address of the page that publishes the fact checks');
      const reviews = toClaimReviews(bundles, reviewUrl);
      return { content: json(reviews, indent), count: reviews.length };
    },
  },
} satisfies Record<string, ExportFormat>;

/** The name of an export format. */
export type ExportFormatName = keyof typeof EXPORT_FORMATS;

/** The download name of an export in `format` made at `date`, e.g. claimtrail-w3c-20261123-170000.jsonld. */
export function exportNameOf(format: ExportFormatName, date: Date): string {
  const { prefix, extension } = EXPORT_FORMATS[format];
  return exportFileName(date)
    .replace('claimtrail-', prefix)
    .replace(/\.json$/, extension);
}
