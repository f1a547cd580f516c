/**
 * Imports a file off the main thread, so a 50 MB file never freezes the page. The file's format
 * is decided by its structure (a zip is brat; JSON by its fields). A claimtrail file is checked and
 * stored article by article (claimtrail-import.ts), one over 64 MB that says so at its start read
 * as a stream, with progress; articles that look like versions of stored ones are put to the page, and their
 * claims carried. Other tools' annotations are placed on the library's articles (a brat
 * zip's on its own texts), labelled by the rules the page is asked for, and checked like a
 * claimtrail file. Everything is stored in one transaction. Only the questions and the reports
 * cross to the page, never the claims.
 */
import { readBratZip } from '../core/format/brat';
import { importFormatOf, isZip, UNKNOWN_FORMAT } from '../core/format/detect';
import { labelFor, placeAnnotations, placeBratPairs, type ForeignAnnotation, type LabelRules, type LibraryArticle } from '../core/format/foreign';
import { describeResult, placedCount, type ForeignResult } from '../core/format/placement-report';
import { readHypothesisData } from '../core/format/hypothesis';
import { parseJson, type Json } from '../core/format/json';
import { readW3CData } from '../core/format/w3c';
import { Store } from '../store/db';
import { errorMessage } from '../core/errors';
import type { FromImportWorker, ImportOutcome, LabelChoice, TagCount, ToImportWorker } from './import-file';
import { importClaimtrail, parsedSource, startsAsClaimtrail, streamedSource, type ClaimtrailSource } from './claimtrail-import';

const post = (message: FromImportWorker) => (self as unknown as Worker).postMessage(message);

/** The page's answers to the version questions and to the label question, when they come. */
let answered: ((versions: boolean[] | null) => void) | null = null;
let labelled: ((choice: LabelChoice | null) => void) | null = null;

/**
 * Files larger than this are read as a stream; smaller ones are parsed whole by the engine's
 * JSON.parse, four times faster than a parser written in JavaScript, and then checked and stored
 * the same way, article by article.
 */
const STREAM_FROM = 64 * 2 ** 20;

const FORMAT_NAMES = { claimtrail: 'claimtrail', w3c: 'W3C Web Annotation', hypothesis: 'Hypothesis', brat: 'brat' } as const;

async function readWithProgress(file: File): Promise<string> {
  const reader = file
    .stream()
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))
    .getReader();
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts.join('');
    parts.push(value);
    read += value.length;
    post({ type: 'progress', stage: 'reading', fraction: Math.min(1, read / Math.max(1, file.size)) });
  }
}

