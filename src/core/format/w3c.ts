/**
 * W3C Web Annotation (JSON-LD): an AnnotationCollection of one AnnotationPage of Annotations,
 * one per claim, with the label as a `classifying` TextualBody, the note as `commenting`, each
 * source as `linking` (a SpecificResource for a URL or for words of the article, a TextualBody
 * for a citation), and a target holding both a TextPositionSelector (code points) and a
 * TextQuoteSelector. Reading accepts a collection, a page, one annotation or a list of them.
 */
import { utcInstant } from '../dates';
import { newId, type Annotator, type Claim } from '../model';
import { stableUuid } from '../merge';
import { OffsetIndex } from '../text';
import type { ForeignAnnotation, ForeignTarget } from './foreign';
import { isObject, list, parseJson, str, type Json } from './json';
import { claimPages, placedClaims, type ArticleBundle } from './export';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `urn:uuid:` IRI for an id: the id itself when it is a UUID, else a stable UUID made from it. */
export function uuidIri(id: string): string {
  return `urn:uuid:${UUID.test(id) ? id.toLowerCase() : stableUuid(id)}`;
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

/** RFC 3778's PDF fragment identifiers, as W3C FragmentSelectors conform to them. */
const RFC_3778 = 'http://tools.ietf.org/rfc/rfc3778';

/** A FragmentSelector `page=N` for the first page of a paged original the claim lies on. */
function pageSelectors(bundle: ArticleBundle, claim: Claim): object[] {
  const page = claimPages(bundle.article, claim)?.[0];
  return page ? [{ type: 'FragmentSelector', conformsTo: RFC_3778, value: `page=${page}` }] : [];
}

function annotation(claim: Claim, bundle: ArticleBundle, offsets: OffsetIndex, generator: string): object {
  const source = articleIri(bundle);
  const bodies: object[] = [{ type: 'TextualBody', purpose: 'classifying', value: claim.label, format: 'text/plain' }];
  if (claim.note) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: claim.note, format: 'text/plain' });
  for (const s of claim.sources) {
    // A URL with its citation is one source: the citation is the linked resource's label.
    const cited = s.citation && s.citation !== s.attribution?.exact ? s.citation : undefined;
    if (s.url) bodies.push({ type: 'SpecificResource', purpose: 'linking', source: cited ? { id: s.url, label: cited } : s.url });
    if (s.attribution) {
      const { start, end, exact } = s.attribution;
      const around = { start, end, exact, prefix: bundle.text.slice(Math.max(0, start - 32), start), suffix: bundle.text.slice(end, end + 32) };
      bodies.push({ type: 'SpecificResource', purpose: 'linking', source, selector: selectors(offsets, around) });
    }
    if (cited && !s.url) bodies.push({ type: 'TextualBody', purpose: 'linking', value: cited, format: 'text/plain' });
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
    target: { source, selector: [...selectors(offsets, claim), ...pageSelectors(bundle, claim)] },
  };
}

/** The claims of these articles as a W3C AnnotationCollection (orphans, having no words, are left out). */
export function toW3C(bundles: readonly ArticleBundle[], generator: string, exportedAt: string): object {
  const items = bundles.flatMap((bundle) => {
    const offsets = new OffsetIndex(bundle.text);
    return placedClaims(bundle).map((claim) => annotation(claim, bundle, offsets, generator));
  });
  const id = `urn:uuid:${newId()}`;
  return {
    '@context': CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `claimtrail claims, exported ${exportedAt}`,
    created: exportedAt,
    generator: { type: 'Software', name: generator },
    total: items.length,
    first: { id: `urn:uuid:${newId()}`, type: 'AnnotationPage', partOf: { id, total: items.length }, startIndex: 0, items },
  };
}

const types = (v: Json): string[] => list(v.type ?? v['@type']).filter((t): t is string => typeof t === 'string');
const isHttp = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\//i.test(v);

/** "XPathSelector" for a selector claimtrail cannot use on plain text, and where it was. */
function describeSelector(kind: string, refined: boolean): string {
  return `${kind || 'a selector of no type'}${refined ? ' (inside a refinedBy)' : ''}`;
}

/**
 * The position and quote of a target or a SpecificResource body, and the selectors it has that
 * plain text cannot use. A TextQuoteSelector inside another selector's `refinedBy` (the
 * Recommendation's example 32) is used: its words are in the text; a position there counts from
 * the outer selector's start, so it is not.
 */
export function readSelectors(resource: Json): Pick<ForeignTarget, 'position' | 'quote' | 'unusable'> {
  const out: Pick<ForeignTarget, 'position' | 'quote' | 'unusable'> = {};
  const unusable: string[] = [];
  const visit = (s: Json, inner: boolean) => {
    const kind = types(s)[0] ?? '';
    if (kind === 'TextPositionSelector' && !inner) out.position = { start: s.start, end: s.end };
    else if (kind === 'TextQuoteSelector' && typeof s.exact === 'string') {
      out.quote = { exact: s.exact, ...(str(s.prefix) ? { prefix: s.prefix as string } : {}), ...(str(s.suffix) ? { suffix: s.suffix as string } : {}) };
    } else if (kind === 'FragmentSelector' && s.conformsTo === RFC_3778 && /^page=\d+$/.test(String(s.value))) {
      // The page of a PDF: the text's own page map says it again, so it is not needed to place the words.
    } else if (kind !== 'TextQuoteSelector') unusable.push(describeSelector(kind, inner));
    for (const r of list(s.refinedBy).filter(isObject)) visit(r, true);
  };
  for (const s of list(resource.selector).filter(isObject)) visit(s, false);
  if (unusable.length) out.unusable = unusable;
  return out;
}

