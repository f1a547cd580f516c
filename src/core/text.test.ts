import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText, OffsetIndex, sha256Hex, splitsSurrogatePair } from './text';

describe('normalizeText', () => {
  it('drops a BOM and turns CRLF and CR into LF', () => {
    expect(normalizeText('\uFEFFone\r\ntwo\rthree\nfour')).toBe('one\ntwo\nthree\nfour');
  });
  it('keeps a BOM-like character that is not at the start', () => {
    expect(normalizeText('a\uFEFFb')).toBe('a\uFEFFb');
  });
});

describe('sha256Hex', () => {
  it('matches the published SHA-256 test vectors', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('hashes UTF-8 bytes, not UTF-16 units', async () => {
    // "é" is C3 A9 in UTF-8.
    expect(await sha256Hex('é')).toBe(await sha256Hex('\u00e9'));
    expect(await sha256Hex('é')).not.toBe(await sha256Hex('e\u0301'));
  });
});

describe('OffsetIndex', () => {
  const text = 'a😀b𝄞c';
  const index = new OffsetIndex(text);

  it('counts astral characters as one code point', () => {
    expect(index.codePointLength).toBe([...text].length);
    expect([0, 1, 3, 4, 6, 7].map((u) => index.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map((c) => index.toUtf16(c))).toEqual([0, 1, 3, 4, 6, 7]);
  });

  it('maps an offset inside a pair to the pair start, and rejects out-of-range code points', () => {
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toUtf16(6)).toBeUndefined();
    expect(index.toUtf16(-1)).toBeUndefined();
    expect(index.toUtf16(1.5)).toBeUndefined();
  });

  it('agrees with Array.from on arbitrary text (round trip at every code point)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const idx = new OffsetIndex(s);
        const points = Array.from(s);
        expect(idx.codePointLength).toBe(points.length);
        let utf16 = 0;
        for (let cp = 0; cp <= points.length; cp++) {
          expect(idx.toUtf16(cp)).toBe(utf16);
          expect(idx.toCodePoint(utf16)).toBe(cp);
          utf16 += points[cp]?.length ?? 0;
        }
      }),
    );
  });
});

describe('splitsSurrogatePair', () => {
  it('is true only between the halves of a pair', () => {
    expect([0, 1, 2, 3].map((o) => splitsSurrogatePair('x😀y', o))).toEqual([false, false, true, false]);
  });
});
