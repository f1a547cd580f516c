/**
 * The `claimtrail` command: the same core code as the browser, around files.
 *   claimtrail agree FILE... [--json]
 *   claimtrail carry EXPORT.json --to NEW.txt [--article ID] [--out FILE]
 *   claimtrail convert FILE --to FORMAT | --from FORMAT --text ARTICLE.txt [--out PATH]
 */
import { agreementReport, mergeBundles } from '../core/agreement-report';
import type { ArticleBundle } from '../core/format/export';
import { readExportFile } from '../core/format/import';
import { formatAgreement } from './agree';
import { readText } from './args';
import { carry, CARRY_USAGE } from './carry';
import { convert, CONVERT_USAGE } from './convert';

const USAGE = `usage: claimtrail agree FILE... [--json]
  agree   agreement figures for the annotators in claimtrail export files, per article and overall
${CARRY_USAGE.replace('usage: ', '       ')}
${CONVERT_USAGE.replace('usage: ', '       ')}`;

/** Runs the command; returns the exit code. Output and errors go through the given writers. */
export async function run(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'carry') return carry(rest, out, err);
  if (command === 'convert') return convert(rest, out, err);
  if (command !== 'agree') {
    err(command && command !== '--help' ? `claimtrail: unknown command "${command}"\n${USAGE}` : USAGE);
    return command === '--help' ? 0 : 2;
  }
  const json = rest.includes('--json');
  const files = rest.filter((a) => a !== '--json');
  const unknown = files.filter((f) => f.startsWith('--'));
  if (unknown.length || !files.length) {
    err(unknown.length ? `claimtrail agree: unknown option ${unknown[0]}\n${USAGE}` : USAGE);
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
