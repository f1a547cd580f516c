import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../article';
import { createClaim, type Annotator, type Article } from '../model';
import { normalizeText, OffsetIndex, sha256Hex } from '../text';
import { annOf, readAnn, readBratZip, toBratZip } from './brat';
import { importFormatOf } from './detect';
import { toExportFile, type ArticleBundle } from './export';
import { labelFor, placeAnnotations, placeBratPairs, type LibraryArticle } from './foreign';
import type { ForeignResult } from './placement-report';
import { readHypothesis } from './hypothesis';
import { readExportFile } from './import';
import { readW3C, toW3C } from './w3c';

const NOW = '2026-11-23T10:00:00.000Z';
const me: Annotator = { id: 'me', name: 'Me' };
const TEXT = 'Flags 😀 wave. The minister said 2,000 troops went.\nقَالَ الوزير: لا. Café crème, naïve.';

async function library(text = TEXT, url = 'https://news.example/a'): Promise<LibraryArticle & { article: Article }> {
  const article: Article = { id: 'art', title: 'A story', url, textSha256: await sha256Hex(text), length: text.length, added: NOW };
  return { article, text: async () => text };
}

/** A Hypothesis annotation on https://news.example/a with these selectors. */
const hypo = (id: string, selector: object[], tags = ['disputed'], extra: object = {}) => ({
  id,
  uri: 'https://news.example/a',
  tags,
  text: `note ${id}`,
  user: 'acct:bob@hypothes.is',
  user_info: { display_name: 'Bob' },
  created: '2022-01-12T09:00:00.000Z',
  updated: '2022-01-12T09:00:00.000Z',
  target: [{ source: 'https://news.example/a', selector }],
  ...extra,
});
const position = (start: unknown, end: unknown) => ({ type: 'TextPositionSelector', start, end });
const quote = (exact: string, prefix = '', suffix = '') => ({ type: 'TextQuoteSelector', exact, prefix, suffix });

async function placeHypothesis(annotations: object[], text = TEXT): Promise<ForeignResult> {
  const read = readHypothesis(JSON.stringify({ annotations }));
  if (!read.ok) throw new Error(read.problem);
  return placeAnnotations(read.annotations, [await library(text)], 'utf-16', { now: NOW });
}

/** What a claimtrail import makes of the stored claims: it must take every one of them back as it is. */
async function reimported(result: ForeignResult): Promise<ArticleBundle[]> {
  const read = await readExportFile(JSON.stringify(toExportFile(result.bundles, me, NOW, 'test')));
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.value.articles;
}

const reasons = (result: ForeignResult) => result.report.unplaced.map((u) => [u.source, u.reason]);

