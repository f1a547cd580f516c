/**
 * The team database (Apache CouchDB, issue 13) as an open format: one document per thing, in the
 * version 1 export's shapes (code points, the same field names), keyed so that the same thing
 * made in two libraries is the same document. Articles are named by their text's hash, since
 * library ids differ from browser to browser:
 *   article:<textSha256>    its text and details (the text never changes once the document exists)
 *   claim:<id>              a claim, with `article` (the text's hash)
 *   unlabelled:<id>         an annotation waiting for a label
 *   comment:<id>            a remark on a claim
 *   decision:<sha>:<key>    a review decision on one disagreement of an article
 *   relation:<id>           "article `from` republishes (…) article `to`", by text hash
 *   thread:<id>             claims that make one statement
 * Each shape is a zod schema, published as JSON Schema in schemas/ like the export's.
 */
import * as z from 'zod';
import type { Decision } from '../adjudication';
import { LABELS, RELATION_KINDS, type Article, type ArticleRelation, type Claim, type ClaimComment, type ClaimThread, type UnlabelledClaim } from '../model';
import { OffsetIndex } from '../text';
import { AnnotatorSchema, ArticleSchema, ClaimSchema, CommentSchema, ThreadSchema, UnlabelledSchema } from './claimtrail-v1';
import { exportArticleFields, exportClaim, exportUnlabelled } from './export';

const Sha = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected 64 lowercase hex digits' });
const key = (prefix: string) => z.string().startsWith(`${prefix}:`);

export const ArticleDocSchema = ArticleSchema.omit({ id: true, claims: true, unlabelled: true })
  .extend({ _id: key('article'), type: z.literal('article') })
  .meta({ title: 'claimtrail team database: article', description: 'An article text and its details, keyed by the SHA-256 of the text.' });

export const ClaimDocSchema = ClaimSchema.extend({ _id: key('claim'), type: z.literal('claim'), article: Sha.describe('SHA-256 of the article text.') }).meta({
  title: 'claimtrail team database: claim',
});

export const UnlabelledDocSchema = UnlabelledSchema.extend({ _id: key('unlabelled'), type: z.literal('unlabelled'), article: Sha }).meta({
  title: 'claimtrail team database: annotation waiting for a label',
});

export const CommentDocSchema = CommentSchema.extend({ _id: key('comment'), type: z.literal('comment'), article: Sha, claim: z.string().min(1) }).meta({
  title: 'claimtrail team database: comment',
});

export const DecisionDocSchema = z
  .looseObject({
    _id: key('decision'),
    type: z.literal('decision'),
    article: Sha,
    key: z.string().min(1).describe('The disagreement: its claim ids, sorted and joined.'),
    status: z.enum(['accepted', 'relabelled', 'rejected']),
    chosen: z.string().optional(),
    label: z.enum(LABELS).optional(),
    comment: z.string().optional(),
    by: AnnotatorSchema,
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ title: 'claimtrail team database: review decision' });

export const RelationDocSchema = z
  .looseObject({
    _id: key('relation'),
    type: z.literal('relation'),
    from: Sha,
    to: Sha,
    kind: z.enum(RELATION_KINDS),
    created: z.iso.datetime({ offset: true }),
  })
  .meta({ title: 'claimtrail team database: relation between articles' });

export const ThreadDocSchema = ThreadSchema.extend({ _id: key('thread'), type: z.literal('thread') }).meta({ title: 'claimtrail team database: claim thread' });

/** The schema of each document type, by `type`. */
export const DOC_SCHEMAS = {
  article: ArticleDocSchema,
  claim: ClaimDocSchema,
  unlabelled: UnlabelledDocSchema,
  comment: CommentDocSchema,
  decision: DecisionDocSchema,
  relation: RelationDocSchema,
  thread: ThreadDocSchema,
} as const;

export type DocType = keyof typeof DOC_SCHEMAS;
export type ArticleDoc = z.infer<typeof ArticleDocSchema>;
export type ClaimDoc = z.infer<typeof ClaimDocSchema>;
export type UnlabelledDoc = z.infer<typeof UnlabelledDocSchema>;
export type CommentDoc = z.infer<typeof CommentDocSchema>;
export type DecisionDoc = z.infer<typeof DecisionDocSchema>;
export type RelationDoc = z.infer<typeof RelationDocSchema>;
export type ThreadDoc = z.infer<typeof ThreadDocSchema>;

/** The JSON Schema of one document type, as published in schemas/. */
export function docJsonSchema(type: DocType): object {
  return z.toJSONSchema(DOC_SCHEMAS[type], { target: 'draft-2020-12', io: 'input' });
}

/** An article's document: its details and text (no library id: libraries name it by its text). */
export function articleDoc(article: Article, text: string, offsets: OffsetIndex = new OffsetIndex(text)): ArticleDoc {
  return { _id: `article:${article.textSha256}`, type: 'article', ...exportArticleFields(article, offsets), text };
}

/** A claim's document, offsets in code points of its article's text. */
export function claimDoc(claim: Claim, sha: string, offsets: OffsetIndex): ClaimDoc {
  return { _id: `claim:${claim.id}`, type: 'claim', article: sha, ...exportClaim(claim, offsets) };
}

/** An annotation waiting for a label, as a document. */
export function unlabelledDoc(item: UnlabelledClaim, sha: string, offsets: OffsetIndex): UnlabelledDoc {
  return { _id: `unlabelled:${item.id}`, type: 'unlabelled', article: sha, ...exportUnlabelled(item, offsets) };
}

