/**
 * How an article's text is kept in the `texts` store. Chromium refuses an IndexedDB value over
 * 127 MiB, and a string with any character beyond Latin-1 is written as UTF-16: a 100 MB file
 * of Arabic or emoji would be refused. Such a long text is kept as its UTF-8 bytes instead,
 * whichever form is smaller; a text too large either way is refused by name, before any write.
 */

/** A stored text: as a string, or (when long) as UTF-8 bytes. */
export type TextRecord = { id: string; text: string } | { id: string; utf8: Uint8Array<ArrayBuffer> };

/** The largest value Chromium's IndexedDB stores, in serialized bytes, less room for the record around it. */
const LARGEST_VALUE = 127 * 1024 * 1024 - 4096;

/** The record that keeps `text` for article `id`. */
export function textRecord(id: string, text: string): TextRecord {
  // Two bytes a character at most as a string: short texts are kept as they are.
  if (text.length * 2 <= LARGEST_VALUE) return { id, text };
  const utf8 = new TextEncoder().encode(text);
  if (utf8.length <= LARGEST_VALUE) return { id, utf8 };
  if (!/[^\u0000-\u00ff]/.test(text) && text.length <= LARGEST_VALUE) return { id, text };
  throw new Error(`the text is too large to store (${Math.round(utf8.length / 2 ** 20)} MB as UTF-8; the browser keeps at most 127 MB in one record)`);
}

/** The text a record keeps. */
export function recordText(record: TextRecord): string {
  return 'text' in record ? record.text : new TextDecoder().decode(record.utf8);
}
