import { describe, expect, it } from 'vitest';
import { recordText, textRecord } from './text-record';

describe('textRecord', () => {
  it('keeps a text as a string unless its UTF-16 form nears the 127 MiB a record may hold', () => {
    expect(textRecord('a', 'short السلام')).toEqual({ id: 'a', text: 'short السلام' });
    const long = `😀${'x'.repeat(67_000_000)}`;
    const record = textRecord('b', long);
    expect('utf8' in record).toBe(true);
    expect(recordText(record) === long).toBe(true);
  });

  it('keeps a long Latin-1 text as a string, and refuses by name a text too large in either form', () => {
    const latin = 'é'.repeat(100_000_000);
    expect('text' in textRecord('c', latin)).toBe(true);
    expect(() => textRecord('d', '中'.repeat(70_000_000))).toThrow(/too large to store \(200 MB as UTF-8/);
  });
});
