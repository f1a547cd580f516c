/**
 * The part of PouchDB 9's API that sync uses, typed here: DefinitelyTyped's @types/pouchdb-core
 * declares a global `Buffer` that breaks Node's own types.
 */
declare module 'pouchdb-browser' {
  namespace PouchDB {
    interface Doc {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
      _conflicts?: string[];
      [field: string]: unknown;
    }
    type WriteResult = { ok: true; id: string; rev: string } | { error: true | string; id: string; status?: number; name?: string; message?: string };
    interface AllDocsRow {
      id?: string;
      key: string;
      value: { rev: string; deleted?: boolean };
      doc?: Doc | null;
    }
    interface ChangesResponse {
      results: { id: string; seq: number | string; deleted?: boolean; doc?: Doc }[];
      last_seq: number | string;
    }
    interface ChangesFeed {
      on(event: 'change', listener: (change: unknown) => void): ChangesFeed;
      cancel(): void;
    }
    interface SyncChange {
      direction: 'push' | 'pull';
      change: { docs: Doc[]; docs_written: number; docs_read: number; last_seq: number | string };
    }
    interface Replication {
      on(event: 'requestError' | 'paused', listener: (error: unknown) => void): Replication;
    }
    interface Sync {
      push: Replication;
      pull: Replication;
      on(event: 'change', listener: (info: SyncChange) => void): Sync;
      on(event: 'paused' | 'denied' | 'error', listener: (error: unknown) => void): Sync;
      on(event: 'active', listener: () => void): Sync;
      cancel(): void;
    }
    interface Database {
      info(): Promise<{ doc_count: number; update_seq: number | string }>;
      get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<Doc & { _rev: string }>;
      allDocs(options: { keys: string[]; include_docs?: boolean }): Promise<{ rows: (AllDocsRow | { key: string; error: string })[] }>;
      bulkDocs(docs: Doc[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
      changes(options: { since: number | string; live: true; include_docs?: boolean }): ChangesFeed;
      changes(options: { since: number | string; limit?: number; include_docs?: boolean; conflicts?: boolean }): Promise<ChangesResponse>;
      sync(remote: Database, options: { live: boolean; retry: boolean; batch_size?: number; back_off_function?: (delay: number) => number }): Sync;
      replicate: { from(remote: Database | string, options?: { batch_size?: number }): Promise<{ docs_written: number }> };
      close(): Promise<void>;
      destroy(): Promise<void>;
    }
    interface Options {
      adapter?: 'idb' | 'http';
      auto_compaction?: boolean;
      revs_limit?: number;
      skip_setup?: boolean;
      auth?: { username: string; password: string };
    }
  }
  const PouchDB: { new (name: string, options?: PouchDB.Options): PouchDB.Database };
  export default PouchDB;
}
