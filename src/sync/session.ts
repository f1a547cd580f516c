/**
 * Signing in to a team project's CouchDB: `_session` (CouchDB's cookie session), then the
 * database itself, which says whether this user is a member. The password is only ever sent
 * to the server; nothing here stores it.
 */
import type { TeamProject } from '../store/schema';

/** What asking the server said. */
export type Access = { ok: true; roles: string[] } | { ok: false; reason: 'sign-in-failed' | 'not-member' | 'no-database' | 'unreachable'; message: string };

/** The database's address on its server. */
export function databaseUrl(project: Pick<TeamProject, 'server' | 'database'>): string {
  return `${project.server.replace(/\/+$/, '')}/${encodeURIComponent(project.database)}`;
}

async function request(url: string, init: RequestInit): Promise<Response | null> {
  try {
    return await fetch(url, { ...init, credentials: 'include', headers: { Accept: 'application/json', ...init.headers } });
  } catch {
    return null;
  }
}

const unreachable = (server: string): Access => ({ ok: false, reason: 'unreachable', message: `The server ${server} could not be reached.` });

/** Signs in (CouchDB sets its session cookie) and checks the user may read the project. */
export async function signIn(project: TeamProject, password: string): Promise<Access> {
  const server = project.server.replace(/\/+$/, '');
  const session = await request(`${server}/_session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: project.user, password }),
  });
  if (!session) return unreachable(server);
  if (session.status === 401) return { ok: false, reason: 'sign-in-failed', message: 'Sign-in failed: the user name or password is wrong.' };
  if (!session.ok) return { ok: false, reason: 'unreachable', message: `The server refused to sign in (HTTP ${session.status}).` };
  const { roles = [] } = (await session.json()) as { roles?: string[] };
  return checkDatabase(project, roles, { Authorization: `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${project.user}:${password}`)))}` });
}

/** Whether the session cookie of an earlier sign-in still admits this user to the project. */
export async function resumeSession(project: TeamProject): Promise<Access> {
  const server = project.server.replace(/\/+$/, '');
  const session = await request(`${server}/_session`, { method: 'GET' });
  if (!session) return unreachable(server);
  const { userCtx } = (await session.json().catch(() => ({}))) as { userCtx?: { name: string | null; roles: string[] } };
  if (userCtx?.name !== project.user) return { ok: false, reason: 'sign-in-failed', message: 'Sign in again to sync: your session has ended.' };
  return checkDatabase(project, userCtx.roles, {});
}

async function checkDatabase(project: TeamProject, roles: string[], headers: Record<string, string>): Promise<Access> {
  const db = await request(`${databaseUrl(project)}/`, { method: 'GET', headers });
  if (!db) return unreachable(project.server);
  if (db.ok) return { ok: true, roles };
  if (db.status === 401 || db.status === 403)
    return {
      ok: false,
      reason: 'not-member',
      message: `${project.user} is not a member of the project ${project.database}: ask its administrator to add you.`,
    };
  if (db.status === 404) return { ok: false, reason: 'no-database', message: `There is no project ${project.database} on ${project.server}.` };
  return { ok: false, reason: 'unreachable', message: `The server answered HTTP ${db.status}.` };
}
