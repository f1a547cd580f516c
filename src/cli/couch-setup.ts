/**
 * `claimtrail couch-setup URL DATABASE --user ADMIN [--origin ORIGIN]... [--member NAME]... [--reviewer NAME]...`
 * Makes a CouchDB database ready as a team project, as its administrator: creates it, installs
 * the design document (validate_doc_update), admits only the members (and reviewers) in
 * `_security`, gives reviewers the `reviewer` role, and enables CORS with credentials for each
 * origin the app is served from. Each step says what it did; running it twice changes nothing more.
 * The admin's password comes from COUCHDB_PASSWORD, else it is asked on the terminal.
 */
import { createInterface } from 'node:readline';
import { designDocument } from '../core/format/couch-design';
import { options } from './args';
import { COUCH_SETUP_USAGE } from './usage';

/** What to set up, and as whom. */
export interface SetupPlan {
  url: string;
  database: string;
  admin: { user: string; password: string };
  origins: string[];
  members: string[];
  reviewers: string[];
  /** Whether to install the design document (default yes; see e2e/team.ts for the one reason not to). */
  design?: boolean;
}

/** CouchDB's answer: status and JSON body. */
type Answer = { status: number; body: Record<string, unknown> };

/** Sets up the project; `say` is told each step. Throws with a message a person can act on. */
export async function couchSetup(plan: SetupPlan, say: (line: string) => void): Promise<void> {
  const server = plan.url.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${plan.admin.user}:${plan.admin.password}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    let response: Response;
    try {
      response = await fetch(`${server}${path}`, {
        method,
        headers: { Authorization: auth, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new Error(
        `cannot reach ${server} (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`,
      );
    }
    const text = await response.text();
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { value: text };
    }
    if (response.status === 401) throw new Error(`${plan.admin.user} could not sign in to ${server}: wrong name or password`);
    return { status: response.status, body: typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { value: parsed } };
  };
  const ensure = (answer: Answer, what: string) => {
    if (answer.status >= 400) throw new Error(`could not ${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const db = `/${encodeURIComponent(plan.database)}`;

  const created = await call('PUT', db);
  if (created.status === 412) say(`database ${plan.database}: already there`);
  else say(`database ${plan.database}: ${ensure(created, `create the database ${plan.database}`).status === 201 ? 'created' : 'ready'}`);

  const design = designDocument();
  const current = await call('GET', `${db}/${design._id}`);
  if (plan.design === false) say(`design document ${design._id}: left out, as asked`);
  else if (current.status === 200 && current.body.validate_doc_update === design.validate_doc_update) say(`design document ${design._id}: up to date`);
  else {
    ensure(await call('PUT', `${db}/${design._id}`, current.status === 200 ? { ...design, _rev: current.body._rev } : design), 'install the design document');
    say(`design document ${design._id}: ${current.status === 200 ? 'updated' : 'installed'}`);
  }

  const members = [...new Set([...plan.members, ...plan.reviewers])].sort();
  const security = { admins: { names: [], roles: [] }, members: { names: members, roles: [] } };
  const before = await call('GET', `${db}/_security`);
  if (JSON.stringify(before.body) === JSON.stringify(security)) say(`_security: members ${members.join(', ') || '(none)'}, unchanged`);
  else {
    ensure(await call('PUT', `${db}/_security`, security), 'set the database’s _security');
    say(`_security: only members may read or write: ${members.join(', ') || '(none yet: add them with --member)'}`);
  }

  for (const name of plan.reviewers) {
    const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
    const user = await call('GET', path);
    if (user.status === 404) {
      say(`reviewer ${name}: no such user on the server yet; create the user, then run this again`);
      continue;
    }
    const roles = (ensure(user, `read the user ${name}`).body.roles as string[] | undefined) ?? [];
    if (roles.includes('reviewer')) say(`reviewer ${name}: has the reviewer role`);
    else {
      ensure(await call('PUT', path, { ...user.body, roles: [...roles, 'reviewer'] }), `give ${name} the reviewer role`);
      say(`reviewer ${name}: given the reviewer role`);
    }
  }

  // CORS lives in the node's configuration: /_node/_local/_config on CouchDB 3, /_config on older servers.
  const config = (await call('GET', '/_node/_local/_config/cors')).status < 400 ? '/_node/_local/_config' : '/_config';
  const setting = async (section: string, key: string, value: string) => {
    const now = await call('GET', `${config}/${section}/${key}`);
    if (now.status === 200 && now.body.value === value) return false;
    ensure(await call('PUT', `${config}/${section}/${key}`, value), `set ${section}/${key}`);
    return true;
  };
  const had = await call('GET', `${config}/cors/origins`);
  const known =
    had.status === 200 && typeof had.body.value === 'string'
      ? had.body.value
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean)
      : [];
  const origins = [...new Set([...known, ...plan.origins])].filter((o) => o !== '*');
  const changed = [
    await setting('chttpd', 'enable_cors', 'true').catch(() => false),
    await setting('httpd', 'enable_cors', 'true'),
    await setting('cors', 'origins', origins.join(', ')),
    await setting('cors', 'credentials', 'true'),
    await setting('cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'),
    await setting('cors', 'headers', 'accept, authorization, content-type, origin, referer'),
  ];
  say(`CORS with credentials for ${origins.join(', ')}: ${changed.some(Boolean) ? 'enabled' : 'already enabled'}`);
}

/** Asks for a password on the terminal without echoing it. */
function askPassword(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    output._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/** The command: exit 0 when the project is ready, 1 when the server refused, 2 on bad arguments. */
export async function couchSetupCommand(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const parsed = options(args, ['--user', '--origin', '--member', '--reviewer'], ['--origin', '--member', '--reviewer']);
  const [url, database] = parsed.positional;
  if (parsed.problem || parsed.positional.length !== 2 || !url || !database || !parsed.values.get('--user')) {
    err(`claimtrail couch-setup: ${parsed.problem ?? 'give the server URL, the database and --user ADMIN'}\n${COUCH_SETUP_USAGE}`);
    return 2;
  }
  if (!/^https?:\/\//.test(url)) {
    err(`claimtrail couch-setup: ${url} is not an http(s) address\n${COUCH_SETUP_USAGE}`);
    return 2;
  }
  const user = parsed.values.get('--user')!;
  const password = process.env.COUCHDB_PASSWORD ?? (process.stdin.isTTY ? await askPassword(`Password for ${user} on ${url}: `) : '');
  if (!password) {
    err('claimtrail couch-setup: no password: set COUCHDB_PASSWORD, or run it in a terminal to be asked');
    return 2;
  }
  const plan: SetupPlan = {
    url,
    database,
    admin: { user, password },
    origins: parsed.all.get('--origin') ?? ['http://localhost:5173'],
    members: parsed.all.get('--member') ?? [],
    reviewers: parsed.all.get('--reviewer') ?? [],
  };
  try {
    await couchSetup(plan, out);
    out(`${database} on ${url} is ready: connect from claimtrail's Team dialog.`);
    return 0;
  } catch (error) {
    err(`claimtrail couch-setup: ${(error as Error).message}`);
    return 1;
  }
}