/** Asks the page how to label annotations whose tags name none of our labels; no question when all have one. */
async function labelRules(format: string, annotations: readonly ForeignAnnotation[]): Promise<LabelRules | null> {
  const counts = new Map<string, number>();
  let untagged = 0;
  for (const a of annotations) {
    if (a.refused || labelFor(a.tags).label) continue;
    const tags = [...new Set(a.tags.map((t) => t.trim()).filter(Boolean))];
    if (!tags.length) untagged++;
    for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  if (!counts.size && !untagged) return {};
  const tags: TagCount[] = [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  const choice = await new Promise<LabelChoice | null>((resolve) => {
    labelled = resolve;
    post({ type: 'ask-labels', format, tags, untagged });
  });
  if (!choice) return null;
  return { map: new Map(choice.map.map(([tag, label]) => [tag.toLowerCase(), label])), ...(choice.otherwise ? { otherwise: choice.otherwise } : {}) };
}

/** Stores what placing other tools' annotations gave, or says why nothing could be. */
async function storePlaced(store: Store, format: string, name: string, results: ForeignResult[]): Promise<ImportOutcome> {
  if (!results.some((r) => r.total > 0)) return { status: 'invalid', format, problems: ['the file holds no annotations'] };
  const lines = results.flatMap(describeResult);
  if (!results.some((r) => placedCount(r) > 0)) return { status: 'invalid', format, problems: ['no annotation could be placed', ...lines] };
  post({ type: 'progress', stage: 'saving', fraction: null });
  const report = await store.importFile({
    annotator: { id: 'import', name },
    exportedAt: new Date().toISOString(),
    relations: [],
    threads: [],
    articles: results.flatMap((r) => r.bundles),
  });
  return { status: 'imported', format, report, lines };
}

async function importFile(file: File, database: string, reader: { id: string; name: string }): Promise<ImportOutcome> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (isZip(head)) {
    const read = await readBratZip(new Uint8Array(await file.arrayBuffer()), reader);
    if (!read.ok) return { status: 'invalid', format: FORMAT_NAMES.brat, problems: [read.problem] };
    const rules = await labelRules(
      FORMAT_NAMES.brat,
      read.pairs.flatMap((p) => p.annotations),
    );
    if (!rules) return { status: 'cancelled' };
    const store = await Store.open(database);
    try {
      return await storePlaced(store, FORMAT_NAMES.brat, file.name, await placeBratPairs(read.pairs, rules));
    } finally {
      store.close();
    }
  }
  if (file.size > STREAM_FROM && (await startsAsClaimtrail(file))) {
    const text = file.stream().pipeThrough(new TextDecoderStream('utf-8', { fatal: true }));
    return importClaimtrailFile(
      database,
      streamedSource(text, (read) => post({ type: 'progress', stage: 'importing', fraction: Math.min(1, read / Math.max(1, file.size)) })),
    );
  }
  let text: string;
  try {
    text = await readWithProgress(file);
  } catch {
    return { status: 'invalid', format: 'unknown', problems: ['not UTF-8 text'] };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return { status: 'invalid', format: 'unknown', problems: [parsed.problem, UNKNOWN_FORMAT] };
  const kind = importFormatOf(parsed.data);
  if (!kind) return { status: 'invalid', format: 'unknown', problems: [UNKNOWN_FORMAT] };
  const format = FORMAT_NAMES[kind];
  if (kind === 'claimtrail') {
    return importClaimtrailFile(
      database,
      parsedSource(parsed.data as Json, (fraction) => post({ type: 'progress', stage: 'importing', fraction })),
    );
  }
  const read = kind === 'w3c' ? readW3CData(parsed.data) : readHypothesisData(parsed.data);
  if (!read.ok) return { status: 'invalid', format, problems: [read.problem] };
  const rules = await labelRules(format, read.annotations);
  if (!rules) return { status: 'cancelled' };
  const store = await Store.open(database);
  try {
    const library: LibraryArticle[] = (await store.listArticles()).map(({ article }) => ({
      article,
      text: async () => (await store.texts([article.id])).get(article.id) ?? '',
    }));
    const result = await placeAnnotations(read.annotations, library, kind === 'w3c' ? 'code points' : 'utf-16', { rules });
    return await storePlaced(store, format, file.name, [result]);
  } finally {
    store.close();
  }
}

/** Imports a claimtrail file read from `source`, asking the page the version questions. */
async function importClaimtrailFile(database: string, source: ClaimtrailSource): Promise<ImportOutcome> {
  const format = FORMAT_NAMES.claimtrail;
  const store = await Store.open(database);
  try {
    const outcome = await importClaimtrail(store, source, {
      ask: (questions) =>
        new Promise<boolean[] | null>((resolve) => {
          answered = resolve;
          post({ type: 'ask', questions: [...questions] });
        }),
      saving: () => post({ type: 'progress', stage: 'saving', fraction: null }),
    });
    if (outcome.status === 'failed') return { status: 'failed', message: errorMessage(outcome.error) };
    return outcome.status === 'cancelled' ? outcome : { ...outcome, format };
  } finally {
    store.close();
  }
}

self.addEventListener('message', (event: MessageEvent<ToImportWorker>) => {
  const message = event.data;
  if (message.type === 'answers') {
    answered?.(message.versions);
    answered = null;
    return;
  }
  if (message.type === 'labels') {
    labelled?.(message.choice);
    labelled = null;
    return;
  }
  importFile(message.file, message.database, message.reader).then(
    (outcome) => post({ type: 'done', outcome }),
    (error: unknown) => post({ type: 'done', outcome: { status: 'failed', message: errorMessage(error) } }),
  );
});
