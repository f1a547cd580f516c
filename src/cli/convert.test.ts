import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article';
import { ExportFileSchema } from '../core/format/claimtrail-v1';
import { toExportFile } from '../core/format/export';
import { createClaim, type Annotator } from '../core/model';
import { corpusPath, readCorpus } from '../testing/corpus';
import { runCommand } from './run-for-test';

const ana: Annotator = { id: 'ana', name: 'Ana' };
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-convert-'));
const ARTICLE = '002_8f4fe5d12681fb52.txt'; // English with Arabic and markdown marks

async function claimtrailFile(): Promise<string> {
  const { article, text } = await makeArticle(readCorpus(ARTICLE));
  const words = ['was created by Russia immediately after the collapse of the USSR in 1992', text.split('\n').find((l) => /[\u0600-\u06ff]/.test(l))!.trim().slice(0, 40).trim()];
  const claims = words.map((w, i) => {
    const start = text.indexOf(w);
    return { ...createClaim(text, article.id, { start, end: start + w.length }, i ? 'opinion' : 'sourced', ana)!, note: `note ${i}` };
  });
  const path = join(dir, 'claims.json');
  writeFileSync(path, JSON.stringify(toExportFile([{ article, text, claims }], ana, '2026-11-23T00:00:00.000Z', 'test')));
  return path;
}

const convert = (...args: string[]) => runCommand('convert', ...args);

describe('claimtrail convert', () => {
  it('goes to W3C and Hypothesis and back to claimtrail with the article text, keeping labels, spans and notes', async () => {
    const source = await claimtrailFile();
    const original = ExportFileSchema.parse(JSON.parse(readFileSync(source, 'utf8'))).articles[0]!.claims;
    for (const format of ['w3c', 'hypothesis']) {
      const out = join(dir, `${format}.json`);
      expect((await convert(source, '--to', format, '--out', out)).code).toBe(0);
      const back = await convert(out, '--from', format, '--text', corpusPath(ARTICLE));
      expect(back.code).toBe(0);
      expect(back.err).toMatch(/^2 of 2 annotations placed as claims \(2 exact\)\.$/);
      const claims = ExportFileSchema.parse(JSON.parse(back.out)).articles[0]!.claims;
      expect(claims.map((c) => [c.label, c.start, c.end, c.exact, c.note])).toEqual(original.map((c) => [c.label, c.start, c.end, c.exact, c.note]));
    }
  });

  it('writes brat as a zip, CSV with a BOM, and ClaimReview', async () => {
    const source = await claimtrailFile();
    const zip = join(dir, 'out.zip');
    expect((await convert(source, '--to', 'brat', '--out', zip)).code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(zip))).filter((n) => n.endsWith('.ann'))).toHaveLength(1);
    const csv = await convert(source, '--to', 'csv');
    expect(csv.out.startsWith('\uFEFFarticle title,url,label')).toBe(true);
    expect((await convert(source, '--to', 'claimreview')).err).toContain('claimreview needs --review-url');
    const reviews = JSON.parse((await convert(source, '--to', 'claimreview', '--review-url', 'https://desk.example/checks')).out);
    expect(reviews).toHaveLength(1);
  });

  it('fails with the browser\'s message and a non-zero exit on bad input', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"type": "Nothing"}');
    expect(await convert(bad, '--from', 'w3c', '--text', corpusPath(ARTICLE))).toMatchObject({ code: 1, err: expect.stringContaining('not a W3C Web Annotation file') });
    expect(await convert(bad, '--to', 'csv')).toMatchObject({ code: 1, err: expect.stringContaining('not a claimtrail export') });
    expect((await convert(bad, '--to', 'brat')).err).toContain('brat is a zip: give --out FILE.zip');
    expect((await convert(bad, '--to', 'pdf')).code).toBe(2);
    expect((await convert(bad, '--from', 'w3c')).err).toContain('--from needs --text');
  });
});
