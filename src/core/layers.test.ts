import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = resolve(import.meta.dirname, '.');

/** Packages the core may use: pure JavaScript, no DOM, no Node. */
const PURE_PACKAGES = new Set(['zod', 'approx-string-match', 'fflate', 'minisearch']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the pure core', () => {
  it('imports only other core modules and pure packages (zod, approx-string-match, fflate, minisearch), so Node, workers and the CLI can run it', () => {
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

const SRC = resolve(CORE, '..');

/** The modules of src/ each module imports (type-only imports included: a cycle of types is still a knot to untie). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const deps: string[] = [];
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*'(\.[^']+)'/g)) {
      const target = resolve(file, '..', spec!);
      const candidates = [target, `${target}.ts`, join(target, 'index.ts')];
      const found = candidates.find((c) => graph.has(c) || sources(SRC).includes(c));
      if (found && found.endsWith('.ts')) deps.push(found);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Every cycle of the graph, each once, as module paths relative to src/. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((p) => relative(SRC, p)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('src/', () => {
  it('has no import cycle', () => {
    expect(cycles(importGraph())).toEqual([]);
  });

  it('the cycle check finds a cycle when there is one', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });
});
