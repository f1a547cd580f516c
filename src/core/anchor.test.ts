import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../testing/corpus';
import { anchor, anchorAll, countStatuses, selectorsOf, type Anchoring, type Selectors } from './anchor';
import { normalizeText } from './text';

/** Selectors of the first occurrence of `words` in `text`. */
function claimOn(text: string, words: string, occurrence = 0): Selectors {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" is not in the text`);
  return selectorsOf(text, { start: at, end: at + words.length });
}

function wordsAt(text: string, result: Anchoring): string | null {
  return result.status === 'orphan' ? null : text.slice(result.start, result.end);
}

const BASE =
  'The alliance was founded in 1992 in Tashkent. Its members are Armenia, Belarus, Kazakhstan, ' +
  'Kyrgyzstan, Russia and Tajikistan. In January 2022 it sent troops to Kazakhstan for the first time. ' +
  'Critics called the deployment a pretext. Supporters called it a rescue.';

describe('anchor, on synthetic edits', () => {
  it('finds a claim at its own offsets in an unchanged text: exact', () => {
    const sel = claimOn(BASE, 'sent troops to Kazakhstan');
    expect(anchor(sel, BASE)).toEqual({ status: 'exact', start: sel.start, end: sel.end, score: 1 });
  });

  it('follows an insertion before the claim: moved by its length', () => {
    const sel = claimOn(BASE, 'sent troops to Kazakhstan');
    const edited = `Breaking news. ${BASE}`;
    const result = anchor(sel, edited);
    expect(result).toMatchObject({ status: 'moved', start: sel.start + 15, end: sel.end + 15 });
    expect(wordsAt(edited, result)).toBe('sent troops to Kazakhstan');
  });

  it("lands on the claim's words when a typo was made inside them: fuzzy, scored below 1", () => {
    const sel = claimOn(BASE, 'Its members are Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.');
    const edited = BASE.replace('Kyrgyzstan', 'Kyrgystan');
    const result = anchor(sel, edited);
    expect(result.status).toBe('fuzzy');
    expect(wordsAt(edited, result)).toBe('Its members are Armenia, Belarus, Kazakhstan, Kyrgystan, Russia and Tajikistan.');
    expect(result.status !== 'orphan' && result.score).toBeLessThan(1);
    expect(result.status !== 'orphan' && result.score).toBeGreaterThan(0.9);
  });

  it('chooses the occurrence of a repeated sentence whose context fits, not the first', () => {
    const text = 'Moscow said: the troops will leave soon. Later, Astana said: the troops will leave soon. End.';
    const sel = claimOn(text, 'the troops will leave soon.', 1);
    const edited = text.replace('Moscow said:', 'On Monday, the Russian foreign ministry said:');
    const result = anchor(sel, edited);
    expect(result).toMatchObject({ status: 'moved', start: edited.lastIndexOf('the troops will leave soon.') });
  });

  it('makes an orphan of a claim whose words were deleted, even when the words occur elsewhere', () => {
    const text = 'Russia sent troops. The CSTO confirmed it on Friday, officials said. Later the CSTO denied any role.';
    const sel = claimOn(text, 'the CSTO'); // in the last sentence
    const claim = claimOn(text, 'The CSTO confirmed it on Friday');
    const deleted = text.replace('The CSTO confirmed it on Friday, officials said. ', '');
    expect(anchor(claim, deleted)).toEqual({ status: 'orphan' });
    // A short quote whose sentence was rewritten does not jump to its other occurrence.
    const rewritten = text.replace('Later the CSTO denied any role.', 'Later nobody denied anything.');
    expect(sel.exact).toBe('the CSTO');
    expect(anchor(sel, rewritten)).toEqual({ status: 'orphan' });
  });

  it("prefers a one-character edit in the claim's own place to an old exact copy elsewhere", () => {
    const quote = 'troops will stay until order is restored';
    const text = `Archive, 2021: ${quote}. ` + 'x'.repeat(400) + ` Today the ministry said that ${quote}, and no longer.`;
    const sel = claimOn(text, quote, 1);
    const edited = text.replace(`that ${quote}`, `that ${quote.replace('restored', 'restord')}`);
    const result = anchor(sel, edited);
    expect(result.status).toBe('fuzzy');
    expect(result.status !== 'orphan' && result.start).toBe(edited.indexOf('troops will stay until order is restord'));
  });

  it('counts astral characters right when they are inserted before and inside the claim', () => {
    const text = 'Flags 🇦🇲 and 🇧🇾 flew. The summit 👩‍💼 ended with a statement on Kazakhstan.';
    const sel = claimOn(text, 'The summit 👩‍💼 ended with a statement');
    const edited = `😀😀 ${text}`;
    expect(wordsAt(edited, anchor(sel, edited))).toBe('The summit 👩‍💼 ended with a statement');
  });

  it('anchors claims as a set, carrying the shift from one claim to the next', () => {
    const sels = [claimOn(BASE, 'founded in 1992'), claimOn(BASE, 'called the deployment a pretext'), claimOn(BASE, 'a rescue')];
    const edited = `Update. ${BASE.replace('deployment', 'deploiment')}`;
    const results = anchorAll(sels, edited);
    expect(results.map((r) => wordsAt(edited, r))).toEqual(['founded in 1992', 'called the deploiment a pretext', 'a rescue']);
    expect(countStatuses(results)).toEqual({ exact: 0, moved: 2, fuzzy: 1, orphan: 0 });
  });

  it('never lands a claim that began and ended on word boundaries inside a word', () => {
    const sel = claimOn(BASE, 'a pretext');
    // "n pretext" is one edit away, but it cuts "thin" in two; "thin pretext" is three edits away.
    expect(anchor(sel, BASE.replace('a pretext', 'a thin pretext'))).toEqual({ status: 'orphan' });
  });
});

