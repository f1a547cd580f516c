/**
 * Carrying claims from one version of a text to another: each claim is re-anchored (anchor.ts)
 * and becomes a new claim on the new text that records how it anchored and where it came from.
 * Orphans are kept, with their old offsets and quote, for a person to place again.
 */
import { anchor, anchorAll, countStatuses, selectorsOf, type AnchorStatus } from './anchor';
import { isOrphan, newId, nowIso, type Claim, type Source } from './model';
import { OffsetIndex } from './text';

/** A text a claim set is carried from or to. */
export interface CarryText {
  articleId: string;
  text: string;
}

/** The carried claims and how many anchored each way. */
export interface CarryResult {
  claims: Claim[];
  counts: Record<AnchorStatus, number>;
}

/** A source's attribution re-anchored onto the new text; dropped (the citation stays) when its words are gone. */
function carrySource(source: Source, from: string, to: string): Source {
  if (!source.attribution) return source;
  const { attribution, ...rest } = source;
  const found = anchor(selectorsOf(from, attribution), to);
  if (found.status === 'orphan') return { citation: attribution.exact, ...rest };
  return { ...rest, attribution: { start: found.start, end: found.end, exact: to.slice(found.start, found.end) } };
}

/**
 * New claims on `to` for `claims` made on `from`, each with a fresh id and an `anchor` saying
 * how it anchored (offsets of `from` in code points). Claims already orphaned stay orphans.
 */
export function carryClaims(claims: readonly Claim[], from: CarryText, to: CarryText, now: string = nowIso()): CarryResult {
  /** The claim with a new id on the new text, its sources' attributions found there too. */
  const carried = (claim: Claim): Claim => ({
    ...claim,
    id: newId(),
    articleId: to.articleId,
    sources: claim.sources.map((s) => carrySource(s, from.text, to.text)),
  });
  const placed = claims.filter((c) => !isOrphan(c));
  const results = anchorAll(placed, to.text);
  const fromOffsets = new OffsetIndex(from.text);
  const anchored: Claim[] = placed.map((claim, i) => {
    const result = results[i]!;
    const origin = {
      start: fromOffsets.toCodePoint(claim.start),
      end: fromOffsets.toCodePoint(claim.end),
      exact: claim.exact,
      article: from.articleId,
      claim: claim.id,
    };
    const base = { ...carried(claim), modified: now };
    if (result.status === 'orphan') return { ...base, anchor: { status: 'orphan', from: origin } };
    return { ...base, ...selectorsOf(to.text, result), anchor: { status: result.status, score: result.score, from: origin } };
  });
  const orphans = claims.filter(isOrphan).map((claim) => ({ ...carried(claim), modified: now }));
  const all = [...anchored, ...orphans];
  return { claims: all, counts: countStatuses(all.map((c) => c.anchor!)) };
}