export function commentDoc(comment: ClaimComment, sha: string): CommentDoc {
  const { id, claimId, by, at, text } = comment;
  return { _id: `comment:${id}`, type: 'comment', article: sha, claim: claimId, id, by: { id: by.id, name: by.name }, at, text };
}

export function decisionDoc(decision: Decision, sha: string): DecisionDoc {
  const { key: k, status, chosen, label, comment, by, at } = decision;
  return {
    _id: `decision:${sha}:${k}`,
    type: 'decision',
    article: sha,
    key: k,
    status,
    ...(chosen ? { chosen } : {}),
    ...(label ? { label } : {}),
    ...(comment ? { comment } : {}),
    by: { id: by.id, name: by.name },
    at,
  };
}

/** A relation's document: its articles named by their texts' hashes. */
export function relationDoc(relation: ArticleRelation, shaOf: (articleId: string) => string): RelationDoc {
  return {
    _id: `relation:${relation.id}`,
    type: 'relation',
    from: shaOf(relation.from),
    to: shaOf(relation.to),
    kind: relation.kind,
    created: relation.created,
  };
}

export function threadDoc(thread: ClaimThread): ThreadDoc {
  return {
    _id: `thread:${thread.id}`,
    type: 'thread',
    id: thread.id,
    title: thread.title,
    claims: [...thread.claimIds],
    created: thread.created,
    modified: thread.modified,
  };
}

/** What the documents of a team database read as: a version 1 file (to be read with all its checks), the decisions, and what could not be read. */
export interface ReadDocs {
  /** The claimtrail file the documents make, to read with readExportData: one road for every check. */
  file: object;
  decisions: DecisionDoc[];
  problems: string[];
}

/** Documents (from a replica, in any order) as a claimtrail version 1 file, each checked against its schema first. */
export function docsToExportFile(docs: readonly unknown[], annotator: { id: string; name: string }, exportedAt: string): ReadDocs {
  const problems: string[] = [];
  const byType: { [T in DocType]: z.infer<(typeof DOC_SCHEMAS)[T]>[] } = {
    article: [],
    claim: [],
    unlabelled: [],
    comment: [],
    decision: [],
    relation: [],
    thread: [],
  };
  for (const doc of docs) {
    const type = (doc as { type?: unknown } | null)?.type;
    const id = String((doc as { _id?: unknown } | null)?._id ?? '?');
    if (typeof type !== 'string' || !(type in DOC_SCHEMAS)) {
      problems.push(`${id}: not a claimtrail document (no known "type")`);
      continue;
    }
    const parsed = DOC_SCHEMAS[type as DocType].safeParse(doc);
    if (!parsed.success) problems.push(`${id}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; ')}`);
    else (byType[type as DocType] as unknown[]).push(parsed.data);
  }
  // A document less CouchDB's own fields (_id, _rev, _conflicts…), its type and its article: the v1 shape.
  const bare = (doc: object, keep: string[] = []) =>
    Object.fromEntries(Object.entries(doc).filter(([k]) => keep.includes(k) || (!k.startsWith('_') && k !== 'type' && k !== 'article')));
  const commentsOf = new Map<string, object[]>();
  for (const c of byType.comment) commentsOf.set(c.claim, [...(commentsOf.get(c.claim) ?? []), { id: c.id, by: c.by, at: c.at, text: c.text }]);
  const articles = byType.article.map((doc) => {
    const sha = doc.textSha256;
    const claims = byType.claim
      .filter((c) => c.article === sha)
      .map((c) => ({ ...bare(c), ...(commentsOf.has(c.id) ? { comments: commentsOf.get(c.id) } : {}) }));
    const unlabelled = byType.unlabelled.filter((u) => u.article === sha).map((u) => bare(u));
    return { id: sha, ...bare(doc), claims, ...(unlabelled.length ? { unlabelled } : {}) };
  });
  const known = new Set(byType.article.map((a) => a.textSha256));
  for (const c of [...byType.claim, ...byType.unlabelled])
    if (!known.has(c.article)) problems.push(`${c._id}: its article (${c.article}) is not in the database`);
  return {
    file: {
      format: 'claimtrail',
      version: 1,
      exportedAt,
      generator: 'claimtrail team database',
      annotator,
      articles,
      ...(byType.relation.length ? { relations: byType.relation.map((r) => ({ id: r._id.slice('relation:'.length), ...bare(r) })) } : {}),
      ...(byType.thread.length ? { threads: byType.thread.map((t) => bare(t)) } : {}),
    },
    decisions: byType.decision,
    problems,
  };
}

/**
 * Why a team server's address is refused, or null: only https, or http on this machine (a
 * password must never cross a network in the clear).
 */
export function serverUrlProblem(server: string): string | null {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return 'The server must be a web address, like https://couch.example.org.';
  }
  if (url.username || url.password) return 'Give the user name and password in their own fields, not in the address.';
  if (url.protocol === 'https:') return null;
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol === 'http:' && loopback) return null;
  return 'Only https servers are accepted (or http on this machine: localhost).';
}

/** CouchDB's order of revisions: by generation, then by hash. */
function compareRevs(a: string, b: string): number {
  const [ga, ha] = [parseInt(a, 10), a.slice(a.indexOf('-') + 1)];
  const [gb, hb] = [parseInt(b, 10), b.slice(b.indexOf('-') + 1)];
  return ga - gb || (ha < hb ? -1 : ha > hb ? 1 : 0);
}

/**
 * The versions of a document changed in two places, winner first: later `modified` wins, then
 * the later revision, so every replica shows the same one whatever order they arrived in.
 */
export function byWinner<T extends { rev: string; modified: string }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => b.modified.localeCompare(a.modified) || compareRevs(b.rev, a.rev));
}
