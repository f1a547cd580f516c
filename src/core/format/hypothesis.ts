/**
 * Hypothesis: its export file (`{export_date, export_userid, annotations}`) and its API's
 * annotation objects. Positions count UTF-16 units (as ours do inside the app); the label is a
 * tag; the note and the sources go in `text` (Markdown), the sources as a "Sources:" list that
 * reading turns back into sources.
 */
import { newId, type Annotator, type Claim, type Source } from '../model';
import { placedClaims, type ArticleBundle } from './export';
import { utcInstant } from '../dates';
import type { ForeignAnnotation } from './foreign';
import { isObject, parseJson, str, type Json } from './json';
import { articleIri, readSelectors } from './w3c';

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
    target: [
      {
        source: uri,
        selector: [
          { type: 'TextPositionSelector', start: claim.start, end: claim.end },
          { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        ],
      },
    ],
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

/**
 * The annotator of a Hypothesis annotation: its account as the id, whatever the account's
 * domain, so a file can never make claims under a local annotator's name.
 */
function annotatorOf(raw: Json): Annotator {
  const user = str(raw.user) ?? 'acct:unknown@hypothes.is';
  const info = isObject(raw.user_info) ? str(raw.user_info.display_name) : undefined;
  const account = /^acct:([^@]+)@(.+)$/.exec(user);
  return { id: user, name: info ?? account?.[1] ?? user };
}

function readAnnotation(raw: Json): ForeignAnnotation {
  const targets = (Array.isArray(raw.target) ? raw.target : []).filter(isObject);
  const target = targets.find((t) => Array.isArray(t.selector)) ?? targets[0] ?? {};
  const uri = str(raw.uri) ?? str(target.source);
  const title = isObject(raw.document) && Array.isArray(raw.document.title) ? str(raw.document.title[0]) : undefined;
  const tags = (Array.isArray(raw.tags) ? raw.tags : []).filter((t): t is string => typeof t === 'string');
  const result: ForeignAnnotation = {
    id: str(raw.id) ?? newId(),
    target: { sources: uri ? [uri] : [], ...(title ? { title } : {}), ...readSelectors(target) },
    tags,
    ...splitText(str(raw.text) ?? ''),
    annotator: annotatorOf(raw),
  };
  const created = utcInstant(raw.created);
  const updated = utcInstant(raw.updated);
  if (created) result.created = created;
  if (updated) result.modified = updated;
  return result;
}

/** The annotations of a Hypothesis export file, an API search result (`rows`) or a list of annotations. */
export function readHypothesis(json: string): { ok: true; annotations: ForeignAnnotation[] } | { ok: false; problem: string } {
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  return readHypothesisData(parsed.data);
}

/** The annotations of parsed Hypothesis JSON, or why it is not Hypothesis. */
export function readHypothesisData(data: unknown): { ok: true; annotations: ForeignAnnotation[] } | { ok: false; problem: string } {
  const raw = Array.isArray(data) ? data : isObject(data) ? (data.annotations ?? data.rows) : undefined;
  if (!Array.isArray(raw) || !raw.every((a) => isObject(a) && ('uri' in a || 'target' in a))) {
    return { ok: false, problem: 'not a Hypothesis file: expected {"annotations": [...]} with each annotation\'s "uri" and "target"' };
  }
  return { ok: true, annotations: (raw as Json[]).map(readAnnotation) };
}
