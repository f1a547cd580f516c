/**
 * Between the library and the team replica: what the outbox names becomes documents to write
 * (core/format/couch.ts makes each one), and documents that arrived become changes to apply,
 * read through the version 1 import's checks, so nothing enters the store that our own import
 * would refuse.
 */
import type { Decision } from '../core/adjudication';
import {
  articleDoc,
  byWinner,
  claimDoc,
  commentDoc,
  decisionDoc,
  docsToExportFile,
  relationDoc,
  threadDoc,
  unlabelledDoc,
  type DecisionDoc,
} from '../core/format/couch';
import { CheckedTexts, readExportData, type ParsedExport } from '../core/format/import';
import type { Claim } from '../core/model';
import { OffsetIndex } from '../core/text';
import type { OutboxEntry, OutboxRead, TeamChanges } from '../store/db';

/** A document to write: a whole new version, or a deletion. */
export type Write = { _id: string; _deleted?: true; [field: string]: unknown };

/** The document each outbox entry stands for, as the library holds it now (by the entry's key); a thing no longer stored is a deletion. */
export function outboxDocs(read: OutboxRead): Map<string, Write> {
  const docs = new Map<string, Write>();
  const offsets = new Map<string, OffsetIndex>();
  const gone = (entry: OutboxEntry): Write => ({ _id: `${entry.kind}:${entry.id}`, _deleted: true });
  for (const entry of read.entries) {
    if (entry.kind === 'thread') {
      const thread = read.threads.get(entry.id);
      docs.set(entry.key, thread ? threadDoc(thread) : gone(entry));
      continue;
    }
    if (entry.kind === 'relation') {
      const relation = read.relations.get(entry.id);
      const from = relation && read.articles.get(relation.from);
      const to = relation && read.articles.get(relation.to);
      if (!relation) docs.set(entry.key, gone(entry));
      else if (from && to)
        docs.set(
          entry.key,
          relationDoc(relation, (id) => (id === relation.from ? from : to).article.textSha256),
        );
      continue;
    }
    const stored = read.articles.get(entry.articleId);
    if (!stored) continue;
    const { article, text } = stored;
    const sha = article.textSha256;
    const index = () => offsets.get(article.id) ?? (offsets.set(article.id, new OffsetIndex(text)), offsets.get(article.id)!);
    if (entry.kind === 'article') docs.set(entry.key, articleDoc(article, text));
    else if (entry.kind === 'claim') {
      const claim = read.claims.get(entry.id);
      docs.set(entry.key, claim ? claimDoc(claim, sha, index()) : gone(entry));
    } else if (entry.kind === 'unlabelled') {
      const item = read.unlabelled.get(entry.id);
      docs.set(entry.key, item ? unlabelledDoc(item, sha, index()) : gone(entry));
    } else if (entry.kind === 'comment') {
      const comment = read.comments.get(entry.id);
      if (comment) docs.set(entry.key, commentDoc(comment, sha));
    } else {
      const decision = read.decisions.get(entry.id);
      if (decision) docs.set(entry.key, decisionDoc(decision, sha));
    }
  }
  return docs;
}

