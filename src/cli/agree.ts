/** `claimtrail agree`: agreement figures for the annotators in claimtrail export files. */
import { formatFigure as num, PAIRING_RULE, type Figure, type SpanScores } from '../core/agreement';
import { agreementReport, mergeBundles, type AgreementReport, type Figures } from '../core/agreement-report';
import type { ArticleBundle } from '../core/format/export';
import { readExportFile } from '../core/format/import';
import { readText } from './args';
import { AGREE_USAGE } from './usage';

function prf(scores: SpanScores): string {
  return `${num(scores.precision)} / ${num(scores.recall)} / ${num(scores.f1)}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Notes for the figures that are undefined, so "n/a" is never left unexplained. */
function reasons(figures: Figures): string[] {
  const notes = new Set<string>();
  const note = (name: string, f: Figure) => f.value === null && notes.add(`${name}: n/a, ${f.reason}`);
  note("Fleiss' kappa", figures.fleiss);
  note("Krippendorff's alpha", figures.alpha);
  note("Krippendorff's unitizing alpha", figures.alphaU);
  for (const p of figures.pairs) note(`Cohen's kappa ${p.first.name} × ${p.second.name}`, p.kappa);
  return [...notes];
}

function section(heading: string, figures: Figures): string {
  const lines = [
    heading,
    `  annotators: ${figures.annotators.map((a) => a.name).join(', ') || 'none'}; units: ${figures.units}, marked by all: ${figures.unitsMarkedByAll}`,
  ];
  if (figures.pairs.length) {
    lines.push(
      table([
        ['  pair (second against first)', 'exact P / R / F1', 'overlap P / R / F1', 'observed', "Cohen's κ"],
        ...figures.pairs.map((p) => [`  ${p.first.name} × ${p.second.name}`, prf(p.exact), prf(p.overlap), num(p.observed), num(p.kappa)]),
      ]),
    );
  }
  lines.push(`  Fleiss' κ (units every annotator marked): ${num(figures.fleiss)}`);
  lines.push(`  Krippendorff's α, nominal (all units; a missing annotator is a missing value): ${num(figures.alpha)}`);
  lines.push(`  Krippendorff's αu, unitizing (spans and labels over character positions): ${num(figures.alphaU)}`);
  lines.push(...reasons(figures).map((r) => `  note: ${r}`));
  return lines.join('\n');
}

/** The report as the readable text the command prints. */
export function formatAgreement(report: AgreementReport): string {
  return [
    ...report.articles.map((a) => section(`Article: ${a.title}`, a)),
    section(`Overall (${report.articles.length} article${report.articles.length === 1 ? '' : 's'})`, report.overall),
    [PAIRING_RULE, 'Span scores take the first annotator as reference. Label figures use paired claims only.'].join('\n'),
  ].join('\n\n');
}

/** Runs `agree`; returns the exit code. */
export async function agree(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.filter((f) => f.startsWith('--'));
  if (unknown.length || !files.length) {
    err(unknown.length ? `claimtrail agree: unknown option ${unknown[0]}\n${AGREE_USAGE}` : AGREE_USAGE);
    return 2;
  }
  const read: ArticleBundle[][] = [];
  let failed = false;
  for (const file of files) {
    const text = readText(file);
    if (text instanceof Error) {
      err(text.message);
      failed = true;
      continue;
    }
    const result = await readExportFile(text);
    if (!result.ok) {
      err(`${file} was not read:\n${result.problems.map((p) => `  ${p}`).join('\n')}`);
      failed = true;
      continue;
    }
    read.push(result.value.articles);
  }
  if (failed) return 1;
  const report = agreementReport(mergeBundles(read).filter((b) => b.claims.length > 0));
  out(json ? JSON.stringify(report, null, 2) : formatAgreement(report));
  return 0;
}
