/**
 * The `claimtrail` command: the same core code as the browser, around files.
 *   claimtrail agree FILE... [--json]
 *   claimtrail carry EXPORT.json --to NEW.txt [--article ID] [--out FILE]
 *   claimtrail convert FILE --to FORMAT | --from FORMAT --text ARTICLE.txt [--out PATH]
 *   claimtrail couch-setup URL DATABASE --user ADMIN [--origin O]... [--member N]... [--reviewer N]...
 *   claimtrail --version | --help
 * Each command is loaded only when it runs, so --help and --version start at once.
 */
import { version } from '../../package.json';
import { USAGE } from './usage';

/** Runs the command; returns the exit code. Output and errors go through the given writers. */
export async function run(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const [command, ...rest] = args;
  if (command === '--version') {
    out(`claimtrail ${version}`);
    return 0;
  }
  if (command === 'agree') return (await import('./agree')).agree(rest, out, err);
  if (command === 'carry') return (await import('./carry')).carry(rest, out, err);
  if (command === 'convert') return (await import('./convert')).convert(rest, out, err);
  if (command === 'couch-setup') return (await import('./couch-setup')).couchSetupCommand(rest, out, err);
  err(command && command !== '--help' ? `claimtrail: unknown command "${command}"\n${USAGE}` : USAGE);
  return command === '--help' ? 0 : 2;
}