/** A document as the replica's changes feed gives it. */
export interface Arrived {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

/** Reads documents back from the replica: by id, or at a revision. */
export interface ReplicaReads {
  get(id: string): Promise<Arrived | undefined>;
  getRev(id: string, rev: string): Promise<Arrived | undefined>;
}

/** What arrived, checked and read as changes for the store, and the documents that could not be read. */
export interface ReadArrivals {
  changes: TeamChanges;
  problems: string[];
}

const TEAM = { id: 'team', name: 'team' };
const EMPTY_FILE: ParsedExport = { annotator: TEAM, exportedAt: '', articles: [], relations: [], threads: [] };

/** Changes that change nothing: what a batch of only our own documents comes to. */
export function noChanges(): TeamChanges {
  return { file: EMPTY_FILE, decisions: [], deleted: noneDeleted(), conflicts: [], settled: [], decisionConflicts: [], settledDecisions: [] };
}

function noneDeleted(): TeamChanges['deleted'] {
  return { claim: [], unlabelled: [], relation: [], thread: [] };
}

/** Documents read as a checked file: all at once, or, when something in them is refused, article by article. */
async function readDocs(
  docs: readonly Arrived[],
  now: string,
  problems: string[],
  checked: CheckedTexts,
): Promise<{ file: ParsedExport; decisions: DecisionDoc[] }> {
  const read = docsToExportFile(docs, TEAM, now);
  problems.push(...read.problems);
  const whole = await readExportData(read.file, undefined, now, checked);
  if (whole.ok) return { file: whole.value, decisions: read.decisions };
  const links = await readExportData(
    docsToExportFile(
      docs.filter((d) => d.type === 'relation' || d.type === 'thread'),
      TEAM,
      now,
    ).file,
    undefined,
    now,
  );
  const file: ParsedExport = {
    ...EMPTY_FILE,
    exportedAt: now,
    articles: [],
    ...(links.ok ? { relations: links.value.relations, threads: links.value.threads } : {}),
  };
  if (!links.ok) problems.push(...links.problems);
  for (const article of docs.filter((d) => d.type === 'article')) {
    const own = docs.filter((d) => d === article || d.article === article.textSha256);
    const one = await readExportData(docsToExportFile(own, TEAM, now).file, undefined, now, checked);
    if (one.ok) file.articles.push(...one.value.articles);
    else problems.push(...one.problems.map((p) => `${article._id}: ${p}`));
  }
  return { file, decisions: read.decisions };
}

/** A claim's or decision's live versions, winner first (see byWinner: a decision's time is its `at`). */
async function versionsOf(doc: Arrived, replica: ReplicaReads): Promise<Arrived[]> {
  const others = await Promise.all((doc._conflicts ?? []).map((rev) => replica.getRev(doc._id, rev)));
  const live = [doc, ...others].filter((d): d is Arrived => d !== undefined && !d._deleted);
  return byWinner(live.map((d) => ({ doc: d, rev: d._rev, modified: String(d.modified ?? d.at ?? '') }))).map((v) => v.doc);
}

/**
 * Turns a batch of arrived documents into changes: a claim or decision changed in two places gets
 * its winner by `byWinner`, with every version kept for the person to choose (texts in `checked`
 * were checked by an earlier batch and are not checked again); articles and claims
 * the batch needs but does not carry are read from the replica.
 */
export async function readArrivals(arrived: readonly Arrived[], replica: ReplicaReads, now: string, checked = new CheckedTexts()): Promise<ReadArrivals> {
  const problems: string[] = [];
  const deleted = noneDeleted();
  const settled: string[] = [];
  const conflicted: Arrived[][] = [];
  const settledDecisions: string[] = [];
  const decisionConflicts: TeamChanges['decisionConflicts'] = [];
  const live: Arrived[] = [];
  for (const doc of arrived) {
    if (doc._deleted) {
      const [kind, ...rest] = doc._id.split(':');
      if (kind && kind in deleted) deleted[kind as keyof typeof deleted].push(rest.join(':'));
    } else if (doc.type === 'claim') {
      const versions = await versionsOf(doc, replica);
      live.push(versions[0]!);
      if (versions.length > 1) conflicted.push(versions);
      else settled.push(String(doc.id));
    } else if (doc.type === 'decision') {
      const versions = await versionsOf(doc, replica);
      live.push(versions[0]!);
      const read = docsToExportFile(versions, TEAM, now).decisions.map((d, i) => ({ rev: versions[i]!._rev, decision: decisionOf(d) }));
      if (read.length > 1 && read.length === versions.length) decisionConflicts.push({ sha: String(doc.article), key: String(doc.key), versions: read });
      else settledDecisions.push(String(doc.key));
    } else live.push(doc);
  }
  // Comments need their claim, claims their article, relations both articles: what the batch lacks is read from the replica.
  const has = new Set(live.map((d) => d._id));
  const need = async (id: string) => {
    if (has.has(id)) return;
    has.add(id);
    const doc = await replica.get(id);
    if (doc && !doc._deleted) live.push(doc);
  };
  for (const doc of [...live]) if (doc.type === 'comment') await need(`claim:${String(doc.claim)}`);
  for (const doc of [...live])
    for (const sha of [doc.article, doc.type === 'relation' && doc.from, doc.type === 'relation' && doc.to])
      if (typeof sha === 'string') await need(`article:${sha}`);
  const { file, decisions } = await readDocs(live, now, problems, checked);
  const conflicts: TeamChanges['conflicts'] = [];
  for (const versions of conflicted) {
    const sha = String(versions[0]!.article);
    const article = live.find((d) => d._id === `article:${sha}`);
    if (!article) continue;
    const claims: { rev: string; claim: Claim }[] = [];
    for (const version of versions) {
      const claim = (await readDocs([article, version], now, problems, checked)).file.articles[0]?.claims[0];
      if (claim) claims.push({ rev: version._rev, claim });
    }
    if (claims.length > 1) conflicts.push({ sha, id: String(versions[0]!.id), versions: claims });
  }
  return {
    changes: {
      file,
      decisions: decisions.map((d) => ({ sha: d.article, decision: decisionOf(d) })),
      deleted,
      conflicts,
      settled,
      decisionConflicts,
      settledDecisions,
    },
    problems,
  };
}

function decisionOf(doc: DecisionDoc): Omit<Decision, 'articleId'> {
  const { key, status, chosen, label, comment, by, at } = doc;
  return { key, status, ...(chosen ? { chosen } : {}), ...(label ? { label } : {}), ...(comment ? { comment } : {}), by, at };
}
