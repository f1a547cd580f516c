import { describe, expect, it } from 'vitest';
import { adjudicatedLayer, disagreementKey, settledCount, type Decision } from './adjudication';
import { compareAnnotators } from './agreement-report';
import type { Claim, Label } from './model';

const reviewer = { id: 'rev', name: 'Rev' };
const claim = (who: string, id: string, start: number, end: number, label: Label, note?: string): Claim => ({
  id,
  articleId: 'x',
  label,
  start,
  end,
  exact: `${start}-${end}`,
  prefix: '',
  suffix: '',
  sources: [],
  annotator: { id: who, name: who },
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  ...(note ? { note } : {}),
});

describe('adjudication', () => {
  const lines = compareAnnotators(
    [claim('A', 'a1', 0, 10, 'sourced'), claim('A', 'a2', 20, 30, 'opinion', 'A thinks so'), claim('A', 'a3', 50, 60, 'disputed')],
    [claim('B', 'b1', 0, 10, 'sourced'), claim('B', 'b2', 20, 30, 'disputed'), claim('B', 'b3', 40, 45, 'opinion')],
  );
  const decide = (line: number, d: Partial<Decision>): [string, Decision] => {
    const key = disagreementKey(lines[line]!);
    return [key, { key, articleId: 'x', status: 'accepted', by: reviewer, at: '2026-02-01T00:00:00.000Z', ...d }];
  };

  it('counts settled disagreements', () => {
    expect(settledCount(lines, new Map())).toEqual({ settled: 0, total: 3 });
    expect(settledCount(lines, new Map([decide(1, {})]))).toEqual({ settled: 1, total: 3 });
  });

  it('keeps agreements, applies each decision with its review, and leaves out what is undecided', () => {
    const decisions = new Map([
      decide(1, { status: 'relabelled', chosen: 'a2', label: 'sourced', comment: 'The minutes name the source.' }),
      decide(2, { status: 'rejected', chosen: 'b3' }),
    ]);
    const layer = adjudicatedLayer(lines, decisions, reviewer, '2026-03-01T00:00:00.000Z');
    expect(layer.map((c) => [c.start, c.label, c.review!.status, c.review!.from])).toEqual([
      [0, 'sourced', 'accepted', ['a1', 'b1']],
      [20, 'sourced', 'relabelled', ['a2', 'b2']],
      [40, 'opinion', 'rejected', ['b3']],
    ]);
    expect(layer[1]).toMatchObject({
      note: 'A thinks so',
      annotator: { id: 'review:rev', name: 'review by Rev' },
      review: { comment: 'The minutes name the source.', by: reviewer },
    });
    expect(new Set(layer.map((c) => c.id)).size).toBe(3);
    // The same decisions give the same ids, so a re-export replaces rather than duplicates.
    expect(adjudicatedLayer(lines, decisions, reviewer, '2026-03-02T00:00:00.000Z').map((c) => c.id)).toEqual(layer.map((c) => c.id));
  });
});

describe('the default pair', async () => {
  const { defaultPair } = await import('./adjudication');
  it('is the first two annotators in reading order, or null with fewer than two', () => {
    const c = (who: string, start: number): Claim => ({
      id: `${who}${start}`,
      articleId: 'x',
      label: 'sourced',
      start,
      end: start + 5,
      exact: '',
      prefix: '',
      suffix: '',
      sources: [],
      annotator: { id: who, name: who },
      created: '',
      modified: '',
    });
    expect(defaultPair([c('C', 50), c('B', 10), c('A', 30)])).toEqual(['B', 'A']);
    expect(defaultPair([c('A', 1), c('A', 9)])).toBeNull();
  });
});
