/**
 * W3C Web Annotation (JSON-LD): an AnnotationCollection of one AnnotationPage of Annotations,
 * one per claim, with the label as a `classifying` TextualBody, the note as `commenting`, each
 * source as `linking` (a SpecificResource for a URL or for words of the article, a TextualBody
 * for a citation), and a target holding both a TextPositionSelector (code points) and a
 * TextQuoteSelector. Reading accepts a collection, a page, one annotation or a list of them.
 */
import { newId, type Claim } from '../model';
import { fnv1a } from '../similarity';
import { OffsetIndex } from '../text';
import { labelOf, parseJson, placedClaims, type ForeignAnnotation, type ForeignTarget } from './foreign';
import type { ArticleBundle } from './export';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `urn:uuid:` IRI for an id: the id itself when it is a UUID, else a stable UUID made from it. */
export function uuidIri(id: string): string {
  if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  const hex = [1, 2, 3, 4].map((seed) => fnv1a(`${seed}:${id}`).toString(16).padStart(8, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The IRI of an article's text: its URL, or the hash of its text when it has none. */
export function articleIri(bundle: ArticleBundle): string {
  return bundle.article.url ?? `urn:sha256:${bundle.article.textSha256}`;
}

function selectors(offsets: OffsetIndex, span: { start: number; end: number; exact: string; prefix: string; suffix: string }): object[] {
  return [
    { type: 'TextPositionSelector', start: offsets.toCodePoint(span.start), end: offsets.toCodePoint(span.end) },
    { type: 'TextQuoteSelector', exact: span.exact, ...(span.prefix ? { prefix: span.prefix } : {}), ...(span.suffix ? { suffix: span.suffix } : {}) },
  ];
}

function annotation(claim: Claim, bundle: ArticleBundle, offsets: OffsetIndex, generator: string): object {
  const source = articleIri(bundle);
  const bodies: object[] = [{ type: 'TextualBody', purpose: 'classifying', value: claim.label, format: 'text/plain' }];
  if (claim.note) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: claim.note, format: 'text/plain' });
  for (const s of claim.sources) {
    if (s.url) bodies.push({ type: 'SpecificResource', purpose: 'linking', source: s.url });
    if (s.attribution) {
      const { start, end, exact } = s.attribution;
      const around = { start, end, exact, prefix: bundle.text.slice(Math.max(0, start - 32), start), suffix: bundle.text.slice(end, end + 32) };
      bodies.push({ type: 'SpecificResource', purpose: 'linking', source, selector: selectors(offsets, around) });
    }
    if (s.citation && s.citation !== s.attribution?.exact) bodies.push({ type: 'TextualBody', purpose: 'linking', value: s.citation, format: 'text/plain' });
  }
  return {
    '@context': CONTEXT,
    id: uuidIri(claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: new Date(claim.created).toISOString(),
    modified: new Date(claim.modified).toISOString(),
    creator: { id: `urn:claimtrail:annotator:${encodeURIComponent(claim.annotator.id)}`, type: 'Person', name: claim.annotator.name },
    generator: { type: 'Software', name: generator },
    body: bodies,
    target: { source, selector: selectors(offsets, claim) },
  };
}

/** The claims of these articles as a W3C AnnotationCollection (orphans, having no words, are left out). */
export function toW3C(bundles: readonly ArticleBundle[], generator: string, exportedAt: string): object {
  const items = bundles.flatMap((bundle) => {
    const offsets = new OffsetIndex(bundle.text);
    return placedClaims(bundle).map((claim) => annotation(claim, bundle, offsets, generator));
  });
  return {
    '@context': CONTEXT,
    id: `urn:uuid:${newId()}`,
    type: 'AnnotationCollection',
    label: `claimtrail claims, exported ${exportedAt}`,
    created: exportedAt,
    generator: { type: 'Software', name: generator },
    total: items.length,
    first: { id: `urn:uuid:${newId()}`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const types = (v: Json): string[] => list(v.type ?? v['@type']).filter((t): t is string => typeof t === 'string');
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isoOrUndefined = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined);
const isHttp = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\//i.test(v);

/** The position and quote of a target or a SpecificResource body. */
function readSelectors(resource: Json): Pick<ForeignTarget, 'position' | 'quote'> {
  const out: Pick<ForeignTarget, 'position' | 'quote'> = {};
  for (const s of list(resource.selector).filter(isObject)) {
    const kind = types(s);
    if (kind.includes('TextPositionSelector') && typeof s.start === 'number' && typeof s.end === 'number') out.position = { start: s.start, end: s.end };
    if (kind.includes('TextQuoteSelector') && typeof s.exact === 'string') {
      out.quote = { exact: s.exact, ...(str(s.prefix) ? { prefix: s.prefix as string } : {}), ...(str(s.suffix) ? { suffix: s.suffix as string } : {}) };
    }
  }
  return out;
}

/** One W3C annotation as a foreign annotation. */
function readAnnotation(raw: Json): ForeignAnnotation {
  const targets = list(raw.target).map((t) => (typeof t === 'string' ? { source: t } : t)).filter(isObject);
  const withWords = targets.find((t) => list(t.selector).length > 0) ?? targets[0] ?? {};
  const target: ForeignTarget = { sources: targets.map((t) => str(t.source) ?? str(t.id)).filter((s): s is string => !!s), ...readSelectors(withWords) };
  const labels: unknown[] = [];
  const notes: string[] = [];
  const result: ForeignAnnotation = { id: '', target, label: null, sources: [], annotator: { id: 'w3c-import', name: 'Imported (W3C)' } };
  if (typeof raw.bodyValue === 'string') notes.push(raw.bodyValue);
  for (const body of list(raw.body)) {
    if (isHttp(body)) {
      result.sources.push({ url: body });
      continue;
    }
    if (!isObject(body)) continue;
    const purposes = list(body.purpose);
    const value = str(body.value);
    if (purposes.includes('classifying') || purposes.includes('tagging')) labels.push(value);
    else if (purposes.includes('linking')) {
      const words = readSelectors(body);
      if (words.position || words.quote) result.sources.push({ words });
      else if (isHttp(body.source) || isHttp(body.id)) result.sources.push({ url: (isHttp(body.source) ? body.source : body.id) as string });
      else if (value?.trim()) result.sources.push({ citation: value.trim() });
    } else if (value !== undefined && (types(body).includes('TextualBody') || !purposes.length || purposes.includes('commenting') || purposes.includes('describing'))) {
      notes.push(value);
    }
  }
  result.label = labelOf(labels);
  if (notes.length) result.note = notes.join('\n\n');
  const id = str(raw.id) ?? str(raw['@id']);
  result.id = id ? id.replace(/^urn:uuid:/i, '') : newId();
  const creator = list(raw.creator)[0];
  if (isObject(creator)) {
    const name = str(creator.name) ?? str(creator.nickname) ?? str(creator.id) ?? 'unknown';
    result.annotator = { id: (str(creator.id) ?? name).replace(/^urn:claimtrail:annotator:/, ''), name };
    result.annotator.id = decodeURIComponent(result.annotator.id);
  } else if (typeof creator === 'string') {
    result.annotator = { id: creator, name: creator };
  }
  const created = isoOrUndefined(raw.created);
  const modified = isoOrUndefined(raw.modified);
  if (created) result.created = created;
  if (modified) result.modified = modified;
  return result;
}

/** Annotation objects of a collection, a page (following embedded `next` pages), a list or one annotation. */
function annotationsIn(data: unknown): Json[] | null {
  if (Array.isArray(data)) return data.filter(isObject);
  if (!isObject(data)) return null;
  const kind = types(data);
  if (kind.includes('Annotation')) return [data];
  if (kind.includes('AnnotationCollection')) {
    const pages: Json[] = [];
    for (let page = data.first; isObject(page); page = page.next) pages.push(page);
    return pages.flatMap((p) => list(p.items).filter(isObject));
  }
  if (kind.includes('AnnotationPage')) return list(data.items).filter(isObject);
  return null;
}

/** The annotations of a W3C Web Annotation file, or a reason it is not one. */
export function readW3C(json: string): { ok: true; annotations: ForeignAnnotation[] } | { ok: false; problem: string } {
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  const { data } = parsed;
  const raw = annotationsIn(data);
  if (!raw) return { ok: false, problem: 'not a W3C Web Annotation file: expected an AnnotationCollection, an AnnotationPage, an Annotation or a list of annotations' };
  return { ok: true, annotations: raw.map(readAnnotation) };
}
