/**
 * The claimtrail export format, version 1: the public contract between claimtrail users.
 * This zod schema is its single definition; `npm run schemas` writes the JSON Schema in
 * schemas/ from it. Offsets in files are Unicode code points, half-open, into `text`.
 * Objects are loose: later releases may add fields, but may not change these fields' meaning.
 */
import * as z from 'zod';
import { ANCHOR_STATUSES } from '../anchor';
import { LABELS, RELATION_KINDS } from '../model';

// Parse without generating code (`new Function`), so the app runs under a strict
// Content-Security-Policy without 'unsafe-eval'.
z.config({ jitless: true });

/** Only http and https addresses: a `javascript:` or `data:` URL is never accepted. */
export const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'only http and https addresses are accepted' })
  .regex(/^[hH][tT][tT][pP][sS]?:\/\//, { error: 'only http and https addresses are accepted' });

const IsoDateTime = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date and time' });
const CodePointOffset = z.int().nonnegative();
const NonBlank = z.string().regex(/\S/, { error: 'must not be empty or blank' });

export const AnnotatorSchema = z.looseObject({
  id: NonBlank.describe('Stable identifier of the annotator.'),
  name: z.string().describe('Display name of the annotator.'),
});

/** Words of the article that name a claim's source, e.g. "quotes the Russian daily Izvestia". */
export const AttributionSchema = z
  .looseObject({
    start: CodePointOffset,
    end: CodePointOffset,
    exact: z.string().min(1).describe('The text from start to end.'),
  })
  .describe('Code points into the same article text as the claim.');

export const SourceSchema = z
  .looseObject({
    url: HttpUrl.optional(),
    citation: NonBlank.optional().describe('Free-text citation, e.g. "Izvestia, 11 Jan 2022".'),
    attribution: AttributionSchema.optional(),
  })
  .refine((source) => source.url !== undefined || source.citation !== undefined, {
    error: 'a source needs a url, a citation, or both',
  });

/** How a reviewer settled a disagreement into this claim (claims of an adjudicated layer). */
export const ReviewSchema = z.looseObject({
  status: z.enum(['accepted', 'relabelled', 'rejected']),
  by: AnnotatorSchema.describe('The reviewer.'),
  at: IsoDateTime,
  comment: z.string().optional(),
  from: z.array(NonBlank).min(1).describe('Ids of the claims the decision was made on.'),
});

/** A remark on a claim, by anyone (comments on other people's claims travel with them). */
export const CommentSchema = z.looseObject({
  id: NonBlank,
  by: AnnotatorSchema,
  at: IsoDateTime,
  text: NonBlank,
});

/** How a claim carried from another version of the text found its words in this one. */
export const AnchorSchema = z.looseObject({
  status: z
    .enum(ANCHOR_STATUSES)
    .describe(
      'exact: same offsets; moved: same words elsewhere; fuzzy: similar words (see score); orphan: not found, and the claim keeps its old offsets and quote.',
    ),
  score: z.number().min(0).max(1).optional().describe('How well the words and their context fit, 0 to 1.'),
  confirmed: z.boolean().optional().describe('A person checked this place (a fuzzy one) or chose it (an orphan placed by hand).'),
  from: z
    .looseObject({
      start: CodePointOffset,
      end: CodePointOffset,
      exact: z.string().optional().describe('The words there.'),
      article: NonBlank.optional().describe('Id of the article the claim was carried from.'),
      claim: NonBlank.optional().describe('Id of the claim it was carried from.'),
    })
    .describe('Where the claim was, in code points of the text it was carried from.'),
});

/** The fields of a claim that an annotation waiting for a label has too. */
const spanFields = {
  id: NonBlank,
  start: CodePointOffset.describe('Start of the claim in code points into the article text.'),
  end: CodePointOffset.describe('End (exclusive) of the claim in code points.'),
  exact: z.string().min(1).describe('The text from start to end.'),
  prefix: z.string().describe('Up to 32 code points of text before start.'),
  suffix: z.string().describe('Up to 32 code points of text after end.'),
  note: z.string().optional(),
  sources: z.array(SourceSchema),
  annotator: AnnotatorSchema,
  created: IsoDateTime,
  modified: IsoDateTime,
};

const endAfterStart = { error: 'end must be greater than start' };

export const ClaimSchema = z
  .looseObject({
    ...spanFields,
    label: z.enum(LABELS),
    review: ReviewSchema.optional().describe('Present on claims of an adjudicated layer.'),
    comments: z.array(CommentSchema).optional().describe('Remarks on the claim, by its annotator or others.'),
    anchor: AnchorSchema.optional().describe('Present on a claim carried over from another version of the text.'),
    pages: z
      .array(z.int().positive())
      .optional()
      .describe("The pages of the original the claim lies on, from its article's `pages` (written on export; read from the article on import)."),
  })
  .refine((claim) => claim.end > claim.start, endAfterStart);

/** Words another tool annotated that carry none of the three labels yet: kept for a person to label. */
export const UnlabelledSchema = z.looseObject(spanFields).refine((claim) => claim.end > claim.start, endAfterStart);

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected 64 lowercase hex digits' });

/** A BCP 47 language tag's shape (en, ar-EG, zh-Hant-TW). */
export const LanguageTag = z.string().regex(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/, { error: 'expected a language tag such as en or ar-EG' });

/** The file an article was made from: its name and fingerprint, never its bytes. */
export const OriginalSchema = z
  .looseObject({
    name: NonBlank.describe('The file name as it was added.'),
    sha256: Sha256Hex.describe("SHA-256 of the file's bytes, lowercase hex."),
    type: z.string().optional().describe('Media type, e.g. application/pdf.'),
    size: z.int().nonnegative().optional().describe('Size in bytes.'),
  })
  .describe('The file the article was made from, so a colleague can check they annotate the same page; its bytes stay in the library that added it.');

export const ArticleSchema = z.looseObject({
  id: NonBlank,
  title: z.string(),
  author: z.string().optional(),
  outlet: z.string().optional(),
  published: z.string().optional().describe('Publication date, ISO 8601 preferred.'),
  url: HttpUrl.optional(),
  textSha256: Sha256Hex.describe('SHA-256 of the UTF-8 bytes of text, lowercase hex.'),
  text: z.string().describe('The article text the offsets index into; LF line ends.'),
  lang: LanguageTag.optional().describe('Language of the text (BCP 47), as its page declared it.'),
  dir: z.enum(['ltr', 'rtl']).optional().describe('Writing direction its page declared.'),
  pages: z
    .array(CodePointOffset)
    .min(1)
    .optional()
    .describe('Where each page of a paged original (a PDF) starts, in code points: pages[n - 1] is the start of page n, pages[0] is 0, ascending.'),
  original: OriginalSchema.optional(),
  claims: z.array(ClaimSchema),
  unlabelled: z.array(UnlabelledSchema).optional().describe('Annotations imported from other tools, placed on words but waiting for a label.'),
});

/** "Article `from` republishes (excerpts, translates, cites) article `to`", by article id. */
export const RelationSchema = z.looseObject({
  id: NonBlank,
  from: NonBlank,
  to: NonBlank,
  kind: z.enum(RELATION_KINDS),
  created: IsoDateTime,
});

/** One statement followed through several articles: the ids of the claims that make it. */
export const ThreadSchema = z.looseObject({
  id: NonBlank,
  title: z.string(),
  claims: z.array(NonBlank).min(1),
  created: IsoDateTime,
  modified: IsoDateTime,
});

export const ExportFileSchema = z
  .looseObject({
    format: z.literal('claimtrail'),
    version: z.literal(1),
    exportedAt: IsoDateTime,
    generator: z.string(),
    annotator: AnnotatorSchema.describe('Who exported the file.'),
    articles: z.array(ArticleSchema),
    relations: z.array(RelationSchema).optional().describe('Relations between articles of this file (or of the library it came from).'),
    threads: z.array(ThreadSchema).optional().describe('Claim threads: the same statement in several articles.'),
  })
  .meta({
    title: 'claimtrail export, version 1',
    description: 'Claims labelled sourced, disputed or opinion, anchored to article text by code point offsets and quotes.',
  });

export type ExportFile = z.infer<typeof ExportFileSchema>;
export type ExportArticle = z.infer<typeof ArticleSchema>;
export type ExportClaim = z.infer<typeof ClaimSchema>;
export type ExportUnlabelled = z.infer<typeof UnlabelledSchema>;
export type ExportSource = z.infer<typeof SourceSchema>;

/** The JSON Schema of the version 1 format, as published in schemas/. */
export function exportJsonSchema(): object {
  return z.toJSONSchema(ExportFileSchema, { target: 'draft-2020-12', io: 'input' });
}
