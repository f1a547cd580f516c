/** Reading the command line's options and files, shared by the commands. */
import { readFileSync } from 'node:fs';

/** Options after the command name: `--name value` pairs and positional arguments. */
export function options(args: string[], names: string[]): { values: Map<string, string>; positional: string[]; problem?: string } {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (!names.includes(arg)) return { values, positional, problem: `unknown option ${arg}` };
    else if (i + 1 >= args.length) return { values, positional, problem: `${arg} needs a value` };
    else values.set(arg, args[++i]!);
  }
  return { values, positional };
}

/** A file's UTF-8 text, or an error that names the file and why it could not be read. */
export function readText(path: string): string | Error {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return new Error(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
