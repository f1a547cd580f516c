/** Review outside the article panel: the adjudicated layer as a file, and agreement across the library. */
import { version } from '../../package.json';
import { adjudicatedLayer, comparePair, defaultPair, reviewAnnotator, settledCount, type Decision } from '../core/adjudication';
import { PAIRING_RULE } from '../core/agreement';
import { agreementReport, type Comparison } from '../core/agreement-report';
import { exportFileName, toExportFile, type ArticleBundle } from '../core/format/export';
import { nowIso, type Annotator } from '../core/model';
import type { Store } from '../store/db';
import { h } from './dom';
import { download } from './download';
import { renderFigures } from './figures';

/** Downloads an article's adjudicated layer; returns what to tell the reviewer. */
export function downloadAdjudicated(bundle: ArticleBundle, lines: Comparison[], decisions: ReadonlyMap<string, Decision>, reviewer: Annotator): string {
  const claims = adjudicatedLayer(lines, decisions, reviewer, nowIso());
  const { settled, total } = settledCount(lines, decisions);
  const now = new Date();
  const file = toExportFile([{ ...bundle, claims, comments: [] }], reviewAnnotator(reviewer), now.toISOString(), `claimtrail ${version}`);
  download(JSON.stringify(file, null, 2), exportFileName(now).replace('claimtrail-', 'claimtrail-adjudicated-'));
  return `Exported the adjudicated layer: ${claims.length} claims; ${settled} of ${total} disagreements settled.`;
}

/** Review progress per article and the agreement figures over the whole library, and per article. */
export async function libraryAgreement(store: Store): Promise<Node[]> {
  const [all, decisions] = await Promise.all([store.exportBundles(), store.decisions()]);
  const bundles = all.filter((b) => b.claims.length > 0);
  const report = agreementReport(bundles);
  const decided = new Map(decisions.map((d) => [d.key, d]));
  const progress = bundles.flatMap((b) => {
    const pair = defaultPair(b.claims);
    if (!pair) return [];
    const { settled, total } = settledCount(comparePair(b.claims, pair), decided);
    return [h('li', {}, `${b.article.title}: ${settled} of ${total} disagreements settled`)];
  });
  return [
    h('p', { class: 'rule' }, PAIRING_RULE),
    ...(progress.length ? [h('ul', { class: 'review-progress', 'aria-label': 'Review progress' }, ...progress)] : []),
    renderFigures(report.overall, `All ${report.articles.length} article${report.articles.length === 1 ? '' : 's'} with claims`),
    ...report.articles.filter((a) => a.annotators.length > 1).map((a) => renderFigures(a, a.title)),
  ];
}