describe('anchor, property', () => {
  it('re-anchoring a claim onto its own unchanged text is always exact at the same offsets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const sel = selectorsOf(text, { start, end });
        expect(anchor(sel, text)).toEqual({ status: 'exact', start, end, score: 1 });
      }),
      { numRuns: 300 },
    );
  });
});

describe('anchor, on the corpus repost (001 carried to 000)', () => {
  const original = normalizeText(readCorpus('001_54ad07cce52304a5.txt'));
  const repost = normalizeText(readCorpus('000_5db7ccc2cadc8c6a.txt'));
  const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
  /** Every sentence of 001 as a claim. */
  const claims: Selectors[] = [];
  for (const s of sentences.segment(original)) {
    const trimmed = s.segment.trim();
    if (trimmed.length < 3) continue;
    const start = s.index + s.segment.indexOf(trimmed);
    claims.push(selectorsOf(original, { start, end: start + trimmed.length }));
  }
  const results = anchorAll(claims, repost);
  /** 000 stops after the Dushanbe paragraph; everything 001 says after it is not in 000. */
  const cut = original.indexOf('en masse.') + 'en masse.'.length;
  /** Typography the repost changed: its quotes and dashes; compared after folding them. */
  const fold = (s: string) =>
    s
      .replace(/«\s*|\s*»/g, '')
      .replace(/[“”"]/g, '')
      .replace(/[–-]/g, '-')
      .replace(/\s+/g, ' ')
      .trim();

  it('puts every sentence that 000 repeats word for word on those words', () => {
    const verbatim = claims.map((c, i) => [c, results[i]!] as const).filter(([c]) => repost.includes(c.exact));
    expect(verbatim.length).toBeGreaterThan(12);
    for (const [claim, result] of verbatim) expect(wordsAt(repost, result)).toBe(claim.exact);
  });

  it("makes an orphan of every sentence after the point where 000 was cut short, and of 001's byline", () => {
    const byline = claims.findIndex((c) => c.exact === 'by Thierry Meyssan on 24 Sep 2015 0 Comment');
    expect(results[byline]).toEqual({ status: 'orphan' }); // 000 has its own: "by Thierry Meyssan, Voltaire Net:"
    const after = results.filter((_, i) => claims[i]!.start >= cut);
    expect(after.length).toBeGreaterThan(5);
    expect(after.map((r) => r.status)).toEqual(after.map(() => 'orphan'));
  });

  it('puts retyped sentences (typos, «» quotes) on their retyped words, never elsewhere', () => {
    const retyped = claims
      .map((c, i) => [c, results[i]!] as const)
      .filter(([c]) => c.start < cut && !repost.includes(c.exact) && !c.exact.startsWith('by Thierry Meyssan on'));
    expect(retyped.length).toBeGreaterThan(3);
    for (const [claim, result] of retyped) {
      expect(result.status, claim.exact).toBe('fuzzy');
      const landed = fold(wordsAt(repost, result)!);
      const wanted = fold(claim.exact);
      // Same words, give or take the repost's typos (at most two letters per sentence).
      expect(Math.abs(landed.length - wanted.length), `${landed} / ${wanted}`).toBeLessThanOrEqual(2);
      expect(landed.split(' ').length, `${landed} / ${wanted}`).toBe(wanted.split(' ').length);
    }
    const washington = retyped.find(([c]) => c.exact.includes('Washington'))!;
    expect(wordsAt(repost, washington[1])).toBe(
      'The debates in the UNO General Assembly and Security Council on the 30th September will reveal the response of Washinton and its allies.',
    );
  });
});
