import { describe, expect, it } from 'vitest';
import { createClaim, type Annotator, type Claim } from './model';
import { carryClaims } from './carry';

const ana: Annotator = { id: 'ana', name: 'Ana' };
const OLD = 'Izvestia reports that 2,000 troops 🪖 were sent. Critics disagree. Nobody saw the planes.';
const NEW = 'Update: Izvestia reports that 2,000 troops 🪖 were sent. Critics strongly disagree.';

function claimOn(words: string): Claim {
  const start = OLD.indexOf(words);
  return createClaim(OLD, 'old', { start, end: start + words.length }, 'sourced', ana, '2026-01-01T00:00:00.000Z')!;
}

describe('carryClaims', () => {
  it('makes new claims on the new text that say how they anchored and where they came from', () => {
    const moved = claimOn('2,000 troops 🪖 were sent');
    moved.sources = [{ citation: 'Izvestia', attribution: { start: 0, end: 8, exact: 'Izvestia' } }];
    const gone = claimOn('Nobody saw the planes.');
    const { claims, counts } = carryClaims([moved, gone], { articleId: 'old', text: OLD }, { articleId: 'new', text: NEW }, 'now');
    expect(counts).toEqual({ exact: 0, moved: 1, fuzzy: 0, orphan: 1 });
    const [m, o] = claims as [Claim, Claim];
    expect(m).toMatchObject({ articleId: 'new', exact: '2,000 troops 🪖 were sent', label: 'sourced', modified: 'now' });
    expect(NEW.slice(m.start, m.end)).toBe(m.exact);
    expect(m.id).not.toBe(moved.id);
    // "from" counts code points of the old text: the emoji before the end counts once.
    expect(m.anchor).toEqual({ status: 'moved', score: m.anchor!.score, from: { start: 22, end: 46, exact: moved.exact, article: 'old', claim: moved.id } });
    expect(m.sources).toEqual([{ citation: 'Izvestia', attribution: { start: 8, end: 16, exact: 'Izvestia' } }]);
    expect(o).toMatchObject({ exact: 'Nobody saw the planes.', start: gone.start, anchor: { status: 'orphan', from: { claim: gone.id } } });
  });

  it("finds an orphan's attribution in the new text too, so its offsets point into that text", () => {
    const gone = claimOn('Nobody saw the planes.');
    gone.sources = [{ citation: 'Izvestia', attribution: { start: 0, end: 8, exact: 'Izvestia' } }];
    const [o] = carryClaims([gone], { articleId: 'old', text: OLD }, { articleId: 'new', text: NEW }).claims;
    expect(o!.anchor!.status).toBe('orphan');
    expect(o!.sources).toEqual([{ citation: 'Izvestia', attribution: { start: 8, end: 16, exact: 'Izvestia' } }]);
  });

  it('keeps an orphan an orphan when it is carried again', () => {
    const gone = claimOn('Nobody saw the planes.');
    const first = carryClaims([gone], { articleId: 'old', text: OLD }, { articleId: 'new', text: NEW }).claims;
    const again = carryClaims(first, { articleId: 'new', text: NEW }, { articleId: 'newer', text: NEW }).claims;
    expect(again).toHaveLength(1);
    expect(again[0]!.anchor).toEqual(first[0]!.anchor);
  });
});
