import { describe, expect, it } from 'vitest';
import { isoPublished, utcInstant } from './dates';
import { visibleBidiControls } from './text';

describe('dates from files', () => {
  it('reads instants in UTC, whatever the reader’s zone, and nothing that is not a date', () => {
    expect(utcInstant('18 April 2017')).toBe('2017-04-18T00:00:00.000Z');
    expect(utcInstant('2017-04-18')).toBe('2017-04-18T00:00:00.000Z');
    expect(utcInstant('2017-04-18T10:00')).toBe('2017-04-18T10:00:00.000Z');
    expect(utcInstant('2022-01-12T09:00:00.000000+02:00')).toBe('2022-01-12T07:00:00.000Z');
    expect(utcInstant('Issue 12')).toBeUndefined();
    expect(utcInstant('2015')).toBeUndefined();
    expect(utcInstant(42)).toBeUndefined();
  });

  it('takes a publication date only when it is ISO 8601, whole or partial', () => {
    expect(isoPublished('2015')).toEqual({ year: 2015 });
    expect(isoPublished('2015-09')).toEqual({ year: 2015, month: 9 });
    expect(isoPublished('2015-09-30')).toEqual({ year: 2015, month: 9, day: 30 });
    expect(isoPublished('2015-09-30T08:00:00Z')).toMatchObject({ year: 2015, instant: '2015-09-30T08:00:00.000Z' });
    for (const text of ['Issue 12', '12', '2015-13', 'Sept 2015', '30/09/2015']) expect(isoPublished(text), text).toBeNull();
  });
});

describe('bidi controls', () => {
  it('are shown as their codes, so a reordered name or address cannot pass for another', () => {
    expect(visibleBidiControls('http://x/\u202Egnp.exe')).toBe('http://x/[U+202E]gnp.exe');
    expect(visibleBidiControls('a\u2066b\u2069c\u202Ad')).toBe('a[U+2066]b[U+2069]c[U+202A]d');
    // Marks that only set direction, as Arabic and Hebrew text uses them, stay.
    expect(visibleBidiControls('قال\u200F (AFP)')).toBe('قال\u200F (AFP)');
  });
});
