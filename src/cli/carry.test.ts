import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article';
import { ExportFileSchema } from '../core/format/claimtrail-v1';
import { toExportFile } from '../core/format/export';
import { readExportFile } from '../core/format/import';
import { createClaim, type Annotator } from '../core/model';
import { corpusPath, readCorpus } from '../testing/corpus';
import { runCommand } from './run-for-test';

const ana: Annotator = { id: 'ana', name: 'Ana' };
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-carry-'));

/** An export of claims on 001: one repeated word for word in 000, one retyped there, one cut from it. */
async function exportOf001(withAnother = false): Promise<string> {
  const { article, text } = await makeArticle(readCorpus('001_54ad07cce52304a5.txt'));
  const another = withAnother ? [{ ...(await makeArticle(readCorpus('004_30ba6e3c10c12ec5.txt'))), claims: [] }] : [];
  const claims = [
    'It is therefore not negotiable.',
    'will reveal the response of Washington and its allies',
    'the CSTO has the capacity to deploy up to 50,000 men in less than two weeks',
  ].map((words) => {
    const start = text.indexOf(words);
    return createClaim(text, article.id, { start, end: start + words.length }, 'disputed', ana)!;
  });
  const path = join(dir, '001.json');
  writeFileSync(path, JSON.stringify(toExportFile([{ article, text, claims }, ...another], ana, '2026-11-23T00:00:00.000Z', 'test')));
  return path;
}

const carry = (...args: string[]) => runCommand('carry', ...args);

describe('claimtrail carry', () => {
  it('re-anchors claims made on 001 onto the text of 000 and reports the counts', async () => {
    const result = await carry(await exportOf001(), '--to', corpusPath('000_5db7ccc2cadc8c6a.txt'));
    expect(result.code).toBe(0);
    expect(result.err).toBe('carried 3 claims of "The CSTO arrives in Iraq and Syria" onto 000_5db7ccc2cadc8c6a.txt: 0 exact, 1 moved, 1 fuzzy, 1 orphan');
    const file = ExportFileSchema.parse(JSON.parse(result.out));
    const claims = file.articles[0]!.claims;
    expect(claims.map((c) => [c.anchor!.status, c.exact])).toEqual([
      ['moved', 'It is therefore not negotiable.'],
      ['fuzzy', 'will reveal the response of Washinton and its allies'],
      ['orphan', 'the CSTO has the capacity to deploy up to 50,000 men in less than two weeks'],
    ]);
    expect(claims[1]!.anchor!.score).toBeGreaterThan(0.9);
    // The output is a valid file in its own right: it imports, orphans and all.
    expect((await readExportFile(result.out)).ok).toBe(true);
  });

  it('writes to --out, and needs --article when the file has several', async () => {
    const out = join(dir, 'carried.json');
    const one = await carry(await exportOf001(), '--to', corpusPath('000_5db7ccc2cadc8c6a.txt'), '--out', out);
    expect(one.out).toBe('');
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.articles[0].text).toContain('The Phaserl');
    const two = await exportOf001(true);
    const unnamed = await carry(two, '--to', corpusPath('000_5db7ccc2cadc8c6a.txt'));
    expect(unnamed).toMatchObject({ code: 2, err: expect.stringContaining('has 2 articles: name one with --article ID') });
    const id = JSON.parse(readFileSync(two, 'utf8')).articles[0].id;
    expect((await carry(two, '--to', corpusPath('000_5db7ccc2cadc8c6a.txt'), '--article', id)).code).toBe(0);
  });

  it('fails with a clear message on bad input', async () => {
    expect((await carry('--to', 'x.txt')).code).toBe(2);
    const missing = await carry(join(dir, 'nope.json'), '--to', corpusPath('000_5db7ccc2cadc8c6a.txt'));
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('cannot be read (ENOENT)') });
    expect((await carry(await exportOf001(), '--to', 'x.txt', '--bogus', '1')).err).toContain('unknown option --bogus');
  });
});
