/**
 * Hypothesis: its export file (`{export_date, export_userid, annotations}`) and its API's
 * annotation objects. Positions count UTF-16 units (as ours do inside the app); the label is a
 * tag; the note and the sources go in `text` (Markdown), the sources as a "Sources:" list that
 * reading turns back into sources.
 */
import { newId, type Annotator, type Claim, type Source } from '../model';
import type { ArticleBundle } from './export';
import { labelOf, parseJson, placedClaims, type ForeignAnnotation } from './foreign';
import { articleIri } from './w3c';

const DOMAIN = 'claimtrail';
const SOURCES_HEADING = 'Sources:';

/** `acct:NAME@claimtrail` for one of our annotators. */
function userOf(annotator: Annotator): string {
  return `acct:${encodeURIComponent(annotator.id)}@${DOMAIN}`;
}

function sourceLine(source: Source): string {
  const words = source.citation ?? source.attribution?.exact;
  return `- ${[source.url, words].filter(Boolean).join(' — ')}`;
}

/** The `text` of an annotation: the note, then the sources as a list. */
function textOf(claim: Claim): string {
  const sources = claim.sources.length ? `${SOURCES_HEADING}\n${claim.sources.map(sourceLine).join('\n')}` : '';
  return [claim.note ?? '', sources].filter(Boolean).join('\n\n');
}

function annotation(claim: Claim, bundle: ArticleBundle): object {
  const uri = articleIri(bundle);
  const user = userOf(claim.annotator);
  return {
    id: claim.id,
    created: claim.created,
    updated: claim.modified,
    user,
    user_info: { display_name: claim.annotator.name },
    uri,
    text: textOf(claim),
    tags: [claim.label],
    group: '__world__',
    permissions: { read: ['group:__world__'], admin: [user], update: [user], delete: [user] },
    target: [{
      source: uri,
      selector: [
        { type: 'TextPositionSelector', start: claim.start, end: claim.end },
        { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
      ],
    }],
    document: { title: [bundle.article.title] },
    links: {},
    hidden: false,
    flagged: false,
  };
}

/** A Hypothesis export file of these articles' claims (orphans, having no words, are left out). */
export function toHypothesis(bundles: readonly ArticleBundle[], exporter: Annotator, exportDate: string): object {
  return {
    export_date: exportDate,
    export_userid: userOf(exporter),
    annotations: bundles.flatMap((bundle) => placedClaims(bundle).map((claim) => annotation(claim, bundle))),
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A note and the sources listed after it under "Sources:". */
function splitText(text: string): { note?: string; sources: Source[] } {
  const at = text.lastIndexOf(`${SOURCES_HEADING}\n`);
  const sources: Source[] = [];
  let note = text;
  if (at === 0 || (at > 0 && text.slice(at - 2, at) === '\n\n')) {
    const lines = text.slice(at + SOURCES_HEADING.length + 1).split('\n');
    if (lines.every((l) => l.startsWith('- '))) {
      note = text.slice(0, Math.max(0, at - 2));
      for (const line of lines) {
        const [first, ...rest] = line.slice(2).split(' — ');
        const url = /^https?:\/\//i.test(first ?? '') ? first : undefined;
        const citation = (url ? rest.join(' — ') : line.slice(2)).trim();
        if (url || citation) sources.push({ ...(url ? { url } : {}), ...(citation ? { citation } : {}) });
      }
    }
  }
  return { ...(note.trim() ? { note: note.trim() } : {}), sources };
}

/** Our annotator for a Hypothesis user: ours come back as they were; others keep their account. */
function annotatorOf(raw: Json): Annotator {
  const user = str(raw.user) ?? 'acct:unknown@hypothes.is';
  const info = isObject(raw.user_info) ? str(raw.user_info.display_name) : undefined;
  const account = /^acct:([^@]+)@(.+)$/.exec(user);
  if (account?.[2] === DOMAIN) {
    const id = decodeURIComponent(account[1]!);
    return { id, name: info ?? id };
  }
  return { id: user, name: info ?? account?.[1] ?? user };
}

function readAnnotation(raw: Json): ForeignAnnotation {
  const targets = (Array.isArray(raw.target) ? raw.target : []).filter(isObject);
  const target = targets.find((t) => Array.isArray(t.selector)) ?? targets[0] ?? {};
  const uri = str(raw.uri) ?? str(target.source);
  const title = isObject(raw.document) && Array.isArray(raw.document.title) ? str(raw.document.title[0]) : undefined;
  const result: ForeignAnnotation = {
    id: str(raw.id) ?? newId(),
    target: { sources: uri ? [uri] : [], ...(title ? { title } : {}) },
    label: labelOf(Array.isArray(raw.tags) ? raw.tags : []),
    ...splitText(str(raw.text) ?? ''),
    annotator: annotatorOf(raw),
  };
  for (const s of (Array.isArray(target.selector) ? target.selector : []).filter(isObject)) {
    if (s.type === 'TextPositionSelector' && typeof s.start === 'number' && typeof s.end === 'number') result.target.position = { start: s.start, end: s.end };
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string') {
      result.target.quote = { exact: s.exact, ...(str(s.prefix) ? { prefix: s.prefix as string } : {}), ...(str(s.suffix) ? { suffix: s.suffix as string } : {}) };
    }
  }
  const created = str(raw.created);
  const updated = str(raw.updated);
  if (created && !Number.isNaN(Date.parse(created))) result.created = new Date(created).toISOString();
  if (updated && !Number.isNaN(Date.parse(updated))) result.modified = new Date(updated).toISOString();
  return result;
}

/** The annotations of a Hypothesis export file, an API search result (`rows`) or a list of annotations. */
export function readHypothesis(json: string): { ok: true; annotations: ForeignAnnotation[] } | { ok: false; problem: string } {
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  const { data } = parsed;
  const raw = Array.isArray(data) ? data : isObject(data) ? (data.annotations ?? data.rows) : undefined;
  if (!Array.isArray(raw) || !raw.every((a) => isObject(a) && ('uri' in a || 'target' in a))) {
    return { ok: false, problem: 'not a Hypothesis file: expected {"annotations": [...]} with each annotation\'s "uri" and "target"' };
  }
  return { ok: true, annotations: (raw as Json[]).map(readAnnotation) };
}
