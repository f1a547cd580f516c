/**
 * `claimtrail convert`: a claimtrail file to another tool's format, or another tool's file
 * (W3C Web Annotation, Hypothesis, brat) with the text it annotates to a claimtrail file, with a
 * report of what became of every annotation. The same core code as the browser; bad input
 * exits non-zero with the browser's message.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { version } from '../../package.json';
import { makeArticle } from '../core/article';
import { readAnn, readBratZip } from '../core/format/brat';
import { HttpUrl } from '../core/format/claimtrail-v1';
import { toExportFile, type ArticleBundle } from '../core/format/export';
import { placeAnnotations, placeBratPairs, type ForeignAnnotation, type LabelRules } from '../core/format/foreign';
import { describeResult, type ForeignResult } from '../core/format/placement-report';
import type { ExportFormatName } from '../core/format/formats';
import { EXPORT_MAKERS } from '../core/format/make-export';
import { readHypothesis } from '../core/format/hypothesis';
import { readExportFile } from '../core/format/import';
import { readW3C } from '../core/format/w3c';
import { LABELS, type Annotator, type Label } from '../core/model';
import { options, readBytes, readText } from './args';
import { CONVERT_USAGE } from './usage';

const TO = ['w3c', 'hypothesis', 'brat', 'csv', 'claimreview'];
const FROM = ['w3c', 'hypothesis', 'brat'];
const isLabel = (value: string): value is Label => (LABELS as readonly string[]).includes(value);

/** The label rules of --map and --label, or what is wrong with them. */
function labelRules(maps: readonly string[], label: string | undefined): LabelRules | string {
  const map = new Map<string, Label>();
  for (const pair of maps) {
    const at = pair.lastIndexOf('=');
    const [tag, to] = [
      pair.slice(0, at).trim(),
      pair
        .slice(at + 1)
        .trim()
        .toLowerCase(),
    ];
    if (at <= 0 || !tag) return `--map takes TAG=LABEL, not “${pair}”`;
    if (!isLabel(to)) return `--map ${pair}: the label must be one of ${LABELS.join(', ')}`;
    map.set(tag.toLowerCase(), to);
  }
  const otherwise = label?.trim().toLowerCase();
  if (otherwise !== undefined && !isLabel(otherwise)) return `--label must be one of ${LABELS.join(', ')}`;
  return { map, ...(otherwise ? { otherwise } : {}) };
}

/** The document the placed annotations name, to keep on the article: its web address and title. */
function documentOf(annotations: readonly ForeignAnnotation[], result: ForeignResult): { url?: string; title?: string } {
  const used = new Set([...result.report.placed.map((p) => p.source), ...result.report.unplaced.filter((u) => u.reason === 'no-label').map((u) => u.source)]);
  const target = annotations.find((a) => used.has(a.source ?? a.id))?.target;
  const url = target?.sources.find((s) => HttpUrl.safeParse(s).success);
  return { ...(url ? { url } : {}), ...(target?.title ? { title: target.title } : {}) };
}

