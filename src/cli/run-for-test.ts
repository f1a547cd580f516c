/** Running a `claimtrail` command in a test, with what it wrote. */
import { run } from './main';

/** Runs `claimtrail COMMAND ARGS...`; its exit code and everything it wrote to stdout and stderr. */
export async function runCommand(command: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(
    [command, ...args],
    (t) => (out += t),
    (t) => (err += t),
  );
  return { code, out, err };
}
