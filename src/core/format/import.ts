/**
 * Reading a claimtrail version 1 file: parse, check the shape with the zod schema, then check
 * every claim against its article's text (claim-checks.ts), converting code points to UTF-16 on
 * the way in, one article at a time (ExportChecker). Nothing here writes anything: a file either
 * passes whole or yields the problems found.
 */
import * as z from 'zod';
import type { Annotator, ArticleRelation, Claim, ClaimComment, ClaimThread, UnlabelledClaim } from '../model';
import { RecentMap } from '../recent';
import { OffsetIndex, sha256Hex, unnormalisedText } from '../text';
import { issueMessages, readClaim, readPages, readSpan, toArticle } from './claim-checks';
import { ArticleSchema, ExportFileSchema } from './claimtrail-v1';
import type { ArticleBundle } from './export';
import { parseJson } from './json';

/** How many problems a failed file reports by name; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 5;

/** A file that passed every check, with offsets in UTF-16 units. */
export interface ParsedExport {
  annotator: Annotator;
  exportedAt: string;
  articles: ArticleBundle[];
  relations: ArticleRelation[];
  threads: ClaimThread[];
}

export type ReadResult = { ok: true; value: ParsedExport } | { ok: false; problems: string[] };

/** Called with a fraction from 0 to 1 while the claims are being checked. */
export type Progress = (fraction: number) => void;

function failure(problems: string[]): ReadResult {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return { ok: false, problems };
  const more = problems.length - MAX_REPORTED_PROBLEMS;
  return { ok: false, problems: [...problems.slice(0, MAX_REPORTED_PROBLEMS), `…and ${more} more`] };
}

/** Problems that stop the file being read as claimtrail at all: not JSON, wrong format, wrong version. */
function envelopeProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return 'not a claimtrail export: expected a JSON object with "format": "claimtrail"';
  }
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== 'claimtrail') {
    return 'not a claimtrail export: expected "format": "claimtrail"';
  }
  if (version !== 1) {
    return `unsupported claimtrail format version ${JSON.stringify(version ?? null)}: this app reads version 1`;
  }
  return null;
}

/**
 * Reads the text of a claimtrail file. Succeeds only when every article's text is normalised
 * (as adding an article leaves it) and matches its hash, and every claim's offsets, exact, prefix
 * and suffix match that text and fall between characters; ids of claims, annotations waiting for
 * a label and comments are each used once.
 */
export async function readExportFile(json: string, onProgress?: Progress, now = new Date().toISOString()): Promise<ReadResult> {
  const parsed = parseJson(json);
  return parsed.ok ? readExportData(parsed.data, onProgress, now) : failure([parsed.problem]);
}

/**
 * Texts that passed the hash and normalisation checks, with their offset indexes, so a reader
 * that meets one text again and again (team sync reads each batch of arrivals as a file with its
 * article) checks and indexes it once. A text counts only if it is exactly the one checked; the
 * last few are kept.
 */
export class CheckedTexts {
  private readonly checked = new RecentMap<string, { text: string; offsets: OffsetIndex }>(8);

  /** The offset index of `text`, if this very text was checked under `sha`. */
  get(sha: string, text: string): OffsetIndex | undefined {
    const found = this.checked.get(sha);
    return found && found.text === text ? found.offsets : undefined;
  }

  set(sha: string, text: string, offsets: OffsetIndex): void {
    this.checked.set(sha, { text, offsets });
  }
}

/** A claimtrail file's fields besides its articles: checked before the articles' contents, which come one by one. */
const HeadSchema = ExportFileSchema.extend({ articles: z.array(z.unknown()) });

/** The checked fields of a file besides its articles. */
export type ExportHead = z.infer<typeof HeadSchema>;

/**
 * The checks of a claimtrail file, one article at a time, so a file read as a stream is checked
 * as it arrives and never held whole. Ids of claims, annotations waiting for a label and comments
 * are each used once across the file, and no text appears twice. Used by readExportData for a
 * file in memory and by the import worker for a file streamed from disk.
 */
export class ExportChecker {
  private readonly problems: string[] = [];
  private readonly seenClaims = new Set<string>();
  private readonly seenComments = new Set<string>();
  private readonly seenTexts = new Set<string>();

  constructor(
    private readonly now = new Date().toISOString(),
    private readonly checked?: CheckedTexts,
  ) {}

  /** Whether a problem was found: the file will be refused. */
  get failed(): boolean {
    return this.problems.length > 0;
  }

  /** Checks the format and version only; a problem here means the rest is not worth reading. */
  envelope(data: unknown): boolean {
    const problem = envelopeProblem(data);
    if (problem) this.problems.push(problem);
    return !problem;
  }

  /** Checks the fields besides the articles' contents (`articles` only as an array); null after a problem. */
  head(data: unknown): ExportHead | null {
    if (!this.envelope(data)) return null;
    const parsed = HeadSchema.safeParse(data);
    if (parsed.success) return parsed.data;
    this.problems.push(...issueMessages(parsed.error));
    return null;
  }

