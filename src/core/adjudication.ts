/**
 * Settling disagreements between two annotators into an adjudicated layer. A decision is kept
 * per disagreement (who, when, what, why) and can be changed; the layer is derived from the
 * comparison and the decisions, never edited by hand.
 */
import { compareAnnotators, type Comparison } from './agreement-report';
import { compareClaims, isOrphan, type Annotator, type Claim, type ClaimConflict, type Label, type Review } from './model';

/** What a reviewer decided about one disagreement. */
export interface Decision {
  /** The disagreement: its claim ids, sorted and joined (see disagreementKey). */
  key: string;
  articleId: string;
  /** accepted: keep `chosen` as it is; relabelled: keep `chosen`'s span with `label`; rejected: keep nothing. */
  status: Review['status'];
  chosen?: string;
  label?: Label;
  comment?: string;
  by: Annotator;
  at: string;
}

/**
 * A disagreement decided in two places at once (two reviewers, offline from each other): the
 * versions the team database holds, each with its revision, the winner first.
 */
export interface DecisionConflict {
  key: string;
  articleId: string;
  versions: { rev: string; decision: Decision }[];
}

/** What of one article was changed in two places at once: claims and decisions. */
export interface Conflicts {
  claims: readonly ClaimConflict[];
  decisions: readonly DecisionConflict[];
}

/** The claims a comparison line is about. */
export function claimsOf(line: Comparison): Claim[] {
  return [...('first' in line ? [line.first] : []), ...('second' in line ? [line.second] : [])];
}

/** A stable key for a disagreement: the ids of its claims, sorted. */
export function disagreementKey(line: Comparison): string {
  return claimsOf(line)
    .map((c) => c.id)
    .sort()
    .join('+');
}

/** How many of the disagreements (lines that are not agreements) have a decision. */
export function settledCount(lines: readonly Comparison[], decisions: ReadonlyMap<string, Decision>): { settled: number; total: number } {
  const disagreements = lines.filter((l) => l.kind !== 'agree');
  return { settled: disagreements.filter((l) => decisions.has(disagreementKey(l))).length, total: disagreements.length };
}

/** The two annotators compared unless the reviewer picks others: the first two in reading order. */
export function defaultPair(claims: readonly Claim[]): [string, string] | null {
  const ids = [...new Set([...claims].sort(compareClaims).map((c) => c.annotator.id))];
  return ids.length >= 2 ? [ids[0]!, ids[1]!] : null;
}

/** The comparison lines of a pair of annotators on one article's claims. */
export function comparePair(all: readonly Claim[], [first, second]: [string, string]): Comparison[] {
  const claims = all.filter((c) => !isOrphan(c));
  return compareAnnotators(
    claims.filter((c) => c.annotator.id === first),
    claims.filter((c) => c.annotator.id === second),
  );
}

/** The annotator an adjudicated layer is exported as. */
export function reviewAnnotator(reviewer: Annotator): Annotator {
  return { id: `review:${reviewer.id}`, name: `review by ${reviewer.name}` };
}

/**
 * The adjudicated layer: claims both annotators agreed on (accepted), and for each decided
 * disagreement the claim it keeps (accepted or relabelled) or the claim it rejects, each with
 * its review. Undecided disagreements are left out.
 */
export function adjudicatedLayer(lines: readonly Comparison[], decisions: ReadonlyMap<string, Decision>, reviewer: Annotator, now: string): Claim[] {
  const layer = reviewAnnotator(reviewer);
  const out: Claim[] = [];
  for (const line of lines) {
    const claims = claimsOf(line);
    const from = claims.map((c) => c.id);
    const key = disagreementKey(line);
    const base = (claim: Claim, label: Label, review: Review): Claim => ({
      ...claim,
      id: `adjudicated:${reviewer.id}:${key}`,
      label,
      annotator: layer,
      created: review.at,
      modified: review.at,
      review,
    });
    if (line.kind === 'agree') {
      out.push(base(line.first, line.first.label, { status: 'accepted', by: reviewer, at: now, comment: 'Both annotators agreed.', from }));
      continue;
    }
    const decision = decisions.get(key);
    if (!decision) continue;
    const chosen = claims.find((c) => c.id === decision.chosen) ?? claims[0]!;
    const review: Review = { status: decision.status, by: decision.by, at: decision.at, from, ...(decision.comment ? { comment: decision.comment } : {}) };
    out.push(base(chosen, decision.status === 'relabelled' && decision.label ? decision.label : chosen.label, review));
  }
  return out;
}
