/**
 * `claimtrail convert`: a claimtrail file to another tool's format, or another tool's file
 * (W3C Web Annotation, Hypothesis) with the article's text to a claimtrail file. The same core
 * code as the browser; bad input exits non-zero with the browser's message.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { version } from '../../package.json';
import { makeArticle } from '../core/article';
import { toExportFile } from '../core/format/export';
import { describeResult, placeAnnotations } from '../core/format/foreign';
import { EXPORT_FORMATS, type ExportFormatName } from '../core/format/formats';
import { readHypothesis } from '../core/format/hypothesis';
import { readExportFile } from '../core/format/import';
import { readW3C } from '../core/format/w3c';
import { options, readText } from './args';

export const CONVERT_USAGE = `usage: claimtrail convert FILE --to w3c|hypothesis|brat|csv|claimreview [--out PATH]
       claimtrail convert FILE --from w3c|hypothesis --text ARTICLE.txt [--out PATH]
  convert   a claimtrail file to another format (brat needs --out, a .zip), or a W3C or
            Hypothesis file, with the text it annotates, to a claimtrail file`;

const TO = ['w3c', 'hypothesis', 'brat', 'csv', 'claimreview'];
const FROM = ['w3c', 'hypothesis'];

/** Runs `convert`; returns the exit code. */
export async function convert(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { values, positional, problem } = options(args, ['--to', '--from', '--text', '--out']);
  const [to, from, textPath, outPath] = ['--to', '--from', '--text', '--out'].map((k) => values.get(k));
  const wrong =
    problem ??
    (positional.length !== 1 ? 'name one FILE' : undefined) ??
    (!to === !from ? 'give either --to or --from' : undefined) ??
    (to && !TO.includes(to) ? `--to must be one of ${TO.join(', ')}` : undefined) ??
    (from && !FROM.includes(from) ? `--from must be one of ${FROM.join(', ')}` : undefined) ??
    (from && !textPath ? '--from needs --text ARTICLE.txt, the text the annotations are on' : undefined) ??
    (to === 'brat' && !outPath ? 'brat is a zip: give --out FILE.zip' : undefined);
  if (wrong) {
    err(`claimtrail convert: ${wrong}\n${CONVERT_USAGE}`);
    return 2;
  }
  const file = positional[0]!;
  const input = readText(file);
  if (input instanceof Error) {
    err(input.message);
    return 1;
  }
  const write = (body: string | Uint8Array) => {
    if (outPath) writeFileSync(outPath, body);
    else out(typeof body === 'string' ? body.replace(/\n$/, '') : '');
  };
  const generator = `claimtrail ${version}`;
  const now = new Date().toISOString();

  if (from) {
    const text = readText(textPath!);
    if (text instanceof Error) {
      err(text.message);
      return 1;
    }
    const read = from === 'w3c' ? readW3C(input) : readHypothesis(input);
    if (!read.ok) {
      err(`${file} was not read:\n  ${read.problem}`);
      return 1;
    }
    const target = await makeArticle(text, { title: basename(textPath!).replace(/\.[^.]+$/, '') });
    const onto = { article: target.article, text: async () => target.text };
    const placed = await placeAnnotations(read.annotations, [onto], from === 'w3c' ? 'code points' : 'utf-16', { onto });
    const claims = placed.bundles[0]?.claims ?? [];
    const annotator = claims[0]?.annotator ?? { id: 'convert', name: 'claimtrail convert' };
    write(`${JSON.stringify(toExportFile([{ ...target, claims }], annotator, now, generator), null, 2)}\n`);
    const waiting = placed.unlabelled.length ? ` ${placed.unlabelled.length} without one of our labels are not in the file (a claimtrail claim needs a label).` : '';
    err(`${describeResult(placed)}${waiting}`);
    return 0;
  }

  const read = await readExportFile(input);
  if (!read.ok) {
    err(`${file} was not read:\n${read.problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  write(EXPORT_FORMATS[to as ExportFormatName].make({ bundles: read.value.articles, annotator: read.value.annotator, at: now, generator, indent: 2 }).content);
  return 0;
}
