/** `claimtrail carry`: re-anchors one article's claims from a claimtrail file onto a new text. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ANCHOR_STATUSES } from '../core/anchor';
import { makeArticle } from '../core/article';
import { carryClaims } from '../core/carry';
import { toExportFile } from '../core/format/export';
import { readExportFile } from '../core/format/import';
import { options, readText } from './args';
import { CARRY_USAGE } from './usage';

/** Runs `carry`; returns the exit code. */
export async function carry(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { values, positional, problem } = options(args, ['--to', '--article', '--out']);
  const to = values.get('--to');
  if (problem || positional.length !== 1 || !to) {
    err(`${problem ? `claimtrail carry: ${problem}\n` : ''}${CARRY_USAGE}`);
    return 2;
  }
  const [exportPath] = positional as [string];
  const json = readText(exportPath);
  const newText = readText(to);
  for (const read of [json, newText]) if (read instanceof Error) err(read.message);
  if (json instanceof Error || newText instanceof Error) return 1;
  const result = await readExportFile(json);
  if (!result.ok) {
    err(`${exportPath} was not read:\n${result.problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  const wanted = values.get('--article');
  const articles = result.value.articles;
  const source = wanted ? articles.find((b) => b.article.id === wanted) : articles.length === 1 ? articles[0] : undefined;
  if (!source) {
    const ids = articles.map((b) => `  ${b.article.id}  ${b.article.title}`).join('\n');
    err(
      wanted
        ? `${exportPath} has no article "${wanted}"; it has:\n${ids}`
        : `${exportPath} has ${articles.length} articles: name one with --article ID:\n${ids}`,
    );
    return 2;
  }
  const { title, author } = source.article;
  const target = await makeArticle(newText, { title, ...(author ? { author } : {}) });
  const carried = carryClaims(source.claims, { articleId: source.article.id, text: source.text }, { articleId: target.article.id, text: target.text });
  const file = toExportFile([{ ...target, claims: carried.claims }], result.value.annotator, new Date().toISOString(), 'claimtrail carry');
  const body = `${JSON.stringify(file, null, 2)}\n`;
  const outPath = values.get('--out');
  if (outPath) writeFileSync(outPath, body);
  else out(body.trimEnd());
  const counts = ANCHOR_STATUSES.map((s) => `${carried.counts[s]} ${s}`).join(', ');
  err(`carried ${carried.claims.length} claims of "${title}" onto ${basename(to)}: ${counts}`);
  return 0;
}
