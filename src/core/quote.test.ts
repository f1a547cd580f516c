import { describe, expect, it } from 'vitest';
import { CONTEXT_CODE_POINTS, quoteOf } from './quote';

describe('quoteOf', () => {
  it('takes the exact text and short context at the edges of the text', () => {
    expect(quoteOf('the quick fox', { start: 4, end: 9 })).toEqual({ exact: 'quick', prefix: 'the ', suffix: ' fox' });
  });

  it('takes 32 code points of context, counting astral characters once and never halving them', () => {
    const before = '😀'.repeat(40);
    const after = '𝄞'.repeat(40);
    const text = `${before}CLAIM${after}`;
    const q = quoteOf(text, { start: before.length, end: before.length + 5 });
    expect(q.exact).toBe('CLAIM');
    expect(Array.from(q.prefix)).toHaveLength(CONTEXT_CODE_POINTS);
    expect(Array.from(q.suffix)).toHaveLength(CONTEXT_CODE_POINTS);
    expect(q.prefix).toBe('😀'.repeat(32));
    expect(q.suffix).toBe('𝄞'.repeat(32));
  });
});
