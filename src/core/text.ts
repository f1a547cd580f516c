/**
 * Article text: normalising what people load, fingerprinting it, and converting offsets
 * between the UTF-16 code units JavaScript strings use and the code points every file format
 * uses (W3C TextPositionSelector, Python, brat).
 */

/** Drops a leading byte-order mark and NUL characters, and turns CRLF and lone CR line ends into LF. */
export function normalizeText(raw: string): string {
  const body = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return body.replace(/\r\n?/g, '\n').replace(/\0/g, '');
}

/**
 * Why a text is not as normalizeText leaves it (a stored text always is), or null. Offsets into
 * an unnormalised text would not match the text claimtrail stores, so files carrying one are refused.
 */
export function unnormalisedText(text: string): string | null {
  if (text.charCodeAt(0) === 0xfeff) return 'it starts with a byte-order mark';
  const cr = text.indexOf('\r');
  if (cr !== -1) return `it has a CR line end at ${cr} (claimtrail texts use LF)`;
  const nul = text.indexOf('\0');
  if (nul !== -1) return `it has a NUL character at ${nul}`;
  return null;
}

/**
 * The text normalizeText makes of `raw`, with a map from code point offsets into `raw` (as brat
 * counts them, BOM and CR included) to UTF-16 offsets into that text. An offset between a CR and
 * its LF maps to the line end; one past the end gives undefined.
 */
export function normalizeWithOffsets(raw: string): { text: string; toText(rawCodePoint: number): number | undefined } {
  const text = normalizeText(raw);
  // at[k] = UTF-16 offset in `text` of raw code point k (length + 1 entries).
  const at: number[] = [];
  let out = 0;
  for (let i = 0; i < raw.length;) {
    const code = raw.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    at.push(out);
    const dropped = (i === 0 && code === 0xfeff) || code === 0 || (code === 13 && raw.charCodeAt(i + 1) === 10);
    if (!dropped) out += units;
    i += units;
  }
  at.push(out);
  return { text, toText: (k) => (Number.isInteger(k) && k >= 0 && k < at.length ? at[k] : undefined) };
}

/** SHA-256 of the text's UTF-8 bytes, as lowercase hex: an article's fingerprint. */
export function sha256Hex(text: string): Promise<string> {
  return bytesSha256Hex(new TextEncoder().encode(text));
}

/** SHA-256 of bytes (an original file's), as lowercase hex. */
export async function bytesSha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The lines of a text, split on LF; a text of n newlines has n + 1 lines. */
export function splitLines(text: string): string[] {
  return text.split('\n');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * Converts offsets between UTF-16 units and code points for one text. Built once per text
 * (one pass to find the astral characters), then each conversion is a binary search, so
 * converting every claim of a large article stays linear-logarithmic.
 */
export class OffsetIndex {
  /** UTF-16 index of the high surrogate of each astral character, ascending. */
  private readonly astral: number[] = [];
  /** Length of the text in code points. */
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.astral.push(i);
        i++;
      }
    }
    this.codePointLength = text.length - this.astral.length;
  }

  /** Code point offset of a UTF-16 offset (one inside a pair counts as the pair's start). */
  toCodePoint(utf16: number): number {
    // Each astral character starting before utf16 took two units for one code point; for an
    // offset inside a pair that subtracts one too many, landing on the pair's start.
    return utf16 - this.countBelow(utf16);
  }

  /** UTF-16 offset of a code point offset; undefined when it is past the end of the text. */
  toUtf16(codePoint: number): number | undefined {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.codePointLength) {
      return undefined;
    }
    // The k-th astral character sits at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  private countBelow(utf16: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! < utf16) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Bidi embeddings, overrides and isolates: invisible characters that reorder what follows them. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with each bidi control shown as its code ("[U+202E]"), so a title, name or address
 * cannot be disguised by reordering (`http://x/\u202Egnp.exe` would read "exe.png").
 */
export function visibleBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase()}]`);
}
