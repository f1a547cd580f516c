/** Types of couch-test-server.mjs, the loopback pouchdb-server the sync tests start. */
export interface TestCouch {
  url: string;
  admin: { user: string; password: string };
  stop(): Promise<void>;
}
export const TEST_ADMIN: { user: string; password: string };
export const TEST_ORIGINS: string[];
/** Starts pouchdb-server on `port`: in memory, or with its databases kept in `dir`. */
export function startTestCouch(port?: number, dir?: string | null): Promise<TestCouch>;
