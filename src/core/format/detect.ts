/**
 * Which format a file to import is in, decided by its structure once parsed (its `format`,
 * `@context`, `type`, `annotations` or `rows`), never by searching its text: a note that mentions
 * "anno.jsonld" does not make a Hypothesis file W3C.
 */
import { isObject } from './json';
import { isW3CData } from './w3c';

/** The JSON formats claimtrail imports (brat comes as a zip). */
export type ImportFormat = 'claimtrail' | 'w3c' | 'hypothesis';

/** A zip file starts with "PK\3\4" (an empty one with "PK\5\6"). */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}

/** The format of parsed JSON, or null when it is none claimtrail reads. */
export function importFormatOf(data: unknown): ImportFormat | null {
  if (isObject(data) && 'format' in data) return 'claimtrail';
  if (isW3CData(data)) return 'w3c';
  if (isObject(data) && (Array.isArray(data.annotations) || Array.isArray(data.rows) || 'export_userid' in data)) return 'hypothesis';
  if (Array.isArray(data) && isObject(data[0]) && ('uri' in data[0] || ('target' in data[0] && 'user' in data[0]))) return 'hypothesis';
  return null;
}

/** Said of a file in none of the formats. */
export const UNKNOWN_FORMAT =
  'not a file claimtrail imports: expected a claimtrail export, W3C Web Annotation or Hypothesis JSON, or a zip of brat .txt and .ann pairs';
