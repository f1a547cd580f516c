#!/usr/bin/env node
/**
 * A CouchDB-compatible server on loopback for the sync tests: pouchdb-server (express-pouchdb,
 * databases in memory) in a fresh folder of its own, with an admin and CORS for the app's test
 * origin. Run as a script it serves until stopped, and creates the database `claimtrail-ready`
 * last, so that a wait for that address returns only once the server is set up.
 *   node scripts/couch-test-server.mjs [PORT]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TEST_ADMIN = { user: 'admin', password: 'admin-password' };
export const TEST_ORIGINS = ['http://localhost:4173', 'http://localhost:5173'];

async function until(url, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > end) throw new Error(`pouchdb-server did not answer at ${url} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts the server; resolves with its address, its admin, and a way to stop it. With `dir`,
 * databases are kept on disk there (LevelDB), so the server can be stopped and started again
 * with its data; without, they live in memory and the folder is removed on stop.
 */
export async function startTestCouch(port = 5985, dir = null) {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'claimtrail-couch-'));
  const storage = dir ? ['--dir', join(folder, 'data')] : ['--in-memory'];
  const bin = join(root, 'node_modules/pouchdb-server/bin/pouchdb-server');
  const child = spawn(process.execPath, [bin, ...storage, '--port', String(port), '--host', 'localhost'], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill();
    await exited;
    if (!dir) rmSync(folder, { recursive: true, force: true });
  };
  try {
    await until(`${url}/`, 20_000);
    // Started again on a folder set up before: the admin and CORS are there already.
    const signIn = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: TEST_ADMIN.user, password: TEST_ADMIN.password }),
    };
    if (dir && (await fetch(`${url}/_session`, signIn)).ok) return { url, admin: TEST_ADMIN, stop };
    const auth = `Basic ${Buffer.from(`${TEST_ADMIN.user}:${TEST_ADMIN.password}`).toString('base64')}`;
    const put = async (path, value, withAuth = true) => {
      const response = await fetch(`${url}${path}`, { method: 'PUT', headers: withAuth ? { Authorization: auth } : {}, body: JSON.stringify(value) });
      if (!response.ok) throw new Error(`PUT ${path}: HTTP ${response.status} ${await response.text()}`);
    };
    await put(`/_config/admins/${TEST_ADMIN.user}`, TEST_ADMIN.password, false);
    // Apache CouchDB keeps the secret that signs session cookies in its config; pouchdb-server
    // makes a new one at each start unless one is set, which would sign everyone out on a restart.
    await put('/_config/couch_httpd_auth/secret', 'claimtrail-test-session-secret');
    await put('/_config/httpd/enable_cors', 'true');
    await put('/_config/cors/origins', TEST_ORIGINS.join(', '));
    await put('/_config/cors/credentials', 'true');
    await put('/_config/cors/headers', 'accept, authorization, content-type, origin, referer');
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, admin: TEST_ADMIN, stop };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startTestCouch(Number(process.argv[2] ?? 5985));
  const auth = `Basic ${Buffer.from(`${TEST_ADMIN.user}:${TEST_ADMIN.password}`).toString('base64')}`;
  await fetch(`${server.url}/claimtrail-ready`, { method: 'PUT', headers: { Authorization: auth } });
  console.log(`pouchdb-server for the tests at ${server.url} (admin ${TEST_ADMIN.user})`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void server.stop().then(() => process.exit(0)));
}