  /** Checks the file's article at `index` with its claims: the article with UTF-16 offsets, or null after a problem. */
  async article(data: unknown, index: number): Promise<ArticleBundle | null> {
    const where = `articles[${index}]`;
    const parsed = ArticleSchema.safeParse(data);
    if (!parsed.success) {
      this.problems.push(...issueMessages(parsed.error, ['articles', index]));
      return null;
    }
    const raw = parsed.data;
    const problems = this.problems;
    const before = problems.length;
    const known = this.checked?.get(raw.textSha256, raw.text);
    if (!known && (await sha256Hex(raw.text)) !== raw.textSha256) {
      problems.push(`${where}: "textSha256" does not match the SHA-256 of its text`);
      return null;
    }
    if (this.seenTexts.has(raw.textSha256)) {
      problems.push(`${where}: the same text appears twice in this file`);
      return null;
    }
    this.seenTexts.add(raw.textSha256);
    const unnormalised = known ? null : unnormalisedText(raw.text);
    if (unnormalised) {
      problems.push(`${where}: the text is not normalised: ${unnormalised}`);
      return null;
    }
    const offsets = known ?? new OffsetIndex(raw.text);
    if (!known) this.checked?.set(raw.textSha256, raw.text, offsets);
    const claims: Claim[] = [];
    const comments: ClaimComment[] = [];
    const unlabelled: UnlabelledClaim[] = [];
    const firstUse = (id: string, what: string, at: string) => {
      if (!this.seenClaims.has(id)) return this.seenClaims.add(id);
      problems.push(`${at}: ${what} id "${id}" appears twice in this file`);
      return false;
    };
    for (const [j, rawClaim] of raw.claims.entries()) {
      const claimWhere = `${where}.claims[${j}]`;
      if (!firstUse(rawClaim.id, 'claim', claimWhere)) continue;
      const claim = readClaim(rawClaim, claimWhere, raw, offsets, problems);
      if (claim) claims.push(claim);
      for (const [k, c] of (rawClaim.comments ?? []).entries()) {
        if (this.seenComments.has(c.id)) problems.push(`${claimWhere}.comments[${k}]: comment id "${c.id}" appears twice in this file`);
        this.seenComments.add(c.id);
        comments.push({ id: c.id, claimId: rawClaim.id, articleId: raw.id, by: { id: c.by.id, name: c.by.name }, at: c.at, text: c.text });
      }
    }
    for (const [j, rawItem] of (raw.unlabelled ?? []).entries()) {
      const itemWhere = `${where}.unlabelled[${j}]`;
      if (!firstUse(rawItem.id, 'annotation', itemWhere)) continue;
      const item = readSpan(rawItem, false, itemWhere, raw, offsets, problems);
      if (item) unlabelled.push(item);
    }
    const pages = raw.pages && readPages(raw.pages, offsets, where, problems);
    if (problems.length > before) return null;
    return {
      article: toArticle(raw, this.now, pages),
      text: raw.text,
      claims,
      ...(comments.length ? { comments } : {}),
      ...(unlabelled.length ? { unlabelled } : {}),
    };
  }

  /** The outcome: the file with its checked articles, or every problem found (the first few by name). */
  result(head: ExportHead, articles: ArticleBundle[]): ReadResult {
    if (this.problems.length) return failure(this.problems);
    return {
      ok: true,
      value: {
        annotator: { id: head.annotator.id, name: head.annotator.name },
        exportedAt: head.exportedAt,
        articles,
        ...fileLinks(head),
      },
    };
  }

  /** The problems found, the first few by name. */
  refusal(): { ok: false; problems: string[] } {
    return failure(this.problems) as { ok: false; problems: string[] };
  }
}

/** The relations and threads of a checked file, as the library keeps them. */
export function fileLinks(head: ExportHead): { relations: ArticleRelation[]; threads: ClaimThread[] } {
  return {
    relations: (head.relations ?? []).map(({ id, from, to, kind, created }) => ({ id, from, to, kind, created })),
    threads: (head.threads ?? []).map(({ id, title, claims, created, modified }) => ({ id, title, claimIds: [...claims], created, modified })),
  };
}

/** Reads parsed JSON as a claimtrail file, with the checks of readExportFile (a text in `checked` is not checked again). */
export async function readExportData(data: unknown, onProgress?: Progress, now = new Date().toISOString(), checked?: CheckedTexts): Promise<ReadResult> {
  const checker = new ExportChecker(now, checked);
  const head = checker.head(data);
  if (!head) return checker.refusal();
  const claimsOf = (raw: unknown) => {
    const claims = (raw as { claims?: unknown } | null)?.claims;
    return Array.isArray(claims) ? claims.length : 0;
  };
  const total = head.articles.reduce((sum: number, raw) => sum + claimsOf(raw), 0) || 1;
  const articles: ArticleBundle[] = [];
  let done = 0;
  for (const [i, raw] of head.articles.entries()) {
    const bundle = await checker.article(raw, i);
    if (bundle) articles.push(bundle);
    done += claimsOf(raw);
    onProgress?.(done / total);
  }
  onProgress?.(1);
  return checker.result(head, articles);
}
