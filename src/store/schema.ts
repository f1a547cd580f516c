/**
 * The shape of the IndexedDB database and the steps that build it, version by version.
 */
import { unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Decision, DecisionConflict } from '../core/adjudication';
import {
  countLabels,
  type Annotator,
  type Article,
  type ArticleRelation,
  type Claim,
  type ClaimComment,
  type ClaimConflict,
  type ClaimThread,
  type OriginalFile,
  type UnlabelledClaim,
} from '../core/model';
import type { Fingerprint } from '../core/similarity';
export type { ClaimConflict };
import { paginate, type ClaimCounts, type ClaimPage } from './page-layout';
import type { TextRecord } from './text-record';

/** The settings the app keeps, by key, with the type of each. */
export interface Settings {
  /** Who makes claims in this browser. */
  annotator: Annotator;
  /** Whether the demo article was added on first start. */
  demoAdded: boolean;
  /** Where the fact checks are published (ClaimReview's url), as given last time. */
  reviewUrl: string;
  /** Suggested claim matches the person said are not the same claim. */
  dismissedMatches: string[];
  /** Suggested version pairs the person said are not versions. */
  dismissedVersions: string[];
  /** The team project this library syncs with (never its password), when one is connected. */
  team: TeamProject;
  /** How far into the team replica's changes this library has applied (PouchDB's `since`). */
  teamSeq: number | string;
}

/** A team project: the CouchDB server, its database, and who signs in. */
export interface TeamProject {
  server: string;
  database: string;
  user: string;
}

/** What changed here and is still to be sent to the team project (see store/outbox.ts). */
export interface OutboxEntry {
  /** `kind:articleId:id`: one entry per thing, however often it changed. */
  key: string;
  kind: 'article' | 'claim' | 'comment' | 'decision' | 'unlabelled' | 'relation' | 'thread';
  /** The article it belongs to (a relation's: its `from`; a thread's: none, ''). */
  articleId: string;
  /** The thing's id (a decision's: its key). */
  id: string;
  /** Changes each time the entry is written again, so a send only clears what it sent. */
  stamp: number;
}

export interface ClaimtrailSchema extends DBSchema {
  articles: { key: string; value: Article; indexes: { bySha: string } };
  texts: { key: string; value: TextRecord };
  /** Claims in pages of up to PAGE_SIZE per article (see page-layout.ts). */
  claimPages: { key: [string, number]; value: ClaimPage; indexes: { byClaim: string } };
  /** Each article's claim counts per label, kept with every claim write. */
  claimCounts: { key: string; value: ClaimCounts };
  settings: { key: keyof Settings; value: Settings[keyof Settings] };
  decisions: { key: string; value: Decision; indexes: { byArticle: string } };
  comments: { key: string; value: ClaimComment; indexes: { byArticle: string } };
  relations: { key: string; value: ArticleRelation };
  threads: { key: string; value: ClaimThread; indexes: { byClaim: string } };
  /** Near-duplicate fingerprints of article texts, by article id, made when first needed. */
  fingerprints: { key: string; value: { id: string; fingerprint: Fingerprint } };
  /** Imported annotations placed on words but carrying none of our labels, waiting for one. */
  unlabelled: { key: string; value: UnlabelledClaim; indexes: { byArticle: string } };
  /** Changes waiting to be sent to the team project, written in the transaction of the change. */
  outbox: { key: string; value: OutboxEntry };
  /** Claims changed in two places at once, until someone keeps one version. */
  conflicts: { key: string; value: ClaimConflict; indexes: { byArticle: string } };
  /** Disagreements decided in two places at once, by decision key, until a reviewer keeps one decision. */
  decisionConflicts: { key: string; value: DecisionConflict; indexes: { byArticle: string } };
  /** The file each article was made from, gzip-compressed, by article id: evidence of what the page said. */
  originals: { key: string; value: StoredOriginal };
}

/** An added file's bytes as the library keeps them, with when it was added. */
export interface StoredOriginal extends OriginalFile {
  /** The article made from it. */
  id: string;
  added: string;
  /** The file's bytes, gzip-compressed. */
  gzip: ArrayBuffer;
}

export type Db = IDBPDatabase<ClaimtrailSchema>;
type UpgradeTx = IDBPTransaction<ClaimtrailSchema, StoreNames<ClaimtrailSchema>[], 'versionchange'>;

/**
 * Migrations, one per version step: MIGRATIONS[n] takes a database at version n to n + 1.
 * A later version appends a step; opening runs every step from the stored version up, inside
 * the one upgrade transaction, so a failed step leaves the old data as it was.
 */
export const MIGRATIONS: ((db: Db, tx: UpgradeTx) => void)[] = [
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('bySha', 'textSha256', { unique: true });
    db.createObjectStore('texts', { keyPath: 'id' });
    // Versions 1 to 5 kept one record per claim; version 6 moved them into pages.
    const claims = unwrap(db).createObjectStore('claims', { keyPath: 'id' });
    claims.createIndex('byArticle', 'articleId');
    claims.createIndex('byArticleLabel', ['articleId', 'label']);
    db.createObjectStore('settings');
  },
  (db) => {
    const decisions = db.createObjectStore('decisions', { keyPath: 'key' });
    decisions.createIndex('byArticle', 'articleId');
  },
  (db) => {
    db.createObjectStore('comments', { keyPath: 'id' }).createIndex('byArticle', 'articleId');
  },
  (db) => {
    db.createObjectStore('relations', { keyPath: 'id' });
    db.createObjectStore('threads', { keyPath: 'id' }).createIndex('byClaim', 'claimIds', { multiEntry: true });
    db.createObjectStore('fingerprints', { keyPath: 'id' });
  },
  (db) => {
    db.createObjectStore('unlabelled', { keyPath: 'id' }).createIndex('byArticle', 'articleId');
  },
  (db, tx) => {
    const pages = db.createObjectStore('claimPages', { keyPath: ['articleId', 'seq'] });
    pages.createIndex('byClaim', 'claimIds', { multiEntry: true });
    const counts = db.createObjectStore('claimCounts', { keyPath: 'articleId' });
    const read = unwrap(tx).objectStore('claims').getAll();
    read.onsuccess = () => {
      const byArticle = new Map<string, Claim[]>();
      for (const claim of read.result as Claim[]) {
        const claims = byArticle.get(claim.articleId);
        if (claims) claims.push(claim);
        else byArticle.set(claim.articleId, [claim]);
      }
      for (const [articleId, claims] of byArticle) {
        for (const page of paginate(articleId, claims)) unwrap(pages).put(page);
        unwrap(counts).put({ articleId, counts: countLabels(claims) });
      }
      unwrap(db).deleteObjectStore('claims');
    };
  },
  (db) => {
    db.createObjectStore('outbox', { keyPath: 'key' });
    db.createObjectStore('conflicts', { keyPath: 'id' }).createIndex('byArticle', 'articleId');
  },
  (db) => {
    db.createObjectStore('decisionConflicts', { keyPath: 'key' }).createIndex('byArticle', 'articleId');
  },
  (db) => {
    db.createObjectStore('originals', { keyPath: 'id' });
  },
];

/** The schema version this build of the app reads and writes. */
export const DB_VERSION = MIGRATIONS.length;