describe('positions and quotes from other tools', () => {
  it('refuses fractional, negative, reversed, huge, string and mid-character positions, saying what was there', async () => {
    const emoji = TEXT.indexOf('😀');
    const result = await placeHypothesis([
      hypo('fraction', [position(6.5, 12)]),
      hypo('negative', [position(-3, 4)]),
      hypo('reversed', [position(16, 10)]),
      hypo('huge', [position(10, 10_000_000)]),
      hypo('string', [position('6', '12')]),
      hypo('mid-emoji', [position(emoji + 1, emoji + 6), quote(TEXT.slice(emoji + 1, emoji + 6))]),
      hypo('mid-mark', [position(TEXT.indexOf('قَ') + 1, TEXT.indexOf('قَ') + 4)]),
    ]);
    expect(result.report.placed).toEqual([]);
    expect(result.report.unplaced.map((u) => [u.source, u.reason, u.message])).toEqual([
      ['fraction', 'bad-position', 'its position 6.5..12 is not in whole characters'],
      ['negative', 'bad-position', 'its position -3..4 is negative'],
      ['reversed', 'bad-position', 'its position 16..10 ends before it starts'],
      ['huge', 'bad-position', `its position 10..10000000 is past the end of the text (${TEXT.length} UTF-16 units)`],
      ['string', 'bad-position', 'its position "6".."12" is not a pair of numbers'],
      [
        'mid-emoji',
        'bad-position',
        `its position ${emoji + 1}..${emoji + 6} falls inside a character (an emoji's two halves), and its quote begins or ends inside a character (half of an emoji)`,
      ],
      [
        'mid-mark',
        'bad-position',
        `its position ${TEXT.indexOf('قَ') + 1}..${TEXT.indexOf('قَ') + 4} falls inside a character (a letter and its combining mark)`,
      ],
    ]);
  });

  it('falls back on a whole quote when the position is wrong, and normalises CRLF in quotes like the text', async () => {
    const result = await placeHypothesis([hypo('q', [position(3.5, 9), quote('2,000 troops', 'said ', ' went')]), hypo('crlf', [quote('went.\r\nقَالَ')])]);
    expect(result.report.placed.map((p) => [p.source, p.exact, p.status])).toEqual([
      ['q', '2,000 troops', 'moved'],
      ['crlf', 'went.\nقَالَ', 'moved'],
    ]);
  });

  it('says why selectors it cannot use were not placed, and places a quote found inside refinedBy (example 32)', async () => {
    const target = (selector: object) => ({ source: 'https://news.example/a', selector });
    const annotation = (id: string, selector: object) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id,
      body: { purpose: 'tagging', value: 'opinion' },
      target: target(selector),
    });
    const read = readW3C(
      JSON.stringify([
        annotation('css', { type: 'CssSelector', value: '#p5' }),
        annotation('xpath', [
          { type: 'XPathSelector', value: '/p[5]' },
          { type: 'RangeSelector', startSelector: {}, endSelector: {} },
        ]),
        annotation('svg', { type: 'SvgSelector', value: '<svg/>' }),
        annotation('refined', {
          type: 'FragmentSelector',
          value: 'para5',
          refinedBy: { type: 'TextQuoteSelector', exact: 'Café crème', prefix: 'لا. ', suffix: ', naïve' },
        }),
        annotation('refined-position', { type: 'FragmentSelector', value: 'para5', refinedBy: { type: 'TextPositionSelector', start: 1, end: 4 } }),
        { type: 'Annotation', id: 'page', body: { purpose: 'tagging', value: 'opinion' }, target: 'https://news.example/a' },
      ]),
    );
    if (!read.ok) throw new Error(read.problem);
    const result = await placeAnnotations(read.annotations, [await library()], 'code points');
    expect(result.report.placed.map((p) => [p.source, p.exact])).toEqual([['refined', 'Café crème']]);
    expect(result.report.unplaced.map((u) => [u.source, u.reason, u.message])).toEqual([
      ['css', 'unsupported-selector', 'it names its words only with CssSelector, which plain text cannot use'],
      ['xpath', 'unsupported-selector', 'it names its words only with XPathSelector and RangeSelector, which plain text cannot use'],
      ['svg', 'unsupported-selector', 'it names its words only with SvgSelector, which plain text cannot use'],
      [
        'refined-position',
        'unsupported-selector',
        'it names its words only with FragmentSelector and TextPositionSelector (inside a refinedBy), which plain text cannot use',
      ],
      ['page', 'no-target', 'it selects no words: a note on the whole page'],
    ]);
  });

  it('any foreign input: what is placed always re-exports and re-imports unchanged (property)', async () => {
    const texts = fc
      .stringMatching(/^[a-z 😀é\u0301\u064e\nقال]{1,60}$/)
      .map(normalizeText)
      .filter((t) => t.trim().length > 0);
    const position = fc.oneof(fc.integer({ min: -5, max: 80 }), fc.double({ min: -5, max: 80, noNaN: true }), fc.constant('3'));
    await fc.assert(
      fc.asyncProperty(
        texts,
        fc.array(fc.record({ start: position, end: position, from: fc.nat(60), length: fc.nat(20), withQuote: fc.boolean() }), { maxLength: 6 }),
        async (text, specs) => {
          const annotations = specs.map((s, i) => {
            const selectors: object[] = [{ type: 'TextPositionSelector', start: s.start, end: s.end }];
            if (s.withQuote) selectors.push(quote(text.slice(s.from, s.from + s.length)));
            return hypo(`h${i}`, selectors, i % 2 ? ['opinion'] : ['untagged']);
          });
          const result = await placeHypothesis(annotations, text);
          const back = await reimported(result);
          const stored = result.bundles.flatMap((b) => [...b.claims, ...(b.unlabelled ?? [])]);
          const again = back.flatMap((b) => [...b.claims, ...(b.unlabelled ?? [])]);
          expect(again.map((c) => ({ ...c }))).toEqual(expect.arrayContaining(stored.map((c) => ({ ...c }))));
          expect(again).toHaveLength(stored.length);
          expect(result.report.placed.length + result.report.unplaced.length).toBe(annotations.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('labels, documents and ids', () => {
  it('maps tags to labels, gives the rest a label, and says when tags name two labels', async () => {
    const rules = {
      map: new Map([
        ['false', 'disputed' as const],
        ['claim', 'sourced' as const],
      ]),
    };
    expect(labelFor(['False'], rules)).toEqual({ label: 'disputed' });
    expect(labelFor(['misc'], { ...rules, otherwise: 'opinion' })).toEqual({ label: 'opinion' });
    expect(labelFor(['misc'], rules)).toEqual({ label: null });
    expect(labelFor(['Sourced', 'disputed'])).toEqual({ label: 'sourced', warning: 'its tags name sourced and disputed: sourced was taken' });
    const result = await placeHypothesis([hypo('two', [quote('2,000 troops')], ['sourced', 'opinion'])]);
    expect(result.report.warnings).toEqual([{ source: 'two', message: 'its tags name sourced and opinion: sourced was taken' }]);
  });

  it('on one given text, places only the annotations of its document: by URL, else by quote', async () => {
    const text = await library(TEXT, 'https://news.example/a');
    const other = (id: string) => ({
      ...hypo(id, [quote('2,000 troops')]),
      uri: 'https://elsewhere.example/b',
      target: [{ source: 'https://elsewhere.example/b', selector: [quote('2,000 troops')] }],
    });
    const read = readHypothesis(JSON.stringify({ annotations: [hypo('mine', [quote('minister')]), other('theirs')] }));
    if (!read.ok) throw new Error(read.problem);
    const byUrl = await placeAnnotations(read.annotations, [text], 'utf-16', { onto: text });
    expect(reasons(byUrl)).toEqual([['theirs', 'other-document']]);
    // Without an address for the text, the quotes decide: both documents quote words of it.
    const bare = { ...text, article: { ...text.article, url: undefined } };
    const byQuote = await placeAnnotations(read.annotations, [bare], 'utf-16', { onto: bare });
    expect(byQuote.report.placed.map((p) => p.source)).toEqual(['mine', 'theirs']);
    const unrelated = readHypothesis(
      JSON.stringify({
        annotations: [
          hypo('a', [quote('minister')]),
          { ...other('b'), target: [{ source: 'https://elsewhere.example/b', selector: [quote('not in this text')] }] },
        ],
      }),
    );
    if (!unrelated.ok) throw new Error(unrelated.problem);
    expect(reasons(await placeAnnotations(unrelated.annotations, [bare], 'utf-16', { onto: bare }))).toEqual([['b', 'other-document']]);
  });

  it('keeps the later of two annotations with one id, and reports the other', async () => {
    const read = readW3C(
      JSON.stringify([
        {
          type: 'Annotation',
          id: 'urn:uuid:6f1c3c3e-0000-4000-8000-000000000001',
          modified: '2024-01-02T00:00:00Z',
          body: { purpose: 'tagging', value: 'opinion' },
          target: { source: 'https://news.example/a', selector: quote('minister') },
        },
        {
          type: 'Annotation',
          id: 'urn:uuid:6f1c3c3e-0000-4000-8000-000000000001',
          modified: '2024-01-01T00:00:00Z',
          body: { purpose: 'tagging', value: 'sourced' },
          target: { source: 'https://news.example/a', selector: quote('troops') },
        },
      ]),
    );
    if (!read.ok) throw new Error(read.problem);
    const result = await placeAnnotations(read.annotations, [await library()], 'code points');
    expect(result.report.placed.map((p) => p.exact)).toEqual(['minister']);
    expect(result.report.unplaced).toEqual([
      { source: '6f1c3c3e-0000-4000-8000-000000000001', reason: 'duplicate-id', message: expect.stringContaining('a later date (2024-01-02T00:00:00.000Z)') },
    ]);
    await reimported(result);
  });

  it('never makes a foreign account a local annotator, and reads dates without a zone as UTC', async () => {
    const read = readHypothesis(
      JSON.stringify({
        annotations: [{ ...hypo('x', [quote('minister')]), user: 'acct:me@claimtrail', created: '18 April 2017', updated: '2017-04-18T10:00' }],
      }),
    );
    if (!read.ok) throw new Error(read.problem);
    expect(read.annotations[0]!.annotator).toEqual({ id: 'acct:me@claimtrail', name: 'Bob' });
    expect([read.annotations[0]!.created, read.annotations[0]!.modified]).toEqual(['2017-04-18T00:00:00.000Z', '2017-04-18T10:00:00.000Z']);
    const w3c = readW3C(
      JSON.stringify({ type: 'Annotation', id: 'y', creator: { id: 'urn:claimtrail:annotator:%E0%A4%A', name: 'Eve' }, target: 'https://x.example' }),
    );
    expect(w3c.ok && w3c.annotations[0]!.annotator).toEqual({ id: 'urn:claimtrail:annotator:%E0%A4%A', name: 'Eve' });
  });
});

describe('file formats decided by structure', () => {
  it('a Hypothesis file whose note mentions anno.jsonld is Hypothesis; a collection of addresses says what it lacks', () => {
    expect(importFormatOf({ annotations: [{ ...hypo('a', []), text: 'see http://www.w3.org/ns/anno.jsonld "type": "Annotation"' }] })).toBe('hypothesis');
    expect(importFormatOf({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' })).toBe('w3c');
    expect(importFormatOf({ format: 'claimtrail', version: 1 })).toBe('claimtrail');
    expect(importFormatOf({ rows: [] })).toBe('hypothesis');
    expect(importFormatOf({ hello: 1 })).toBeNull();
    // The Annotation Protocol's examples 5 and 7: pages and items by address only.
    expect(readW3C(JSON.stringify({ type: 'AnnotationCollection', first: 'http://example.org/page1' }))).toEqual({
      ok: false,
      problem: expect.stringContaining('points to its first page by address (http://example.org/page1)'),
    });
    expect(readW3C(JSON.stringify({ type: 'AnnotationPage', items: ['http://example.org/anno1', 'http://example.org/anno2'] }))).toEqual({
      ok: false,
      problem: expect.stringContaining('lists 2 annotations by address only'),
    });
  });

  it('a source with a URL and a citation stays one source through W3C, and the page says what it is part of', async () => {
    const { article, text } = await makeArticle(TEXT, { title: 'T', url: 'https://news.example/a' });
    const start = text.indexOf('2,000');
    const claim = {
      ...createClaim(text, article.id, { start, end: start + 12 }, 'sourced', me, NOW)!,
      sources: [{ url: 'https://mod.example/1', citation: 'Ministry release' }],
    };
    const file = toW3C([{ article, text, claims: [claim] }], 'test', NOW) as { id: string; first: { partOf: { id: string } } };
    expect(file.first.partOf.id).toBe(file.id);
    const read = readW3C(JSON.stringify(file));
    if (!read.ok) throw new Error(read.problem);
    const back = await placeAnnotations(read.annotations, [{ article, text: async () => text }], 'code points');
    expect(back.bundles[0]!.claims[0]!.sources).toEqual([{ url: 'https://mod.example/1', citation: 'Ministry release' }]);
  });
});

describe('brat', () => {
  const bea: Annotator = { id: 'bea', name: 'Bea' };
  const raw = '\uFEFFNorth and South America.\r\nCR\r\nlines count.';

  async function place(ann: string, text = raw) {
    const { article, text: normal } = await makeArticle(text);
    const onto = { article, text: async () => normal };
    return { result: await placeAnnotations(readAnn(ann, text, article, bea, 'x.ann'), [onto], 'code points', { onto }), text: normal };
  }

  it('maps offsets counted in the stored file (BOM and CR included) onto the normalised text, and compares each line’s words', async () => {
    const at = (words: string) => Array.from(raw.slice(0, raw.indexOf(words))).length;
    const ann = [
      `T1\tSourced ${at('lines')} ${at('lines') + 5}\tlines`,
      `T2\tOpinion ${at('South')} ${at('South') + 5}\tNorth`,
      `T3\tDisputed 1 6;17 24\tNorth America`,
      `T4\tDisputed 16 10\tx`,
      `T5\tDisputed 3 4000\tx`,
      `T6\tDisputed 1 b\tx`,
      `T7\tOpinion ${at('CR')} ${at('lines') + 5}\tCR lines`,
      '#1\tAnnotatorNotes T1\ta note\r',
    ].join('\r\n');
    const { result } = await place(ann);
    expect(result.report.placed.map((p) => [p.source, p.exact])).toEqual([
      ['x.ann T1', 'lines'],
      ['x.ann T7', 'CR\nlines'],
    ]);
    expect(result.bundles[0]!.claims[0]!.note).toBe('a note');
    expect(result.report.unplaced.map((u) => [u.source, u.reason, u.message])).toEqual([
      ['x.ann T2', 'text-mismatch', 'line 2: its text “North” differs from the text at 11 16, “South”'],
      ['x.ann T3', 'unsupported-selector', 'line 3: a discontinuous span (1 6;17 24: “North” … “America”); a claim is one stretch of text'],
      ['x.ann T4', 'bad-offsets', 'line 4: offsets 16 10 end before they start'],
      ['x.ann T5', 'bad-offsets', `line 5: offsets 3 4000 are past the end of the text (${Array.from(raw).length} characters as stored)`],
      ['x.ann T6', 'bad-offsets', 'line 6: offsets “1 b” are not pairs of whole numbers'],
    ]);
  });

  it('offsets survive CRLF and BOM texts: a claim written by claimtrail reads back on the same words (property)', async () => {
    const words = fc.stringMatching(/^[a-z😀é]{1,6}$/);
    const breaks = fc.constantFrom('\n', '\r\n', '\r', ' ');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(words, breaks), { minLength: 2, maxLength: 12 }), fc.boolean(), fc.nat(), fc.nat(), async (parts, bom, x, y) => {
        const stored = `${bom ? '\uFEFF' : ''}${parts.map(([w, b]) => w + b).join('')}`;
        const { article, text } = await makeArticle(stored);
        const wordStarts = [...text.matchAll(/[^\s]+/g)].map((m) => m.index);
        const [a = 0, b = 0] = [wordStarts[x % wordStarts.length]!, wordStarts[y % wordStarts.length]!].sort((p, q) => p - q);
        const end = b + /^[^\s]+/.exec(text.slice(b))![0].length;
        const claim = createClaim(text, article.id, { start: a, end }, 'opinion', bea, NOW)!;
        // brat counts offsets in the file as stored: write the .ann against that text.
        const offsets = new OffsetIndex(text);
        const ann = annOf({ article, text, claims: [claim] });
        const rawAnn = ann.replace(
          /(\d+) (\d+)/g,
          (_, s: string, e: string) => `${toRaw(stored, offsets.toUtf16(Number(s))!)} ${toRaw(stored, offsets.toUtf16(Number(e))!)}`,
        );
        const read = readAnn(rawAnn, stored, article, bea, 'p.ann');
        const onto = { article, text: async () => text };
        const result = await placeAnnotations(read, [onto], 'code points', { onto });
        expect(result.report.unplaced).toEqual([]);
        expect(result.bundles[0]!.claims[0]!.exact).toBe(claim.exact);
        await reimported(result);
      }),
      { numRuns: 150 },
    );
  });

  it('a zip of claimtrail’s own brat export reads back whole', async () => {
    const { article, text } = await makeArticle(TEXT);
    const start = text.indexOf('troops');
    const claim = createClaim(text, article.id, { start, end: text.indexOf('قَالَ') + 5 }, 'disputed', me, NOW)!;
    const read = await readBratZip(toBratZip([{ article, text, claims: [claim] }]), bea);
    if (!read.ok) throw new Error(read.problem);
    const [result] = await placeBratPairs(read.pairs);
    expect(result!.bundles[0]!.claims.map((c) => c.exact)).toEqual([claim.exact]);
    expect(await readBratZip(new Uint8Array([1, 2, 3]), bea)).toEqual({ ok: false, problem: expect.stringContaining('not a zip file') });
  });
});

/** Code point offset in the stored text `raw` of UTF-16 offset `at` in its normalised text. */
function toRaw(raw: string, at: number): number {
  let normal = 0;
  let k = 0;
  const chars = Array.from(raw);
  for (let i = 0; i < chars.length; i++) {
    if (normal >= at && !(chars[i] === '\uFEFF' && i === 0) && !(chars[i] === '\r' && chars[i + 1] === '\n')) return k;
    const dropped = (i === 0 && chars[i] === '\uFEFF') || (chars[i] === '\r' && chars[i + 1] === '\n');
    if (!dropped) normal += chars[i]!.length;
    k++;
  }
  return k;
}