/** Runs `convert`; returns the exit code. */
export async function convert(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const names = ['--to', '--from', '--text', '--out', '--url', '--map', '--label', '--report', '--review-url'];
  const { values, all, positional, problem } = options(args, names, ['--map']);
  const [to, from, textPath, outPath, url] = ['--to', '--from', '--text', '--out', '--url'].map((k) => values.get(k));
  const file = positional[0] ?? '';
  const zip = from === 'brat' && /\.zip$/i.test(file);
  const rules = labelRules(all.get('--map') ?? [], values.get('--label'));
  const wrong =
    problem ??
    (positional.length !== 1 ? 'name one FILE' : undefined) ??
    (!to === !from ? 'give either --to or --from' : undefined) ??
    (to && !TO.includes(to) ? `--to must be one of ${TO.join(', ')}` : undefined) ??
    (from && !FROM.includes(from) ? `--from must be one of ${FROM.join(', ')}` : undefined) ??
    (from && !zip && !textPath ? '--from needs --text ARTICLE.txt, the text the annotations are on' : undefined) ??
    (zip && textPath ? 'a brat zip holds its texts: leave out --text' : undefined) ??
    (to && ['--url', '--map', '--label', '--report', '--text'].some((k) => values.has(k))
      ? '--text, --url, --map, --label and --report go with --from'
      : undefined) ??
    (url && !HttpUrl.safeParse(url).success ? '--url must be an http or https address' : undefined) ??
    (to === 'claimreview' && !HttpUrl.safeParse(values.get('--review-url') ?? '').success
      ? 'claimreview needs --review-url URL, the http or https page that publishes the fact checks'
      : undefined) ??
    (values.has('--review-url') && to !== 'claimreview' ? '--review-url goes with --to claimreview' : undefined) ??
    (typeof rules === 'string' ? rules : undefined) ??
    (to === 'brat' && !outPath ? 'brat is a zip: give --out FILE.zip' : undefined);
  if (wrong) {
    err(`claimtrail convert: ${wrong}\n${CONVERT_USAGE}`);
    return 2;
  }
  const write = (path: string | undefined, body: string | Uint8Array) => {
    if (path) writeFileSync(path, body);
    else out(typeof body === 'string' ? body.replace(/\n$/, '') : '');
  };
  const generator = `claimtrail ${version}`;
  const now = new Date().toISOString();
  const refuse = (problems: string[]) => {
    err(`${file} was not read:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  };

  if (from) {
    const labels = rules as LabelRules;
    const reader: Annotator = { id: 'convert', name: 'claimtrail convert' };
    let results: ForeignResult[];
    if (zip) {
      const bytes = readBytes(file);
      if (bytes instanceof Error) return refuse([bytes.message]);
      const read = await readBratZip(bytes, reader);
      if (!read.ok) return refuse([read.problem]);
      results = await placeBratPairs(read.pairs, labels);
    } else {
      const [input, text] = [readText(file), readText(textPath!, from === 'brat')];
      if (input instanceof Error || text instanceof Error) return refuse([(input instanceof Error ? input : (text as Error)).message]);
      const target = await makeArticle(text, { title: basename(textPath!).replace(/\.[^.]+$/, ''), ...(url ? { url } : {}) });
      const read =
        from === 'brat'
          ? { ok: true as const, annotations: readAnn(input, text, target.article, reader, basename(file)) }
          : from === 'w3c'
            ? readW3C(input)
            : readHypothesis(input);
      if (!read.ok) return refuse([read.problem]);
      const onto = { article: target.article, text: async () => target.text };
      const result = await placeAnnotations(read.annotations, [onto], from === 'hypothesis' ? 'utf-16' : 'code points', { onto, rules: labels });
      const known = documentOf(read.annotations, result);
      for (const bundle of result.bundles)
        bundle.article = { ...bundle.article, ...(!url && known.url ? { url: known.url } : {}), ...(known.title ? { title: known.title } : {}) };
      results = [result];
    }
    const bundles: ArticleBundle[] = results.flatMap((r) => r.bundles);
    const report = {
      placed: results.flatMap((r) => r.report.placed),
      unplaced: results.flatMap((r) => r.report.unplaced),
      warnings: results.flatMap((r) => r.report.warnings),
    };
    if (values.has('--report')) write(values.get('--report'), `${JSON.stringify(report, null, 2)}\n`);
    for (const result of results) err(describeResult(result).join('\n'));
    if (!bundles.length) {
      err(`Nothing was written: no annotation of ${file} could be placed on the text.`);
      return 1;
    }
    const annotator = bundles.flatMap((b) => b.claims)[0]?.annotator ?? bundles[0]!.unlabelled?.[0]?.annotator ?? reader;
    write(outPath, `${JSON.stringify(toExportFile(bundles, annotator, now, generator), null, 2)}\n`);
    return 0;
  }

  const input = readText(file);
  if (input instanceof Error) return refuse([input.message]);
  const read = await readExportFile(input);
  if (!read.ok) return refuse(read.problems);
  const reviewUrl = values.get('--review-url');
  write(
    outPath,
    EXPORT_MAKERS[to as ExportFormatName]({
      bundles: read.value.articles,
      annotator: read.value.annotator,
      at: now,
      generator,
      indent: 2,
      ...(reviewUrl ? { reviewUrl } : {}),
    }).content,
  );
  return 0;
}
