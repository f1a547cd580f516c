/** Reading the command line's options and files, shared by the commands. */
import { readFileSync } from 'node:fs';

/**
 * Options after the command name: `--name value` pairs and positional arguments. `values`
 * holds the last value of each option, `all` every value of those that may repeat.
 */
export function options(
  args: string[],
  names: string[],
  repeatable: string[] = [],
): { values: Map<string, string>; all: Map<string, string[]>; positional: string[]; problem?: string } {
  const values = new Map<string, string>();
  const all = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (!names.includes(arg)) return { values, all, positional, problem: `unknown option ${arg}` };
    else if (i + 1 >= args.length) return { values, all, positional, problem: `${arg} needs a value` };
    else if (values.has(arg) && !repeatable.includes(arg)) return { values, all, positional, problem: `${arg} is given twice` };
    else {
      values.set(arg, args[++i]!);
      all.set(arg, [...(all.get(arg) ?? []), args[i]!]);
    }
  }
  return { values, all, positional };
}

/**
 * A file's UTF-8 text, or an error that names the file and why it could not be read. A leading
 * byte-order mark is dropped unless `keepBom` (brat counts it in its offsets).
 */
export function readText(path: string, keepBom = false): string | Error {
  const bytes = readBytes(path);
  return bytes instanceof Error ? bytes : new TextDecoder('utf-8', { ignoreBOM: keepBom }).decode(bytes);
}

/** A file's bytes, or an error that names the file and why it could not be read. */
export function readBytes(path: string): Uint8Array | Error {
  try {
    return readFileSync(path);
  } catch (error) {
    return new Error(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
