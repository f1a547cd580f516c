import { describe, expect, it } from 'vitest';
import { carryClaims } from '../carry';
import { createClaim, type Article, type ArticleRelation, type ClaimThread } from '../model';
import { sha256Hex } from '../text';
import { toExportFile } from './export';
import { readExportFile } from './import';

const me = { id: 'ann-1', name: 'Ana' };
const NOW = '2026-11-23T10:00:00.000Z';
const OLD = 'Emoji 😀 first. Izvestia says 2,000 troops went. Nobody saw the planes.';
const NEW = 'Repost 😀😀. Izvestia says 2,000 troops went.';

async function articleOf(id: string, text: string): Promise<Article> {
  return { id, title: id, textSha256: await sha256Hex(text), length: text.length, added: NOW };
}

function claimOn(text: string, articleId: string, words: string) {
  const start = text.indexOf(words);
  return createClaim(text, articleId, { start, end: start + words.length }, 'sourced', me, NOW)!;
}

describe('links in the claimtrail file: carried claims, attributions, relations, threads', () => {
  it('survive a round trip, orphans with their old offsets in code points', async () => {
    const [oldArticle, newArticle] = await Promise.all([articleOf('old', OLD), articleOf('new', NEW)]);
    const troops = claimOn(OLD, 'old', '2,000 troops went');
    troops.sources = [{ citation: 'Izvestia', attribution: { start: OLD.indexOf('Izvestia'), end: OLD.indexOf('Izvestia') + 8, exact: 'Izvestia' } }];
    const planes = claimOn(OLD, 'old', 'Nobody saw the planes.');
    const carried = carryClaims([troops, planes], { articleId: 'old', text: OLD }, { articleId: 'new', text: NEW }, NOW).claims;
    const relation: ArticleRelation = { id: 'r1', from: 'new', to: 'old', kind: 'republishes', created: NOW };
    const thread: ClaimThread = { id: 't1', title: '2,000 troops', claimIds: [troops.id, carried[0]!.id, 'not-in-file'], created: NOW, modified: NOW };
    const file = toExportFile(
      [
        { article: oldArticle, text: OLD, claims: [troops, planes] },
        { article: newArticle, text: NEW, claims: carried },
      ],
      me,
      NOW,
      'test',
      { relations: [relation], threads: [thread] },
    );
    expect(file.threads).toEqual([{ id: 't1', title: '2,000 troops', claims: [troops.id, carried[0]!.id], created: NOW, modified: NOW }]);
    const orphan = file.articles[1]!.claims.find((c) => c.anchor?.status === 'orphan')!;
    // Offsets of the old text, in code points (the emoji before counts once).
    expect([orphan.start, orphan.end]).toEqual([OLD.indexOf('Nobody') - 1, OLD.length - 1]);
    expect(file.articles[0]!.claims[0]!.sources[0]!.attribution).toEqual({ start: 15, end: 23, exact: 'Izvestia' });

    const read = await readExportFile(JSON.stringify(file));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.relations).toEqual([relation]);
    expect(read.value.threads).toEqual([{ ...thread, claimIds: [troops.id, carried[0]!.id] }]);
    expect(read.value.articles[0]!.claims[0]!.sources).toEqual(troops.sources);
    const back = read.value.articles[1]!.claims;
    expect(back.find((c) => c.exact === '2,000 troops went')!.anchor).toEqual(carried[0]!.anchor);
    expect(back.find((c) => c.anchor?.status === 'orphan')!.exact).toBe('Nobody saw the planes.');
  });

  it('refuses an attribution whose words are not at its offsets', async () => {
    const claim = claimOn(OLD, 'old', '2,000 troops went');
    claim.sources = [{ citation: 'x', attribution: { start: 0, end: 5, exact: 'Emoji' } }];
    const file = toExportFile([{ article: await articleOf('old', OLD), text: OLD, claims: [claim] }], me, NOW, 'test');
    file.articles[0]!.claims[0]!.sources[0]!.attribution!.exact = 'Izvestia';
    const read = await readExportFile(JSON.stringify(file));
    expect(read).toEqual({ ok: false, problems: ['articles[0].claims[0].sources[0].attribution: "exact" is "Izvestia" but the text at 0..5 is "Emoji"'] });
  });
});
