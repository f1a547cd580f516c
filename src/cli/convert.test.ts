import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
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
  const words = [
    'was created by Russia immediately after the collapse of the USSR in 1992',
    text
      .split('\n')
      .find((l) => /[\u0600-\u06ff]/.test(l))!
      .trim()
      .slice(0, 40)
      .trim(),
  ];
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

  it("fails with the browser's message and a non-zero exit on bad input", async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"type": "Nothing"}');
    expect(await convert(bad, '--from', 'w3c', '--text', corpusPath(ARTICLE))).toMatchObject({
      code: 1,
      err: expect.stringContaining('not a W3C Web Annotation file'),
    });
    expect(await convert(bad, '--to', 'csv')).toMatchObject({ code: 1, err: expect.stringContaining('not a claimtrail export') });
    expect((await convert(bad, '--to', 'brat')).err).toContain('brat is a zip: give --out FILE.zip');
    expect((await convert(bad, '--to', 'pdf')).code).toBe(2);
    expect((await convert(bad, '--from', 'w3c')).err).toContain('--from needs --text');
  });
});

describe('claimtrail convert --from, with other tools’ real shapes', () => {
  const text = 'The minister said 2,000 troops went home.\nCritics called it a rescue mission.';
  const textPath = join(dir, 'article.txt');
  writeFileSync(textPath, text);
  const annotation = (id: string, uri: string, exact: string, tags: string[]) => ({
    id,
    uri,
    tags,
    text: '',
    user: 'acct:bob@hypothes.is',
    document: { title: ['Troops home'] },
    target: [{ source: uri, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] }],
  });
  const write = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };

  it('maps tags to labels, keeps the rest waiting, places only the text’s document, keeps its address and title, and reports each annotation', async () => {
    const file = write('h.json', {
      annotations: [
        annotation('a1', 'https://news.example/troops', '2,000 troops', ['Claim']),
        annotation('a2', 'https://news.example/troops', 'a rescue mission', ['misc']),
        annotation('a3', 'https://other.example/page', 'anything', ['Claim']),
      ],
    });
    const out = join(dir, 'h-out.json');
    const report = join(dir, 'h-report.json');
    const run = await convert(
      file,
      '--from',
      'hypothesis',
      '--text',
      textPath,
      '--url',
      'https://news.example/troops',
      '--map',
      'claim=sourced',
      '--out',
      out,
      '--report',
      report,
    );
    expect(run.code).toBe(0);
    const written = ExportFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    const article = written.articles[0]!;
    expect([article.url, article.title]).toEqual(['https://news.example/troops', 'Troops home']);
    expect(article.claims.map((c) => [c.label, c.exact])).toEqual([['sourced', '2,000 troops']]);
    expect(article.unlabelled!.map((u) => u.exact)).toEqual(['a rescue mission']);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({
      placed: [{ source: 'a1', claim: 'a1', start: 18, end: 30, exact: '2,000 troops', status: 'moved' }],
      unplaced: [
        { source: 'a2', reason: 'no-label', message: 'its tags (misc) name none of sourced, disputed, opinion: kept as an annotation waiting for a label' },
        { source: 'a3', reason: 'other-document', message: 'it is on “Troops home” (https://other.example/page), not on this text' },
      ],
      warnings: [],
    });
    // --label gives the rest a label; the file re-imports whole.
    const all = await convert(
      file,
      '--from',
      'hypothesis',
      '--text',
      textPath,
      '--url',
      'https://news.example/troops',
      '--map',
      'Claim=sourced',
      '--label',
      'opinion',
    );
    expect(ExportFileSchema.parse(JSON.parse(all.out)).articles[0]!.claims.map((c) => c.label)).toEqual(['sourced', 'opinion']);
    expect(all.err).toContain('2 of 3 annotations placed as claims (2 moved). 1 not placed: 1 on another document.');
  });

  it('exits 1 when nothing could be written, saying why; 2 on bad arguments', async () => {
    const elsewhere = write('e.json', { annotations: [annotation('x', 'https://other.example/page', 'not in it', ['opinion'])] });
    const run = await convert(elsewhere, '--from', 'hypothesis', '--text', textPath, '--url', 'https://news.example/troops');
    expect(run.code).toBe(1);
    expect(run.err).toContain('Nothing was written: no annotation of');
    expect(run.out).toBe('');
    expect((await convert(elsewhere, '--from', 'hypothesis', '--text', textPath, '--map', 'x=maybe')).code).toBe(2);
    expect((await convert(elsewhere, '--from', 'hypothesis', '--text', textPath, '--url', 'javascript:alert(1)')).err).toContain(
      '--url must be an http or https address',
    );
    expect((await convert(elsewhere, '--from', 'hypothesis', '--text', textPath, '--label', 'true')).err).toContain(
      '--label must be one of sourced, disputed, opinion',
    );
    const collection = write('c.json', { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: 'https://x.example/page1' });
    expect(await convert(collection, '--from', 'w3c', '--text', textPath)).toMatchObject({
      code: 1,
      err: expect.stringContaining('points to its first page by address'),
    });
  });

  it('reads brat from an .ann with its text as stored (CRLF, BOM), and from a zip of pairs', async () => {
    const stored = '\uFEFFThe minister said 2,000 troops went home.\r\nCritics called it a rescue mission.\r\n';
    const txt = write('news.txt', stored);
    const cp = (s: string) => Array.from(s).length;
    const at = cp(stored.slice(0, stored.indexOf('Critics')));
    const ann = write('news.ann', `T1\tOpinion ${at} ${at + 7}\tCritics\r\nT2\tPerson 1 13\tThe minister\r\nT3\tOpinion 16 10\tx\r\n`);
    const report = join(dir, 'brat-report.json');
    const run = await convert(ann, '--from', 'brat', '--text', txt, '--report', report);
    expect(run.code).toBe(0);
    const article = ExportFileSchema.parse(JSON.parse(run.out)).articles[0]!;
    expect(article.claims.map((c) => [c.label, c.exact])).toEqual([['opinion', 'Critics']]);
    expect(article.unlabelled!.map((u) => u.exact)).toEqual(['The minister']);
    expect(JSON.parse(readFileSync(report, 'utf8')).unplaced.map((u: { reason: string }) => u.reason)).toEqual(['no-label', 'bad-offsets']);
    const zip = join(dir, 'pairs.zip');
    writeFileSync(zip, zipSync({ 'news.txt': strToU8(stored), 'news.ann': strToU8(readFileSync(ann, 'utf8')) }));
    const fromZip = await convert(zip, '--from', 'brat', '--map', 'person=sourced');
    expect(fromZip.code).toBe(0);
    expect(ExportFileSchema.parse(JSON.parse(fromZip.out)).articles[0]!.claims.map((c) => [c.label, c.exact])).toEqual([
      ['sourced', 'The minister'],
      ['opinion', 'Critics'],
    ]);
    expect((await convert(zip, '--from', 'brat', '--text', txt)).code).toBe(2);
  });
});
