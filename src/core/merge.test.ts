import { describe, expect, it } from 'vitest';
import { mergeClaim, renamedId, stableUuid } from './merge';
import type { Claim } from './model';

const claim = (patch: Partial<Claim> = {}): Claim => ({
  id: 'X',
  articleId: 'a',
  label: 'sourced',
  start: 0,
  end: 4,
  exact: 'CSTO',
  prefix: '',
  suffix: ' was',
  sources: [],
  annotator: { id: 'ana', name: 'Ana' },
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  ...patch,
});

describe('merging an imported claim', () => {
  it('adds new ids, updates the same claim when later, keeps it when not', () => {
    expect(mergeClaim(claim(), 'a', undefined)).toEqual({ kind: 'add' });
    expect(mergeClaim(claim({ modified: '2026-02-01T00:00:00.000Z' }), 'a', { claim: claim(), articleId: 'a' })).toEqual({ kind: 'update' });
    expect(mergeClaim(claim(), 'a', { claim: claim({ modified: '2026-02-01T00:00:00.000Z' }), articleId: 'a' })).toEqual({ kind: 'unchanged' });
  });

  it('renames a claim whose id is on another article or other words, and refuses another annotator’s name', () => {
    expect(mergeClaim(claim(), 'b', { claim: claim(), articleId: 'a' }).kind).toBe('rename');
    expect(mergeClaim(claim({ start: 5, end: 8, exact: 'was' }), 'a', { claim: claim(), articleId: 'a' }).kind).toBe('rename');
    const eve = claim({ annotator: { id: 'eve', name: 'Eve' }, modified: '2026-03-01T00:00:00.000Z' });
    expect(mergeClaim(eve, 'a', { claim: claim(), articleId: 'a' })).toEqual({ kind: 'refuse', why: 'it would replace Ana’s claim with one under Eve’s name' });
    // An orphan placed since keeps its id: the same claim on new words.
    expect(
      mergeClaim(claim({ start: 5, end: 8, exact: 'was', modified: '2026-02-01T00:00:00.000Z' }), 'a', {
        claim: claim({ anchor: { status: 'orphan', from: { start: 0, end: 4 } } }),
        articleId: 'a',
      }).kind,
    ).toBe('update');
  });

  it('makes the same new id for the same claim, and UUIDs of version 8', () => {
    expect(renamedId(claim(), 'f'.repeat(64))).toBe(renamedId(claim(), 'f'.repeat(64)));
    expect(renamedId(claim(), 'f'.repeat(64))).not.toBe(renamedId(claim({ start: 1 }), 'f'.repeat(64)));
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
