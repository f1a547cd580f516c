/**
 * The Search field in the header and its results: grouped by article, ranked, the matching
 * words marked in context. Each result is a link to the article with those words selected
 * (`#/article/ID?at=START-END`), so choosing one is following a link, by mouse or keyboard.
 * `/` focuses the field; arrows move through the results; Escape closes them.
 */
import { LABEL_NAMES } from '../core/model';
import type { SearchGroup, SearchHit, Shown } from '../core/search-answer';
import type { Span } from '../core/matches';
import type { LibrarySearch } from '../search/index-client';
import { h } from './dom';
import { guard } from './guard';

/** An article's address, with words to select when it opens. */
export function articleHref(articleId: string, at?: Span): string {
  return `#/article/${encodeURIComponent(articleId)}${at ? `?at=${at.start}-${at.end}` : ''}`;
}

/** `text` (which starts at `offset` of what the marks count in) with the marked spans in <mark>. */
export function markedText(text: string, marks: readonly Span[], offset = 0): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = [];
  let at = 0;
  for (const mark of marks) {
    const start = Math.max(at, mark.start - offset);
    const end = Math.min(text.length, mark.end - offset);
    if (end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(h('mark', {}, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** Shown words: the piece, with an ellipsis where it is cut from a longer text. */
function shownText({ text, offset, whole, marks }: Shown): (string | HTMLElement)[] {
  return [offset > 0 ? '…' : '', ...markedText(text, marks, offset), offset + text.length < whole ? '…' : ''];
}

function hitLink(group: SearchGroup, hit: SearchHit): HTMLElement {
  switch (hit.kind) {
    case 'title':
      return h('a', { class: 'search-hit', href: articleHref(group.articleId) }, 'Title: ', ...markedText(hit.shown.text, hit.shown.marks));
    case 'text':
      return h('a', { class: 'search-hit', href: articleHref(group.articleId, hit.select) }, ...shownText(hit.shown));
    case 'claim':
      return h(
        'a',
        { class: 'search-hit search-claim', href: articleHref(group.articleId, hit.select) },
        h('span', { class: `label-tag label-${hit.label}` }, LABEL_NAMES[hit.label]),
        ' “',
        ...shownText(hit.quote),
        '” ',
        h('span', { class: 'search-by' }, `— ${hit.annotator}`),
        ...(hit.note ? [h('span', { class: 'search-note' }, ' Note: ', ...shownText(hit.note))] : []),
      );
  }
}

/** The search field and its results panel, for the header. */
export function searchBox(search: LibrarySearch): HTMLElement {
  const input = h('input', { type: 'search', id: 'search', 'aria-label': 'Search', placeholder: 'Search  /', autocomplete: 'off', spellcheck: 'false' });
  const status = h('p', { class: 'search-summary', 'aria-live': 'polite' });
  const list = h('ol', { class: 'search-groups' });
  const panel = h('div', { class: 'search-results', role: 'region', 'aria-label': 'Search results', hidden: true }, status, list);
  let serial = 0;
  const close = () => {
    panel.hidden = true;
  };
  /** Searches for what is typed; `began` is when it was typed, for the measure of query to painted results. */
  const run = async (began: number) => {
    const asked = ++serial;
    const text = input.value;
    if (!text.trim()) {
      close();
      return;
    }
    const answer = await search.ask('search', { query: text });
    if (asked !== serial) return;
    const groups = answer.groups.map((group) =>
      h(
        'li',
        { class: 'search-group' },
        h('h3', {}, h('a', { href: articleHref(group.articleId) }, group.title)),
        group.byline ? h('p', { class: 'byline' }, group.byline) : null,
        h('ul', {}, ...group.hits.map((hit) => h('li', {}, hitLink(group, hit)))),
        group.moreClaims ? h('p', { class: 'hint' }, `…and ${group.moreClaims} more claims: filter them in the Claims view.`) : null,
      ),
    );
    list.replaceChildren(...groups);
    const found = answer.articles
      ? `${answer.articles} article${answer.articles === 1 ? '' : 's'}${answer.claims ? `, ${answer.claims} claim${answer.claims === 1 ? '' : 's'}` : ''}${answer.groups.length < answer.articles ? ` (best ${answer.groups.length} shown)` : ''}`
      : 'Nothing found.';
    status.replaceChildren([found, ...answer.problems].join(' '));
    panel.hidden = false;
    requestAnimationFrame(() => setTimeout(() => performance.measure('claimtrail:search', { start: began }), 0));
  };
  input.addEventListener('input', (event) => guard(run(event.timeStamp)));
  // Results closed with Escape come back with a click in the field or ArrowDown.
  const reopen = () => {
    if (input.value.trim() && list.childElementCount) panel.hidden = false;
  };
  input.addEventListener('click', reopen);
  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a')];
  const move = (by: number) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const next = all[Math.max(0, Math.min(all.length - 1, at + by))];
    next?.focus();
  };
  const box = h('div', { class: 'search-box' }, input, panel);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      input.focus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (panel.hidden) reopen();
      else move(document.activeElement === input ? 0 : 1);
    } else if (event.key === 'ArrowUp' && !panel.hidden && document.activeElement !== input) {
      event.preventDefault();
      if (links().indexOf(document.activeElement as HTMLAnchorElement) === 0) input.focus();
      else move(-1);
    }
  });
  box.addEventListener('focusout', (event) => {
    if (!box.contains(event.relatedTarget as Node | null)) close();
  });
  panel.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) close();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    // The article text takes no typing (its words never change), so `/` there is for searching too.
    if (target?.closest('input, textarea, select, dialog')) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  return box;
}