/** Our annotator for a W3C creator: its IRI (or name) as the id, so a file never speaks for a local annotator. */
function creatorOf(raw: unknown): Annotator {
  const creator = list(raw)[0];
  if (isObject(creator)) {
    const name = str(creator.name) ?? str(creator.nickname) ?? str(creator.id) ?? 'unknown';
    return { id: str(creator.id) ?? `name:${name}`, name };
  }
  if (typeof creator === 'string' && creator.trim()) return { id: creator, name: creator };
  return { id: 'w3c-import', name: 'Imported (W3C)' };
}

/** One W3C annotation as a foreign annotation. */
function readAnnotation(raw: Json): ForeignAnnotation {
  const targets = list(raw.target)
    .map((t) => (typeof t === 'string' ? { source: t } : t))
    .filter(isObject);
  const withWords = targets.find((t) => list(t.selector).length > 0) ?? targets[0] ?? {};
  const target: ForeignTarget = { sources: targets.map((t) => str(t.source) ?? str(t.id)).filter((s): s is string => !!s), ...readSelectors(withWords) };
  const tags: string[] = [];
  const notes: string[] = [];
  const id = str(raw.id) ?? str(raw['@id']);
  const result: ForeignAnnotation = { id: id ? id.replace(/^urn:uuid:/i, '') : newId(), target, tags, sources: [], annotator: creatorOf(raw.creator) };
  if (typeof raw.bodyValue === 'string') notes.push(raw.bodyValue);
  for (const body of list(raw.body)) {
    if (isHttp(body)) {
      result.sources.push({ url: body });
      continue;
    }
    if (!isObject(body)) continue;
    const purposes = list(body.purpose);
    const value = str(body.value);
    if (purposes.includes('classifying') || purposes.includes('tagging')) {
      if (value) tags.push(value);
    } else if (purposes.includes('linking')) {
      const words = readSelectors(body);
      const resource = isObject(body.source) ? body.source : undefined;
      const url = [body.source, resource?.id, body.id].find(isHttp);
      const citation = (value ?? str(resource?.label))?.trim();
      if (words.position || words.quote) result.sources.push({ words });
      else if (url || citation) result.sources.push({ ...(url ? { url } : {}), ...(citation ? { citation } : {}) });
    } else if (
      value !== undefined &&
      (types(body).includes('TextualBody') || !purposes.length || purposes.includes('commenting') || purposes.includes('describing'))
    ) {
      notes.push(value);
    }
  }
  if (notes.length) result.note = notes.join('\n\n');
  const created = utcInstant(raw.created);
  const modified = utcInstant(raw.modified);
  if (created) result.created = created;
  if (modified) result.modified = modified;
  return result;
}

/** Annotation objects of a collection, a page (following embedded `next` pages), a list or one annotation; or what is missing. */
function annotationsIn(data: unknown): Json[] | string | null {
  if (Array.isArray(data)) return data.filter(isObject);
  if (!isObject(data)) return null;
  const kind = types(data);
  const itemsOf = (page: Json): Json[] | string => {
    const items = list(page.items);
    const addresses = items.filter((i) => typeof i === 'string');
    if (addresses.length)
      return `its page lists ${addresses.length} annotations by address only (${addresses[0] as string}…), without them: download the annotations themselves`;
    return items.filter(isObject);
  };
  if (kind.includes('Annotation')) return [data];
  if (kind.includes('AnnotationCollection')) {
    const found: Json[] = [];
    let page: unknown = data.first;
    for (let n = 0; page !== undefined && page !== null; n++) {
      if (typeof page === 'string') {
        return `the collection points to ${n ? 'its next page' : 'its first page'} by address (${page}) instead of containing it: download its pages, or export the annotations themselves`;
      }
      if (!isObject(page)) break;
      const items = itemsOf(page);
      if (typeof items === 'string') return items;
      found.push(...items);
      page = page.next;
    }
    return found;
  }
  if (kind.includes('AnnotationPage')) return itemsOf(data);
  return null;
}

/** True when parsed JSON looks like W3C Web Annotation: the anno.jsonld context or one of its types. */
export function isW3CData(data: unknown): boolean {
  const first = Array.isArray(data) ? data[0] : data;
  if (!isObject(first)) return false;
  const context = list(first['@context']).some((c) => typeof c === 'string' && /w3\.org\/ns\/anno\.jsonld$/.test(c));
  return context || types(first).some((t) => t === 'Annotation' || t === 'AnnotationCollection' || t === 'AnnotationPage');
}

/** The annotations of a W3C Web Annotation file, or a reason it is not one. */
export function readW3C(json: string): { ok: true; annotations: ForeignAnnotation[] } | { ok: false; problem: string } {
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  return readW3CData(parsed.data);
}

/** The annotations of parsed W3C JSON, or a reason it cannot be read. */
export function readW3CData(data: unknown): { ok: true; annotations: ForeignAnnotation[] } | { ok: false; problem: string } {
  const raw = annotationsIn(data);
  if (typeof raw === 'string') return { ok: false, problem: raw };
  if (!raw)
    return { ok: false, problem: 'not a W3C Web Annotation file: expected an AnnotationCollection, an AnnotationPage, an Annotation or a list of annotations' };
  return { ok: true, annotations: raw.map(readAnnotation) };
}
