import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../testing/corpus';
import { createClaim, type Article, type Claim } from '../model';
import { normalizeText, sha256Hex } from '../text';
import { annOf, readBratZip, toBratZip } from './brat';
import { csvField, toCsv } from './csv';
import type { ArticleBundle } from './export';
import { placeAnnotations, placeBratPairs, type LibraryArticle } from './foreign';
import { describeResult } from './placement-report';
import { readHypothesis, toHypothesis } from './hypothesis';

const me = { id: 'ana@example', name: 'Ana' };
const NOW = '2026-11-23T10:00:00.000Z';
const TEXT = 'Flags 🇦🇲 and 😀 first. Izvestia says 2,000 troops went.\nقوات حفظ السلام arrived, "quietly". Nobody disputes it.';

async function bundleOf(text = TEXT, url?: string): Promise<ArticleBundle> {
  const article: Article = {
    id: 'a1b2c3d4-art',
    title: 'Troops, “quoted”',
    ...(url ? { url } : {}),
    textSha256: await sha256Hex(text),
    length: text.length,
    added: NOW,
  };
  const on = (words: string, label: Claim['label'], note?: string) => {
    const start = text.indexOf(words);
    const claim = createClaim(text, article.id, { start, end: start + words.length }, label, me, NOW)!;
    return note ? { ...claim, note } : claim;
  };
  const troops = {
    ...on('2,000 troops went', 'sourced', 'Matches the ministry’s figure.\nSecond line.'),
    sources: [{ url: 'https://iz.ru/1', citation: 'Izvestia' }, { citation: 'TASS' }],
  };
  return { article, text, claims: [troops, on('😀 first', 'opinion'), on('went.\nقوات حفظ السلام arrived', 'disputed', '=1+1')] };
}

const pick = (c: Claim) => ({ label: c.label, start: c.start, end: c.end, exact: c.exact });

describe('Hypothesis', () => {
  it('round trip keeps label, span (UTF-16), note, sources and annotator, astral characters included', async () => {
    const original = await bundleOf(TEXT, 'https://example.org/t');
    const file = toHypothesis([original], me, NOW) as {
      export_userid: string;
      annotations: { target: { selector: { type: string; start?: number }[] }[]; tags: string[] }[];
    };
    expect(file.export_userid).toBe('acct:ana%40example@claimtrail');
    expect(file.annotations[0]!.tags).toEqual(['sourced']);
    expect(file.annotations[0]!.target[0]!.selector[0]).toEqual({ type: 'TextPositionSelector', start: TEXT.indexOf('2,000'), end: TEXT.indexOf(' went') + 5 });
    const read = readHypothesis(JSON.stringify(file));
    if (!read.ok) throw new Error(read.problem);
    const placed = await placeAnnotations(read.annotations, [{ article: original.article, text: async () => TEXT }], 'utf-16');
    const back = placed.bundles[0]!.claims;
    expect(back.map(pick)).toEqual(original.claims.map(pick));
    expect(back.map((c) => [c.note, c.sources, c.annotator, c.id])).toEqual(
      original.claims.map((c) => [c.note, c.sources, { id: 'acct:ana%40example@claimtrail', name: 'Ana' }, c.id]),
    );
  });

  it('imports annotations made elsewhere with a report of what was placed and why the rest was not', async () => {
    const text = normalizeText(readCorpus('004_30ba6e3c10c12ec5.txt'));
    const article: Article = {
      id: 'k',
      title: 'Kazakhstan',
      url: 'https://www.example.net/csto-blue-helmets',
      textSha256: await sha256Hex(text),
      length: text.length,
      added: NOW,
    };
    const library: LibraryArticle[] = [{ article, text: async () => text }];
    // As Hypothesis wrote them on the web page: positions count the page's text (menus and all), so most are off.
    const hypothesis = (id: string, uri: string, tags: string[], selector: object[], extra: object = {}) => ({
      id,
      uri,
      tags,
      text: `note ${id}`,
      user: 'acct:bob@hypothes.is',
      user_info: { display_name: 'Bob' },
      created: '2022-01-12T09:00:00.000000+00:00',
      updated: '2022-01-12T09:00:00.000000+00:00',
      target: [{ source: uri, selector }],
      document: { title: ['Kazakhstan'] },
      ...extra,
    });
    const quote = (exact: string, start: number) => [
      { type: 'TextPositionSelector', start, end: start + exact.length },
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    ];
    const file = {
      export_date: '2022-01-13T00:00:00Z',
      export_userid: 'acct:bob@hypothes.is',
      annotations: [
        hypothesis('h1', article.url!, ['Sourced', 'csto'], quote('quotes the Russian daily Izvestia', text.indexOf('quotes the Russian daily Izvestia'))),
        hypothesis('h2', article.url!, ['csto'], quote('A geopolitical project that would upset regional balances.', 12)),
        hypothesis('h3', article.url!, ['disputed'], []),
        hypothesis('h4', 'https://elsewhere.example/other', ['opinion'], quote('anything', 0), { document: { title: ['Another story'] } }),
        hypothesis('h5', article.url!, ['opinion'], quote('words that are not in this article at all', 10)),
      ],
    };
    const read = readHypothesis(JSON.stringify(file));
    if (!read.ok) throw new Error(read.problem);
    const placed = await placeAnnotations(read.annotations, library, 'utf-16');
    expect(placed.bundles[0]!.claims.map((c) => [c.label, c.exact, c.annotator.name, c.note])).toEqual([
      ['sourced', 'quotes the Russian daily Izvestia', 'Bob', 'note h1'],
    ]);
    expect(placed.bundles[0]!.unlabelled!.map((c) => c.exact)).toEqual(['A geopolitical project that would upset regional balances.']);
    expect(describeResult(placed)).toEqual([
      '1 of 5 annotations placed as claims (1 exact). 1 waits for a label. 3 not placed: 1 selecting no words; 1 on another document; 1 whose words are not in the text.',
      'h3: it selects no words: a note on the whole page [no-target]',
      'h4: its document is not in the library: add “Another story” (https://elsewhere.example/other) first [other-document]',
      'h5: its quote “words that are not in this article at all” is not in the text [not-found]',
    ]);
    expect(readHypothesis('{"rows": [{"nope": 1}]}')).toEqual({ ok: false, problem: expect.stringContaining('not a Hypothesis file') });
  });
});

