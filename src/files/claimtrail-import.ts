/**
 * Importing a claimtrail file article by article: each article is checked as it is read (from
 * a stream, or from JSON already parsed) and written in one transaction with the rest, so a file
 * of a million claims is never held whole, and still nothing is stored unless all of it passes.
 * Articles that look like versions of stored ones are held back and put to the person at the
 * end, with the transaction still open.
 */
import { JSONParser } from '@streamparser/json';
import { ExportChecker, fileLinks } from '../core/format/import';
import type { ArticleBundle } from '../core/format/export';
import type { Json } from '../core/format/json';
import type { Article } from '../core/model';
import type { Store } from '../store/db';
import type { ImportJob, ImportReport } from '../store/import-write';
import { TxQueue } from '../store/transactions';
import { carryOnto, versionFinder, type VersionQuestion } from './versions';

/** A claimtrail file as it is read: its articles one at a time, and its other fields (all of them once the articles are done). */
export interface ClaimtrailSource {
  head: Json;
  articles: AsyncIterable<unknown>;
}

/** What the import asks of the page: the version questions (null: cancel), and word that all is read and the commit begins. */
export interface ClaimtrailHost {
  ask(questions: readonly VersionQuestion[]): Promise<boolean[] | null>;
  saving(): void;
}

/** How a claimtrail import ended. */
export type ClaimtrailOutcome =
  | { status: 'imported'; report: ImportReport; lines: string[] }
  | { status: 'invalid'; problems: string[] }
  | { status: 'cancelled' }
  | { status: 'failed'; error: unknown };

/** The file is not JSON: said in the words parseJson uses. */
class NotJson extends Error {}

/** The top-level fields of a claimtrail file besides its articles. */
const HEAD_FIELDS = ['format', 'version', 'exportedAt', 'generator', 'annotator', 'relations', 'threads'];

/** A file already parsed, read as a claimtrail source; `progress` hears the fraction of articles read. */
export function parsedSource(data: Json, progress: (fraction: number) => void): ClaimtrailSource {
  const { articles, ...head } = data;
  const list = Array.isArray(articles) ? (articles as unknown[]) : [];
  return {
    head: { ...head, articles: Array.isArray(articles) ? [] : articles },
    articles: (async function* () {
      for (const [i, raw] of list.entries()) {
        progress(i / list.length);
        yield raw;
      }
    })(),
  };
}

/**
 * A file read as a stream of text, parsed as it arrives (@streamparser/json): each article is
 * handed on as soon as it is complete and then dropped, so memory holds one article at a time.
 * `progress` hears how many characters have been read.
 */
export function streamedSource(text: ReadableStream<string>, progress: (read: number) => void): ClaimtrailSource {
  const head: Json = {};
  const parser = new JSONParser({ paths: ['$.articles', '$.articles.*', ...HEAD_FIELDS.map((field) => `$.${field}`)], keepStack: false });
  let ready: unknown[] = [];
  parser.onValue = ({ value, key, parent, stack }) => {
    if (stack.length > 1) {
      // An article: handed on, and dropped from the array the parser is building, which so ends empty.
      ready.push(value);
      if (Array.isArray(parent)) parent.pop();
      else delete (parent as Json)[key as string];
    } else if (key === 'articles') {
      head.articles = Array.isArray(value) ? [] : value;
    } else {
      head[key as string] = value;
    }
  };
  const write = (chunk?: string) => {
    try {
      // The parser ends by itself after the file's object; a file cut short leaves it waiting.
      if (chunk === undefined) {
        if (!parser.isEnded) parser.end();
      } else parser.write(chunk);
    } catch (error) {
      throw new NotJson(`not JSON: ${(error as Error).message}`);
    }
  };
  return {
    head,
    articles: (async function* () {
      const reader = text.getReader();
      let read = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        write(value);
        read += value.length;
        progress(read);
        const articles = ready;
        ready = [];
        yield* articles;
      }
      write();
      yield* ready;
    })(),
  };
}

/** Whether the file's text, read as JSON from its start, says `"format": "claimtrail"` within its first `bytes`. */
export async function startsAsClaimtrail(file: Blob, bytes = 1 << 20): Promise<boolean> {
  const start = new TextDecoder().decode(await file.slice(0, bytes).arrayBuffer(), { stream: true });
  const parser = new JSONParser({ paths: ['$.format'], keepStack: false });
  let format: unknown;
  parser.onValue = ({ value }) => (format = value);
  try {
    parser.write(start);
  } catch {
    return false;
  }
  return format === 'claimtrail';
}

/**
 * Checks and stores the file's articles as they come, then its relations and threads, in one
 * transaction (Store.importQueued). A problem anywhere, a cancelled question, or a failed write
 * aborts it: nothing is stored.
 */
export async function importClaimtrail(store: Store, source: ClaimtrailSource, host: ClaimtrailHost): Promise<ClaimtrailOutcome> {
  const checker = new ExportChecker();
  const versionOf = await versionFinder(store);
  const jobs = new TxQueue<ImportJob>();
  const writing = store.importQueued(jobs);
  writing.catch(() => undefined);
  /** Ends the import with `outcome`, aborting the transaction and waiting until it has. */
  const stop = async (outcome: ClaimtrailOutcome) => {
    jobs.fail(new Error('the import was stopped'));
    await writing.catch(() => undefined);
    return outcome;
  };
  const refused = () => stop({ status: 'invalid', problems: checker.refusal().problems });
  const held: { index: number; bundle: ArticleBundle; stored: Article }[] = [];
  try {
    let index = 0;
    for await (const raw of source.articles) {
      // The format and version come first in a file: a file of another version is refused before its articles are read.
      if (index === 0 && source.head.format !== undefined && !checker.envelope(source.head)) return await refused();
      const bundle = await checker.article(raw, index);
      if (bundle && !checker.failed) {
        const stored = versionOf(bundle);
        if (stored) held.push({ index, bundle, stored });
        else await jobs.give((writer) => writer.article(bundle));
      }
      index++;
    }
    const head = checker.head(source.head);
    if (!head || checker.failed) return await refused();
    const answers = held.length
      ? await host.ask(held.map(({ index, bundle, stored }) => ({ index, title: bundle.article.title, claims: bundle.claims.length, stored })))
      : [];
    if (!answers) return await stop({ status: 'cancelled' });
    const lines: string[] = [];
    const renamed = new Map<string, string>();
    for (const [i, { bundle, stored }] of held.entries()) {
      if (!answers[i]) {
        await jobs.give((writer) => writer.article(bundle));
        continue;
      }
      renamed.set(bundle.article.id, stored.id);
      await jobs.give(async (writer) => {
        const target = await writer.load(stored.id);
        if (!target) throw new Error(`“${stored.title}” is no longer in the library`);
        const carried = carryOnto(bundle, target);
        lines.push(carried.line);
        await writer.article(carried.bundle);
      });
    }
    const { relations, threads } = fileLinks(head);
    const ids = (id: string) => renamed.get(id) ?? id;
    await jobs.give((writer) =>
      writer.links(
        relations.map((r) => ({ ...r, from: ids(r.from), to: ids(r.to) })),
        threads,
      ),
    );
    jobs.end();
    host.saving();
    return { status: 'imported', report: await writing, lines };
  } catch (error) {
    if (error instanceof NotJson) return await stop({ status: 'invalid', problems: [error.message] });
    jobs.fail(error);
    // The store's own words for a failed write, when that is what stopped the import.
    return {
      status: 'failed',
      error: await writing.then(
        () => error,
        (stored: unknown) => stored,
      ),
    };
  }
}
