import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eachPlacedWord, foldString, searchWords } from './fold';
import { LibraryIndex } from './library-index';
import { matchesIn, snippetsOf } from './matches';
import { parseQuery } from './query';
import type { Article, Claim } from './model';

const article = (id: string, title: string, extra: Partial<Article> = {}): Article => ({
  id,
  title,
  textSha256: id.padEnd(64, '0'),
  length: 0,
  added: `2026-01-0${id.length}T00:00:00Z`,
  ...extra,
});

const claim = (id: string, articleId: string, text: string, exact: string, extra: Partial<Claim> = {}): Claim => {
  const start = text.indexOf(exact);
  return {
    id,
    articleId,
    label: 'disputed',
    start,
    end: start + exact.length,
    exact,
    prefix: '',
    suffix: '',
    sources: [],
    annotator: { id: 'ana', name: 'Ana Lima' },
    created: '2026-01-01T00:00:00Z',
    modified: '2026-01-01T00:00:00Z',
    ...extra,
  };
};

/** Pieces of text in many scripts: letters, decomposed and precomposed accents, harakat, tatweel, emoji with joiners and skin tones, symbols, spaces. */
const PIECES = [
  'a',
  'Z',
  'é',
  'e\u0301',
  'ß',
  'İ',
  'Σ',
  'ς',
  'ن',
  '\u064e',
  '\u0651',
  'ـ',
  'ة',
  '中',
  '👍🏽',
  '👩‍💼',
  '❤️',
  '🇦🇲',
  '½',
  '’',
  ' ',
  '\n',
  '-',
  '.',
  '"',
  '\u00a0',
  '7',
  '٣',
];

describe('folding', () => {
  it('drops case, accents, Arabic harakat and tatweel', () => {
    expect(foldString('Café TADJIKISTAN')).toBe('cafe tadjikistan');
    expect(foldString('النَّبُوءَةُ')).toBe(foldString('النبوءة'));
    expect(foldString('عـــربي')).toBe('عربي');
    expect(foldString('℃ ﬁ Ａ')).toBe('°c fi a');
  });

  it('finds the same words in the original text as the index finds in the folded text, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES)).map((p) => p.join('')),
        (text) => {
          const found: string[] = [];
          eachPlacedWord(text, (words) => void found.push(...words));
          expect(found).toEqual(searchWords(text));
        },
      ),
      // Marks and tatweel between emoji once split the original's words where folding joins them.
      { numRuns: 2000, examples: [['👍🏽\u0651❤️'], ['👍🏽\u0640❤️']] },
    );
  });

  it('splits words of every script and keeps emoji as words', () => {
    expect(searchWords('Ana’s café — 👍🏽 now!')).toEqual(['ana', 's', 'cafe', '👍🏽', 'now']);
  });
});

describe('queries', () => {
  it('reads words, phrases and filters', () => {
    const q = parseQuery('label:opinion by:ana "security belt" outlet:"The Times" before:2024-06 has:source is:orphan tad');
    expect(q.labels).toEqual(['opinion']);
    expect(q.by).toEqual(['ana']);
    expect(q.outlets).toEqual(['the times']);
    expect(q.before).toBe('2024-06');
    expect(q.hasSource).toBe(true);
    expect(q.orphan).toBe(true);
    expect(q.phrases).toEqual([['security', 'belt']]);
    expect(q.words).toEqual(['security', 'belt', 'tad']);
    expect(q.lastIsPrefix).toBe(true);
    expect(parseQuery('tad ').lastIsPrefix).toBe(false);
  });

  it('names what it cannot read', () => {
    expect(parseQuery('label:true before:soon').problems).toHaveLength(2);
    expect(parseQuery('http://x.org').words).toEqual(['http', 'x', 'org']);
  });
});

