import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimChange } from '../core/history';
import { LABELS, type Claim, type Label } from '../core/model';
import { PAGE_SIZE } from './page-layout';
import { Store } from './db';

const me = { id: 'me', name: 'Me' };
const text = 'word '.repeat(400);

function claim(id: number, articleId: string, label: Label, modified: string): Claim {
  return {
    id: `c${id}`,
    articleId,
    label,
    start: 0,
    end: 4,
    exact: 'word',
    prefix: '',
    suffix: ' word',
    sources: [],
    annotator: me,
    created: '2026-01-01T00:00:00.000Z',
    modified,
  };
}

/** An action: add claims, relabel some, delete some, all three at once, or import a file, across two articles (picks are taken modulo what exists). */
const action = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    count: fc.integer({ min: 1, max: PAGE_SIZE + 40 }),
    article: fc.constantFrom('a', 'b'),
    label: fc.constantFrom(...LABELS),
  }),
  fc.record({ kind: fc.constant('relabel' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), label: fc.constantFrom(...LABELS) }),
  fc.record({ kind: fc.constant('delete' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 60 }) }),
  fc.record({
    kind: fc.constant('mixed' as const),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    count: fc.integer({ min: 1, max: PAGE_SIZE + 40 }),
    article: fc.constantFrom('a', 'b'),
    label: fc.constantFrom(...LABELS),
  }),
  fc.record({
    kind: fc.constant('import' as const),
    count: fc.integer({ min: 0, max: PAGE_SIZE + 40 }),
    article: fc.constantFrom('a', 'b'),
    picks: fc.array(fc.nat(), { maxLength: 20 }),
    label: fc.constantFrom(...LABELS),
  }),
);

describe('claim pages', () => {
  it('keep the same claims and counts as a plain map, through any sequence of actions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        const store = await Store.open(`pages-${Math.random()}`);
        for (const id of ['a', 'b']) {
          await store.addArticle({ id, title: id, textSha256: id, length: text.length, added: '2026-01-01T00:00:00.000Z' }, text);
        }
        const model = new Map<string, Claim>();
        let next = 0;
        for (const [step, act] of actions.entries()) {
          const modified = `2026-01-01T00:00:${String(step).padStart(2, '0')}.000Z`;
          const ids = [...model.keys()];
          let changes: ClaimChange[] = [];
          if (act.kind === 'import') {
            // A file with new claims, newer copies of some stored ones, and stored ones as they are.
            const mine = ids.map((id) => model.get(id)!).filter((c) => c.articleId === act.article);
            const picked = new Set(act.picks.map((p) => mine[p % Math.max(1, mine.length)]?.id));
            const claims = [
              ...mine.map((c) => (picked.has(c.id) ? { ...c, label: act.label, modified } : c)),
              ...Array.from({ length: act.count }, () => claim(next++, act.article, act.label, modified)),
            ];
            const article = { id: act.article, title: act.article, textSha256: act.article, length: text.length, added: '2026-01-01T00:00:00.000Z' };
            const report = await store.importFile({ annotator: me, exportedAt: modified, articles: [{ article, text, claims }], relations: [], threads: [] });
            expect(report).toMatchObject({ claimsAdded: act.count, claimsUpdated: picked.size - (picked.has(undefined) ? 1 : 0) });
            for (const c of claims) model.set(c.id, c);
            continue;
          }
          if (act.kind === 'add') {
            changes = Array.from({ length: act.count }, () => ({ before: null, after: claim(next++, act.article, act.label, modified) }));
          } else if (act.kind === 'mixed') {
            // One action that relabels and deletes stored claims, then adds new ones (as an undo of a mixed action would).
            const picked = [...new Set(act.picks.map((p) => ids[p % Math.max(1, ids.length)]).filter((id) => id !== undefined))].map((id) => model.get(id)!);
            changes = [
              ...picked.map((before, i) => ({ before, after: i % 2 ? null : { ...before, label: act.label, modified } })),
              ...Array.from({ length: act.count }, () => ({ before: null, after: claim(next++, act.article, act.label, modified) })),
            ];
          } else if (ids.length) {
            const picked = [...new Set(act.picks.map((p) => ids[p % ids.length]!))].map((id) => model.get(id)!);
            changes = picked.map((before) => ({ before, after: act.kind === 'delete' ? null : { ...before, label: act.label, modified } }));
          }
          await store.applyChanges(changes);
          for (const { before, after } of changes) {
            if (after) model.set(after.id, after);
            else model.delete(before!.id);
          }
        }
        for (const id of ['a', 'b']) {
          const expected = [...model.values()].filter((c) => c.articleId === id);
          const stored = (await store.loadArticle(id))!.claims;
          expect(stored.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
          expect(new Map(stored.map((c) => [c.id, c]))).toEqual(new Map(expected.map((c) => [c.id, c])));
          const counts = (await store.listArticles()).find((s) => s.article.id === id)!.counts;
          expect(counts).toEqual(Object.fromEntries(LABELS.map((l) => [l, expected.filter((c) => c.label === l).length])));
        }
        const sample = [...model.keys()].slice(0, 5);
        expect((await store.claimsById(sample)).map((c) => c.id)).toEqual(sample);
        store.close();
      }),
      { numRuns: 60 },
    );
  });
});
