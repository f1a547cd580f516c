/**
 * The shape of the IndexedDB database and the steps that build it, version by version.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Decision } from '../core/adjudication';
import type { Article, ArticleRelation, Claim, ClaimComment, ClaimThread, Label } from '../core/model';
import type { UnlabelledClaim } from '../core/format/foreign';
import type { Fingerprint } from '../core/similarity';

export interface ClaimtrailSchema extends DBSchema {
  articles: { key: string; value: Article; indexes: { bySha: string } };
  texts: { key: string; value: { id: string; text: string } };
  claims: { key: string; value: Claim; indexes: { byArticle: string; byArticleLabel: [string, Label] } };
  settings: { key: string; value: unknown };
  decisions: { key: string; value: Decision; indexes: { byArticle: string } };
  comments: { key: string; value: ClaimComment; indexes: { byArticle: string } };
  relations: { key: string; value: ArticleRelation };
  threads: { key: string; value: ClaimThread; indexes: { byClaim: string } };
  /** Near-duplicate fingerprints of article texts, by article id, made when first needed. */
  fingerprints: { key: string; value: { id: string; fingerprint: Fingerprint } };
  /** Imported annotations placed on words but carrying none of our labels, waiting for one. */
  unlabelled: { key: string; value: UnlabelledClaim; indexes: { byArticle: string } };
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
    const claims = db.createObjectStore('claims', { keyPath: 'id' });
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
];

/** The schema version this build of the app reads and writes. */
export const DB_VERSION = MIGRATIONS.length;

