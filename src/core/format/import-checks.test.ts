import { describe, expect, it } from 'vitest';
import type { JsonFile } from '../../testing/json';
import { createClaim, type Article } from '../model';
import { sha256Hex } from '../text';
import { toExportFile } from './export';
import { CheckedTexts, readExportData, readExportFile } from './import';

const me = { id: 'me', name: 'Me' };
const NOW = '2026-11-23T10:00:00.000Z';

/** A v1 file of one article with `text` as stored and claims on the given words; `patch` changes the file. */
async function fileOf(text: string, words: string[], patch: (f: JsonFile) => void = () => undefined): Promise<string> {
  const article: Article = { id: 'a', title: 'T', textSha256: await sha256Hex(text), length: text.length, added: NOW };
  const claims = words.map((w, i) => ({
    ...createClaim(text, 'a', { start: text.indexOf(w), end: text.indexOf(w) + w.length }, 'opinion', me, NOW)!,
    id: `c${i}`,
  }));
  const file = JSON.parse(JSON.stringify(toExportFile([{ article, text, claims }], me, NOW, 'test')));
  patch(file);
  file.articles[0].textSha256 = await sha256Hex(file.articles[0].text);
  return JSON.stringify(file);
}

const problems = async (json: string) => {
  const read = await readExportFile(json);
  return read.ok ? [] : read.problems;
};

describe('a claimtrail import checks what adding and labelling in the app enforce', () => {
  it('refuses a text that is not normalised (BOM, CR, CRLF, NUL): its offsets would not match the stored text', async () => {
    for (const [text, why] of [
      ['\uFEFFA text.', 'starts with a byte-order mark'],
      ['A\r\ntext.', 'CR line end at 1'],
      ['A\rtext.', 'CR line end at 1'],
      ['A\0text.', 'NUL character at 1'],
    ]) {
      expect(await problems(await fileOf(text!, []))).toEqual([
        `articles[0]: the text is not normalised: it ${why!.startsWith('starts') ? why : `has a ${why}`}${why!.startsWith('CR') ? ' (claimtrail texts use LF)' : ''}`,
      ]);
    }
  });

  it('refuses a claim that ends between a letter and its combining mark, or inside an emoji', async () => {
    const text = 'قَالَ الوزير 😀 نعم';
    const cut = await fileOf(text, ['قَالَ'], (f) => {
      f.articles[0].claims[0].end = 1;
      f.articles[0].claims[0].exact = 'ق';
      f.articles[0].claims[0].suffix = text.slice(1, 33);
    });
    expect(await problems(cut)).toEqual([expect.stringContaining('offset 1 falls inside a character')]);
    expect(await problems(await fileOf(text, ['قَالَ', '😀']))).toEqual([]);
  });

  it('names a blank title after the text, and refuses two comments with one id', async () => {
    const text = 'First line\nmore.';
    const read = await readExportFile(await fileOf(text, [], (f) => (f.articles[0].title = '  ')));
    expect(read.ok && read.value.articles[0]!.article.title).toBe('First line');
    const comment = { id: 'k', by: me, at: NOW, text: 'hm' };
    const twice = await fileOf(text, ['First', 'more'], (f) => {
      f.articles[0].claims[0].comments = [comment];
      f.articles[0].claims[1].comments = [comment];
    });
    expect(await problems(twice)).toEqual(['articles[0].claims[1].comments[0]: comment id "k" appears twice in this file']);
  });

  it('reads annotations waiting for a label, checked like claims', async () => {
    const text = 'Words to label later.';
    const waiting = (start: number, end: number) => ({
      id: 'u',
      start,
      end,
      exact: text.slice(start, end),
      prefix: text.slice(0, start),
      suffix: text.slice(end),
      sources: [],
      annotator: me,
      created: NOW,
      modified: NOW,
    });
    const read = await readExportFile(await fileOf(text, [], (f) => (f.articles[0].unlabelled = [waiting(0, 5)])));
    expect(read.ok && read.value.articles[0]!.unlabelled!.map((u) => u.exact)).toEqual(['Words']);
    const bad = await fileOf(text, [], (f) => (f.articles[0].unlabelled = [{ ...waiting(0, 5), exact: 'Other' }]));
    expect(await problems(bad)).toEqual([expect.stringContaining('articles[0].unlabelled[0]: "exact" is "Other"')]);
  });

  it('checks a text once for a reader that meets it again, and never takes another text for it', async () => {
    const checked = new CheckedTexts();
    const text = 'The council voted on Tuesday.';
    const file: JsonFile = JSON.parse(await fileOf(text, ['voted']));
    expect((await readExportData(file, undefined, NOW, checked)).ok).toBe(true);
    expect((await readExportData(file, undefined, NOW, checked)).ok).toBe(true);
    // The same hash over another text: refused, though a text under that hash was checked before.
    const forged = JSON.parse(JSON.stringify(file));
    forged.articles[0].text = 'The council voted on Monday.';
    const read = await readExportData(forged, undefined, NOW, checked);
    expect(read.ok ? [] : read.problems).toEqual(['articles[0]: "textSha256" does not match the SHA-256 of its text']);
  });
});