describe('brat standoff', () => {
  it('writes code point offsets, fragments for a span over a line break, and notes on one line', async () => {
    const ann = annOf(await bundleOf());
    const lines = ann.trimEnd().split('\n');
    const cp = (s: string) => Array.from(s).length;
    const at = TEXT.indexOf('2,000');
    expect(lines[0]).toBe(`T1\tSourced ${cp(TEXT.slice(0, at))} ${cp(TEXT.slice(0, at)) + 17}\t2,000 troops went`);
    expect(lines[1]).toBe('#1\tAnnotatorNotes T1\tMatches the ministry’s figure. Second line.');
    expect(lines.find((l) => l.startsWith('T3'))).toMatch(/^T3\tDisputed \d+ \d+;\d+ \d+\twent\. قوات حفظ السلام arrived$/);
  });

  it('round trip through the zip keeps labels, spans and notes (annotators, dates and sources are lost)', async () => {
    const original = await bundleOf();
    const zip = toBratZip([original]);
    const names = Object.keys(unzipSync(zip)).sort();
    expect(names).toEqual(['Troops-quoted-a1b2c3d4.ann', 'Troops-quoted-a1b2c3d4.txt', 'annotation.conf']);
    expect(strFromU8(unzipSync(zip)['annotation.conf']!)).toContain('[entities]\nSourced\nDisputed\nOpinion');
    const read = await readBratZip(zip, { id: 'bea', name: 'Bea' });
    if (!read.ok) throw new Error(read.problem);
    const [result] = await placeBratPairs(read.pairs);
    expect(result!.report.unplaced).toEqual([]);
    const { bundles } = result!;
    expect(bundles[0]!.text).toBe(TEXT);
    expect(bundles[0]!.claims.map(pick)).toEqual(original.claims.map(pick));
    expect(bundles[0]!.claims.map((c) => c.note)).toEqual(['Matches the ministry’s figure. Second line.', undefined, '=1+1']);
    const again = await readBratZip(zip, { id: 'bea', name: 'Bea' });
    if (!again.ok) throw new Error(again.problem);
    expect((await placeBratPairs(again.pairs))[0]!.bundles[0]!.claims.map((c) => c.id)).toEqual(bundles[0]!.claims.map((c) => c.id));
  });
});

describe('CSV', () => {
  it('has a BOM, CRLF rows, RFC 4180 quoting, code point offsets, and no formula a spreadsheet would run', async () => {
    const csv = toCsv([await bundleOf(TEXT, 'https://example.org/t')]);
    expect(csv.startsWith('\uFEFFarticle title,url,label,start,end,exact,note,sources,annotator,created,pages\r\n')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows).toHaveLength(5); // header, three claims, and the final line end
    expect(rows[1]).toBe('"Troops, “quoted”",https://example.org/t,opinion,13,20,😀 first,,,Ana,2026-11-23T10:00:00.000Z,');
    expect(rows[2]).toBe(
      '"Troops, “quoted”",https://example.org/t,sourced,36,53,"2,000 troops went","Matches the ministry’s figure.\nSecond line.","https://iz.ru/1 — Izvestia; TASS",Ana,2026-11-23T10:00:00.000Z,',
    );
    expect(rows[3]).toContain(',"went.\nقوات حفظ السلام arrived",\'=1+1,');
    const paged = await bundleOf(TEXT, 'https://example.org/t');
    paged.article.pages = [0, TEXT.indexOf('troops')];
    expect(
      toCsv([paged])
        .split('\r\n')
        .slice(1, 3)
        .map((row) => row.split(',').pop()),
    ).toEqual(['1', '1-2']);
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField(-3)).toBe('-3');
  });
});

describe('CSV injection (OWASP)', () => {
  it('defuses formulas behind spacing, no-break spaces, line breaks and fullwidth signs, and quotes every locale separator', () => {
    for (const cell of ['=1+1', ' =1+1', '\u00a0=1+1', '\n=1+1', '\r\n@SUM(A1)', '＝1+1', '＋1', '－1', '＠x', '\t=1', '-2+3']) {
      expect(csvField(cell).replace(/^"/, '').startsWith("'"), JSON.stringify(cell)).toBe(true);
    }
    expect(csvField('a;=1+1')).toBe('"a;=1+1"');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField('plain words')).toBe('plain words');
    expect(csvField('e-mail')).toBe('e-mail');
    expect(csvField(-3)).toBe('-3');
  });
});