describe('matches', () => {
  it('selects the original words, combining marks included', () => {
    const text = 'قال إن النَّبُوءَةُ تحققت';
    const [m] = matchesIn(text, parseQuery('النبوءة '));
    expect(text.slice(m!.start, m!.end)).toBe('النَّبُوءَةُ');
  });

  it('marks phrases as one range and prefixes while typing', () => {
    const text = 'The security belt of Tadjikistan, a security risk.';
    const spans = matchesIn(text, parseQuery('"security belt" tadj'));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['security belt', 'Tadjikistan']);
    const [snippet] = snippetsOf(text, spans);
    expect(snippet!.marks).toHaveLength(2);
  });

  it('finds decomposed accents and emoji exactly', () => {
    const text = 'Un cafe\u0301 👍🏽 ici';
    const spans = matchesIn(text, parseQuery('café 👍🏽 '));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['cafe\u0301', '👍🏽']);
  });
});

describe('the library index', () => {
  const textA = 'Tadjikistan joined the security belt. Officials denied it.';
  const textB = 'Le café de Douchanbé. The security belt is a myth.';
  const make = () => {
    const index = new LibraryIndex();
    index.setArticle({
      article: article('a', 'Belt news', { outlet: 'Daily Post', published: '2024-03-01' }),
      text: textA,
      claims: [claim('c1', 'a', textA, 'Officials denied it.', { note: 'no café source' })],
    });
    index.setArticle({
      article: article('bb', 'Dushanbe', { outlet: 'Le Monde', published: '2025-01-02' }),
      text: textB,
      claims: [claim('c2', 'bb', textB, 'The security belt is a myth.', { label: 'opinion', annotator: { id: 'bo', name: 'Bo' } })],
    });
    return index;
  };

  it('finds articles and claims, grouped, with the words to select', () => {
    const answer = make().searchLibrary(parseQuery('tadjikistan '));
    expect(answer.groups.map((g) => g.articleId)).toEqual(['a']);
    const hit = answer.groups[0]!.hits.find((h) => h.kind === 'text');
    expect(hit?.kind === 'text' && textA.slice(hit.select.start, hit.select.end)).toBe('Tadjikistan');
    const cafe = make().searchLibrary(parseQuery('cafe '));
    expect(cafe.groups.map((g) => g.articleId).sort()).toEqual(['a', 'bb']);
  });

  it('applies filters to claims and articles alike', () => {
    const index = make();
    expect(index.claimIds(parseQuery('label:opinion'), 'ana')).toEqual(['c2']);
    expect(index.claimIds(parseQuery('by:ana "denied it"'), 'ana')).toEqual(['c1']);
    expect(index.claimIds(parseQuery('after:2025'), 'ana')).toEqual(['c2']);
    expect(index.claimIds(parseQuery('no:source outlet:daily'), 'ana')).toEqual(['c1']);
    expect(index.searchLibrary(parseQuery('label:disputed security')).groups).toEqual([]);
  });

  it('follows changes and knows what a reviewer has reviewed', () => {
    const index = make();
    expect(index.queue('ana')).toEqual({ ids: ['c2'], states: ['to review'] });
    const theirs = index.queueEntry('c2')!.claim;
    const mine = { ...theirs, id: 'c3', annotator: { id: 'ana', name: 'Ana Lima' }, label: 'disputed' as const };
    index.applyClaimChanges([{ before: null, after: mine }]);
    expect(index.queue('ana').states).toEqual(['labelled differently']);
    index.applyClaimChanges([{ before: mine, after: null }]);
    expect(index.queue('ana').states).toEqual(['to review']);
    expect(index.searchLibrary(parseQuery('myth ')).claims).toBe(1);
  });
});

describe('matches in long texts', () => {
  it('finds the words of a long text where they stand, far from the start and after marks that fold away', () => {
    const filler = 'وَقَالَ الرَّئِيسُ كَلِمَةً '.repeat(400);
    const text = `${filler}Le café de Douchanbé.\n${'plain words here '.repeat(300)}the security belt holds`;
    const index = new LibraryIndex();
    index.setArticle({ article: article('long', 'A long one'), text, claims: [] });
    for (const [q, words] of [
      ['douchanbe ', 'Douchanbé'],
      ['"security belt"', 'security belt'],
      ['الرئيس ', 'الرَّئِيسُ'],
    ] as const) {
      const hit = index.searchLibrary(parseQuery(q)).groups[0]!.hits.find((h) => h.kind === 'text');
      expect(hit?.kind === 'text' && text.slice(hit.select.start, hit.select.end)).toBe(words);
    }
  });
});
