import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createClaim, LABELS, type Article, type Claim } from '../model';
import { sha256Hex } from '../text';
import { ExportFileSchema } from './claimtrail-v1';
import { articleJson, exportFileName, ExportWriter, toExportFile, type ArticleBundle } from './export';
import { readExportFile } from './import';

const me = { id: 'ann-1', name: 'Ana' };
const NOW = '2026-11-23T10:00:00.000Z';

async function bundleOf(text: string, ranges: [number, number][], id = 'art-1'): Promise<ArticleBundle> {
  const article: Article = { id, title: 'T', author: 'A. Writer', textSha256: await sha256Hex(text), length: text.length, added: NOW };
  const claims = ranges.map(([start, end], i) => createClaim(text, id, { start, end }, LABELS[i % 3]!, me, NOW)).filter((c): c is Claim => c !== null);
  return { article, text, claims };
}

async function validFile() {
  const text = 'Emoji 😀 first. The CSTO was founded in 2002. Nobody likes it.';
  const bundle = await bundleOf(text, [[text.indexOf('The'), text.indexOf('2002') + 4]]);
  return JSON.parse(JSON.stringify(toExportFile([bundle], me, NOW, 'claimtrail test')));
}

async function problemsOf(json: string): Promise<string[]> {
  const result = await readExportFile(json);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('export', () => {
  it('writes code point offsets so that exact is the code point slice', async () => {
    const file = await validFile();
    expect(ExportFileSchema.safeParse(file).success).toBe(true);
    const claim = file.articles[0].claims[0];
    expect(Array.from(file.articles[0].text).slice(claim.start, claim.end).join('')).toBe(claim.exact);
    expect(claim.exact).toBe('The CSTO was founded in 2002');
    // The emoji before the claim counts once in code points and twice in UTF-16.
    expect(claim.start).toBe(file.articles[0].text.indexOf('The') - 1);
  });

  it('writes the same file in pieces, an article at a time, as whole', async () => {
    const a = await bundleOf(
      'One claim here. And another one.',
      [
        [0, 9],
        [16, 27],
      ],
      'art-a',
    );
    const b = await bundleOf('A second text 😀 with words.', [[2, 8]], 'art-b');
    const links = {
      relations: [{ id: 'rel-1', from: 'art-a', to: 'art-b', kind: 'republishes' as const, created: NOW }],
      threads: [
        { id: 'th-1', title: 'Both', claimIds: [a.claims[0]!.id, b.claims[0]!.id, 'elsewhere'], created: NOW, modified: NOW },
        { id: 'th-2', title: 'None here', claimIds: ['elsewhere'], created: NOW, modified: NOW },
      ],
    };
    for (const [bundles, withLinks] of [
      [[a, b], links],
      [[a], {}],
      [[], links],
    ] as const) {
      const writer = new ExportWriter(me, NOW, 'claimtrail test');
      // One article a piece, and all of them in one piece (as a worker writes a part).
      const ids = (list: readonly ArticleBundle[]) => list.flatMap((b) => b.claims.map((c) => c.id));
      const pieces = [writer.head(), ...bundles.map((bundle) => writer.next(ids([bundle])) + articleJson(bundle)), writer.end(withLinks)];
      expect(pieces.join('')).toBe(JSON.stringify(toExportFile(bundles, me, NOW, 'claimtrail test', withLinks)));
      const whole = new ExportWriter(me, NOW, 'claimtrail test');
      const one = bundles.length ? [whole.next(ids(bundles)) + bundles.map(articleJson).join(',')] : [];
      expect([whole.head(), ...one, whole.end(withLinks)].join('')).toBe(pieces.join(''));
      expect(pieces.join('')).toBe(JSON.stringify(toExportFile(bundles, me, NOW, 'claimtrail test', withLinks)));
    }
  });

  it('names the file by UTC date and time', () => {
    expect(exportFileName(new Date('2026-01-02T03:04:05Z'))).toBe('claimtrail-20260102-030405.json');
  });
});

describe('import reports every kind of bad input by name', () => {
  it('not JSON', async () => {
    expect((await problemsOf('{"format": "claimtrail",'))[0]).toMatch(/^not JSON/);
  });
  it('not a claimtrail file', async () => {
    expect((await problemsOf('{"annotations": []}'))[0]).toMatch(/not a claimtrail export/);
    expect((await problemsOf('[1, 2]'))[0]).toMatch(/not a claimtrail export/);
  });
  it('unsupported version', async () => {
    const file = { ...(await validFile()), version: 2 };
    expect((await problemsOf(JSON.stringify(file)))[0]).toMatch(/unsupported claimtrail format version 2/);
  });
  it('offsets outside the text', async () => {
    const file = await validFile();
    file.articles[0].claims[0].end = 10_000;
    expect((await problemsOf(JSON.stringify(file)))[0]).toMatch(/articles\[0\]\.claims\[0\]: offsets \d+\.\.10000 are outside the text/);
  });
  it('exact not matching the text', async () => {
    const file = await validFile();
    file.articles[0].claims[0].exact = 'The CSTO was founded in 1992';
    expect((await problemsOf(JSON.stringify(file)))[0]).toMatch(/"exact" is "The CSTO was founded in 1992" but the text/);
  });
  it('a javascript: URL', async () => {
    const file = await validFile();
    file.articles[0].claims[0].sources = [{ url: 'javascript:alert(1)' }];
    expect((await problemsOf(JSON.stringify(file)))[0]).toBe('articles[0].claims[0].sources[0].url: only http and https addresses are accepted');
  });
  it('text whose hash does not match', async () => {
    const file = await validFile();
    file.articles[0].text = file.articles[0].text.replace('Nobody', 'Everybody');
    expect((await problemsOf(JSON.stringify(file)))[0]).toMatch(/"textSha256" does not match/);
  });
  it('a bad label, naming where it is', async () => {
    const file = await validFile();
    file.articles[0].claims[0].label = 'true';
    expect((await problemsOf(JSON.stringify(file)))[0]).toMatch(/^articles\[0\]\.claims\[0\]\.label: /);
  });
  it('lists at most five problems and counts the rest', async () => {
    const file = await validFile();
    const claim = file.articles[0].claims[0];
    file.articles[0].claims = Array.from({ length: 8 }, (_, i) => ({ ...claim, id: `c${i}`, exact: 'wrong' }));
    const problems = await problemsOf(JSON.stringify(file));
    expect(problems).toHaveLength(6);
    expect(problems[5]).toBe('…and 3 more');
  });
});

describe('review of an adjudicated claim', () => {
  it('is optional, and round-trips when present', async () => {
    const file = await validFile();
    expect(ExportFileSchema.safeParse(file).success).toBe(true);
    const review = { status: 'relabelled', by: { id: 'rev', name: 'Rev' }, at: NOW, comment: 'Checked', from: ['x', 'y'] };
    file.articles[0].claims[0].review = review;
    const result = await readExportFile(JSON.stringify(file));
    expect(result.ok && result.value.articles[0]!.claims[0]!.review).toEqual(review);
    file.articles[0].claims[0].review = { ...review, status: 'maybe' };
    expect((await problemsOf(JSON.stringify(file)))[0]).toMatch(/^articles\[0\]\.claims\[0\]\.review\.status: /);
  });
});

describe('comments on claims', () => {
  it('travel with the claim they are about, and come back', async () => {
    const text = 'A claim someone else commented on.';
    const bundle = await bundleOf(text, [[0, 7]]);
    const comment = { id: 'k1', claimId: bundle.claims[0]!.id, articleId: bundle.article.id, by: { id: 'bea', name: 'Bea' }, at: NOW, text: 'Which source?' };
    const file = JSON.parse(JSON.stringify(toExportFile([{ ...bundle, comments: [comment] }], me, NOW, 'test')));
    expect(file.articles[0].claims[0].comments).toEqual([{ id: 'k1', by: { id: 'bea', name: 'Bea' }, at: NOW, text: 'Which source?' }]);
    const result = await readExportFile(JSON.stringify(file));
    expect(result.ok && result.value.articles[0]!.comments).toEqual([comment]);
  });
});

describe('export then import is lossless', () => {
  // Text from whole graphemes (emoji, combining marks, Arabic, newlines) with claims on it.
  const textArb = fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.constantFrom('\n', ' ', 'بِسْمِ', '👩‍👩‍👧', 'e\u0301')), {
      minLength: 1,
      maxLength: 30,
    })
    .map((parts) => parts.join(''));
  const caseArb = textArb.chain((text) =>
    fc.record({
      text: fc.constant(text),
      ranges: fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length)), { maxLength: 6 }),
      note: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
      citation: fc.option(
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        { nil: undefined },
      ),
    }),
  );

  it('keeps every article field and every claim', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ text, ranges, note, citation }) => {
        const bundle = await bundleOf(text, ranges);
        bundle.claims = bundle.claims.map((c) => ({
          ...c,
          ...(note ? { note } : {}),
          sources: [{ url: 'https://example.org/a?b=c' }, ...(citation ? [{ citation }] : [])],
        }));
        const json = JSON.stringify(toExportFile([bundle], me, NOW, 'claimtrail test'));
        const result = await readExportFile(json, undefined, NOW);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const [back] = result.value.articles;
        expect(back!.text).toBe(text);
        expect(back!.article).toEqual(bundle.article);
        const byId = (a: Claim, b: Claim) => a.id.localeCompare(b.id);
        expect([...back!.claims].sort(byId)).toEqual([...bundle.claims].sort(byId));
        for (const claim of back!.claims) expect(text.slice(claim.start, claim.end)).toBe(claim.exact);
      }),
      { numRuns: 150 },
    );
  });
});

