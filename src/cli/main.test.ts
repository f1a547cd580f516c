import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article';
import { agreementReport } from '../core/agreement-report';
import { toExportFile } from '../core/format/export';
import { createClaim, type Annotator, type Label } from '../core/model';
import { readCorpus } from '../testing/corpus';
import { run } from './main';
import { runCommand } from './run-for-test';

const ana: Annotator = { id: 'ana', name: 'Ana' };
const bea: Annotator = { id: 'bea', name: 'Bea' };
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cli-'));

async function exportOf(annotator: Annotator, marks: [string, Label][], name: string): Promise<string> {
  const { article, text } = await makeArticle(readCorpus('004_30ba6e3c10c12ec5.txt'));
  const claims = marks.map(([words, label]) => {
    const start = text.indexOf(words);
    return createClaim(text, article.id, { start, end: start + words.length }, label, annotator)!;
  });
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(toExportFile([{ article, text, claims }], annotator, '2026-11-23T00:00:00.000Z', 'test')));
  return path;
}

const agree = (...args: string[]) => runCommand('agree', ...args);

describe('claimtrail agree', () => {
  it('prints the figures of two annotators on one article, as a table and as JSON', async () => {
    const a = await exportOf(
      ana,
      [
        ['quotes the Russian daily Izvestia', 'sourced'],
        ['A geopolitical project', 'opinion'],
        ['security belt', 'disputed'],
      ],
      'ana.json',
    );
    const b = await exportOf(
      bea,
      [
        ['the Russian daily Izvestia', 'sourced'],
        ['A geopolitical project', 'disputed'],
        ['Emomali Rakhmon', 'opinion'],
      ],
      'bea.json',
    );
    const text = await agree(a, b);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Article: After their intervention in Kazakhstan');
    expect(text.out).toMatch(/Ana × Bea\s+0\.333 \/ 0\.333 \/ 0\.333\s+0\.667 \/ 0\.667 \/ 0\.667\s+0\.500/);
    const json = await agree(a, b, '--json');
    const report = JSON.parse(json.out) as ReturnType<typeof agreementReport>;
    expect(report.overall.pairs[0]!.observed).toEqual({ value: 0.5 });
    expect(report.overall.units).toBe(4);
    expect(report.articles).toHaveLength(1);
    expect(text.out).toMatch(/Krippendorff's αu, unitizing \(spans and labels over character positions\): 0\.\d{3}/);
  });

  it('says why a figure is undefined: one annotator, or full agreement on a single label', async () => {
    const solo = await agree(await exportOf(ana, [['security belt', 'disputed']], 'solo.json'));
    expect(solo.out).toContain("Fleiss' κ (units every annotator marked): n/a");
    expect(solo.out).toContain("note: Fleiss' kappa: n/a, needs at least two annotators");
    const same = await agree(
      await exportOf(ana, [['security belt', 'disputed']], 'same-a.json'),
      await exportOf(bea, [['security belt', 'disputed']], 'same-b.json'),
    );
    expect(same.out).toMatch(/1\.000 \/ 1\.000 \/ 1\.000/);
    expect(same.out).toContain("note: Cohen's kappa Ana × Bea: n/a, both annotators used one and the same label throughout");
    expect(same.out).not.toContain('NaN');
  });

  it("rejects bad files with the browser's messages and a non-zero exit", async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": "claimtrail", "version": 2}');
    const result = await agree(bad);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${bad} was not read:\n  unsupported claimtrail format version 2: this app reads version 1`);
    expect((await agree(join(dir, 'missing.json'))).err).toContain('cannot be read (ENOENT)');
    expect(
      await run(
        [],
        () => undefined,
        () => undefined,
      ),
    ).toBe(2);
  });

  it('runs as `claimtrail` from the project with no build step', async () => {
    const file = await exportOf(ana, [['security belt', 'disputed']], 'bin.json');
    const { stdout } = await promisify(execFile)('node', ['bin/claimtrail.mjs', 'agree', file], { cwd: join(import.meta.dirname, '../..') });
    expect(stdout).toContain('Overall (1 article)');
  }, 30_000);
});

describe('the built command', () => {
  it('prints its version and help from plain JavaScript (built by npm ci / npm run build), with no TypeScript compiler at run time', async () => {
    const cwd = join(import.meta.dirname, '../..');
    const { stdout } = await promisify(execFile)('node', ['bin/claimtrail.mjs', '--version'], { cwd });
    expect(stdout.trim()).toMatch(/^claimtrail \d+\.\d+\.\d+$/);
    const { stderr } = await promisify(execFile)('node', ['bin/claimtrail.mjs', '--help'], { cwd });
    expect(stderr).toContain('claimtrail convert FILE --from w3c|hypothesis|brat');
  });
});
