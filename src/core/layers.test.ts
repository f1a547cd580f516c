import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = resolve(import.meta.dirname, '.');

/** Packages the core may use: pure JavaScript, no DOM, no Node. */
const PURE_PACKAGES = new Set(['zod', 'approx-string-match', 'fflate']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the pure core', () => {
  it('imports only other core modules and pure packages (zod, approx-string-match, fflate), so Node, workers and the CLI can run it', () => {
    const outside: string[] = [];
    for (const file of sources(CORE)) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        const inCore = spec!.startsWith('.') && !relative(CORE, resolve(file, '..', spec!)).startsWith('..');
        if (!inCore && !PURE_PACKAGES.has(spec!)) outside.push(`${relative(CORE, file)} imports ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