describe('what an article was made from', () => {
  const pdfText = 'Page one 😀 text.\nPage two text.';
  const original = { name: 'report.pdf', sha256: 'c'.repeat(64), type: 'application/pdf', size: 1234 };

  async function pagedFile() {
    const bundle = await bundleOf(pdfText, [
      [pdfText.indexOf('two'), pdfText.indexOf('two') + 3],
      [0, pdfText.length],
    ]);
    bundle.article = { ...bundle.article, pages: [0, pdfText.indexOf('Page two')], lang: 'en', dir: 'ltr', original };
    return { bundle, file: JSON.parse(JSON.stringify(toExportFile([bundle], me, NOW, 'claimtrail test'))) };
  }

  it('exports the page map in code points, each claim’s pages, and the original’s name and hash (never its bytes)', async () => {
    const { file } = await pagedFile();
    const article = file.articles[0];
    expect(article.pages).toEqual([0, Array.from(pdfText).indexOf('P', 5)]);
    expect(article.original).toEqual(original);
    expect(article).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(article.claims.map((c: { exact: string; pages: number[] }) => [c.exact, c.pages])).toEqual([
      [pdfText, [1, 2]],
      ['two', [2]],
    ]);
  });

  it('reads them back as they were', async () => {
    const { bundle, file } = await pagedFile();
    const read = await readExportFile(JSON.stringify(file));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.articles[0]!.article).toMatchObject({ pages: bundle.article.pages, lang: 'en', dir: 'ltr', original });
  });

  it('refuses a page map that is not one of its text', async () => {
    const { file } = await pagedFile();
    file.articles[0].pages = [0, 99];
    expect(await problemsOf(JSON.stringify(file))).toEqual(['articles[0].pages: page 2 starts past the end of the text']);
    file.articles[0].pages = [3];
    expect(await problemsOf(JSON.stringify(file))).toEqual(['articles[0].pages: the first page must start at 0']);
  });
});
