// @vitest-environment happy-dom
/**
 * The claim panel, tested by what it draws from an editor state and by the intents and actions
 * it emits: no editor view, no app, no storage.
 */
import { EditorState } from 'prosemirror-state';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClaim, type Claim, type ClaimComment } from '../core/model';
import { withActions } from '../editor/actions';
import type { EditorAction } from '../editor/article-editor';
import { articlePlugin } from '../editor/article-state';
import { claimsPlugin } from '../editor/claims-plugin';
import { ArticleDoc } from '../editor/positions';
import { ClaimPanel } from './claim-panel';
import type { Intent } from './intents';

beforeAll(() => {
  // happy-dom has no IntersectionObserver: the list's edges are never seen, which these tests do not need.
  globalThis.IntersectionObserver ??= class {
    observe(): void {}
    disconnect(): void {}
  } as unknown as typeof IntersectionObserver;
});

const ana = { id: 'ana', name: 'Ana' };
const bea = { id: 'bea', name: 'Bea' };
const text = 'The minister said 2,000 troops went home.\nCritics called it a rescue mission.';
const doc = new ArticleDoc(text);
const on = (words: string, label: Claim['label'], by = ana) =>
  createClaim(text, 'a', { start: text.indexOf(words), end: text.indexOf(words) + words.length }, label, by)!;

/** A panel over an editor state, with every intent and action it emits recorded; `apply` plays actions on the state as the editor would. */
function panelOf(claims: Claim[], comments: ClaimComment[] = []) {
  const intents: Intent[] = [];
  let state = EditorState.create({ doc: doc.doc, plugins: [claimsPlugin(doc, claims), articlePlugin({ comments, decisions: [], unlabelled: [] })] });
  const apply = (...actions: EditorAction[]) => {
    const prev = state;
    state = state.apply(withActions(state.tr, actions));
    panel.update(state, prev);
  };
  const panel: ClaimPanel = new ClaimPanel(
    { dispatch: (intent) => intents.push(intent), isMine: (c) => c.annotator.id === ana.id, draft: () => undefined, pages: () => [], links: () => undefined },
    () => ({ id: 'a', title: 'T', textSha256: 'x'.repeat(64), length: text.length, added: '2026-01-01T00:00:00.000Z' }),
    (...actions) => apply(...actions),
  );
  panel.update(state, null);
  document.body.replaceChildren(panel.element);
  return { panel, intents, apply, element: panel.element };
}

const quotes = (element: HTMLElement) => [...element.querySelectorAll('.claim-entry q')].map((q) => q.textContent);

describe('the claim panel', () => {
  it('lists the claims in reading order, and asks to select one when its quote is clicked', () => {
    const { element, intents } = panelOf([on('rescue mission', 'disputed'), on('2,000 troops', 'sourced')]);
    expect(element.querySelector('#claims-title')!.textContent).toBe('Claims (2)');
    expect(quotes(element)).toEqual(['2,000 troops', 'rescue mission']);
    element.querySelector<HTMLElement>('.claim-entry [data-control="select"]')!.click();
    expect(intents).toEqual([{ type: 'reveal', id: expect.any(String) }]);
  });

  it('filters by label through the editor state, and the heading says how many of how many', () => {
    const { element } = panelOf([on('rescue mission', 'disputed'), on('2,000 troops', 'sourced')]);
    const label = element.querySelector<HTMLSelectElement>('#filter-label')!;
    label.value = 'disputed';
    label.dispatchEvent(new Event('change'));
    expect(quotes(element)).toEqual(['rescue mission']);
    expect(element.querySelector('#claims-title')!.textContent).toBe('Claims (1 of 2)');
  });

  it('asks to relabel, undo and switch layers off, as intents', () => {
    const troops = on('2,000 troops', 'sourced');
    const { element, intents, apply } = panelOf([troops, on('Critics', 'opinion', bea)]);
    apply({ type: 'select', id: troops.id });
    const select = element.querySelector<HTMLSelectElement>('.claim-entry.is-selected [data-control="label"]')!;
    select.value = 'disputed';
    select.dispatchEvent(new Event('change'));
    element.querySelector<HTMLElement>('[aria-keyshortcuts="Control+Z"]')!.click();
    const bea_ = element.querySelector<HTMLInputElement>('#layer-bea')!;
    bea_.checked = false;
    bea_.dispatchEvent(new Event('change'));
    expect(intents).toEqual([{ type: 'relabel', id: troops.id, label: 'disputed' }, { type: 'undo' }, { type: 'set-hidden', hidden: new Set(['bea']) }]);
  });

  it('draws a comment as soon as the state has it, and opens the compare view from the state', () => {
    const troops = on('2,000 troops', 'sourced');
    const { element, apply } = panelOf([troops, on('Critics', 'opinion', bea)]);
    apply({ type: 'comment', comment: { id: 'k', claimId: troops.id, articleId: 'a', by: bea, at: '2026-01-01T00:00:00.000Z', text: 'Which ministry?' } });
    expect(element.querySelector('.claim-entry')!.textContent).toContain('Which ministry?');
    element.querySelector<HTMLElement>('button[aria-pressed]')!.click();
    expect(element.querySelector<HTMLElement>('.compare-view')!.hidden).toBe(false);
    expect(element.querySelector<HTMLElement>('button[aria-pressed]')!.getAttribute('aria-pressed')).toBe('true');
  });
});
