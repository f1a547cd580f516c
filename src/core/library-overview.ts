/** The overview's figures of a library: claims per label by outlet, annotator and month, the sources cited most, agreement per article. */
import { agreementReport, type Figures } from './agreement-report';
import { countTotal, type Article, type Claim, type Label } from './model';

/** What the overview draws. */
export interface Overview {
  byOutlet: LabelCounts[];
  byAnnotator: LabelCounts[];
  byMonth: LabelCounts[];
  sources: { source: string; claims: number }[];
  disputedWithoutSource: number;
  agreement: ({ articleId: string; title: string } & Figures)[];
}

/** Claims per label for one outlet, annotator or month. */
export interface LabelCounts {
  key: string;
  counts: Record<Label, number>;
}

/** The figures the overview draws, from every claim of the library and the article of each. */
export function libraryOverview(claims: Iterable<Claim>, articleOf: (id: string) => Article): Overview {
  const all = [...claims];
  const per = (key: (claim: Claim, article: Article) => string | undefined) => {
    const counts = new Map<string, Record<Label, number>>();
    for (const claim of all) {
      const k = key(claim, articleOf(claim.articleId));
      if (!k) continue;
      let c = counts.get(k);
      if (!c) counts.set(k, (c = { sourced: 0, disputed: 0, opinion: 0 }));
      c[claim.label]++;
    }
    return [...counts].map(([k, c]) => ({ key: k, counts: c }));
  };
  const total = (c: LabelCounts) => countTotal(c.counts);
  const cited = new Map<string, number>();
  let disputedWithoutSource = 0;
  const byArticle = new Map<string, Claim[]>();
  for (const claim of all) {
    for (const s of new Set(claim.sources.map((s) => s.url ?? s.citation ?? s.attribution?.exact ?? ''))) if (s) cited.set(s, (cited.get(s) ?? 0) + 1);
    if (claim.label === 'disputed' && !claim.sources.length) disputedWithoutSource++;
    const list = byArticle.get(claim.articleId);
    if (list) list.push(claim);
    else byArticle.set(claim.articleId, [claim]);
  }
  const several = [...byArticle].filter(([, claims]) => new Set(claims.map((c) => c.annotator.id)).size > 1);
  const report = agreementReport(several.map(([id, claims]) => ({ article: articleOf(id), text: '', claims })));
  return {
    byOutlet: per((_c, a) => a.outlet || 'No outlet')
      .sort((a, b) => total(b) - total(a) || a.key.localeCompare(b.key))
      .slice(0, 20),
    byAnnotator: per((c) => c.annotator.name).sort((a, b) => total(b) - total(a) || a.key.localeCompare(b.key)),
    byMonth: per((_c, a) => a.published?.slice(0, 7)).sort((a, b) => a.key.localeCompare(b.key)),
    sources: [...cited]
      .map(([source, claims]) => ({ source, claims }))
      .sort((a, b) => b.claims - a.claims || a.source.localeCompare(b.source))
      .slice(0, 15),
    disputedWithoutSource,
    agreement: report.articles.map((figures, i) => ({ ...figures, articleId: several[i]![0] })),
  };
}
