/**
 * One claim in the panel: label, quote, how it was carried over, note, sources (with the words
 * of the text they are attributed to), comments; and, when it is selected, its editor (yours)
 * or "I agree" and a comment form (another's), and its links to other articles.
 */
import { HttpUrl } from '../core/format/claimtrail-v1';
import type { ArticleHost } from './intents';
import { LABEL_NAMES, LABELS, type Claim, type ClaimComment, type ClaimConflict, type Label, type Source, type UnlabelledClaim } from '../core/model';
import { ellipsis, formatDate, h } from './dom';

function sourceView(source: Source, host: ArticleHost): HTMLElement {
  const link = source.url ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.url) : null;
  const said = source.attribution;
  return h(
    'span',
    {},
    link,
    link && source.citation ? ' — ' : null,
    source.citation ?? null,
    said
      ? h(
          'span',
          { class: 'attribution' },
          ' · attributed in the text to ',
          h(
            'button',
            { type: 'button', class: 'link', 'data-control': 'show-attribution', onclick: () => host.dispatch({ type: 'show-words', range: said }) },
            `“${ellipsis(said.exact, 60)}”`,
          ),
        )
      : null,
  );
}

/** How a carried claim found its place, and what it said where it came from. */
function anchorNote(claim: Claim, selected: boolean, mine: boolean, host: ArticleHost): HTMLElement | null {
  const anchor = claim.anchor;
  if (!anchor || anchor.status === 'orphan') return null;
  const how = anchor.confirmed ? 'placed, checked by a person' : anchor.status === 'fuzzy' ? `fuzzy, score ${anchor.score?.toFixed(2) ?? '?'}` : anchor.status;
  const was =
    anchor.from.exact !== undefined && anchor.from.exact !== claim.exact
      ? h('span', {}, ' · was ', h('q', { dir: 'auto' }, ellipsis(anchor.from.exact, 160)))
      : null;
  const review =
    selected && mine && anchor.status === 'fuzzy' && !anchor.confirmed
      ? h(
          'span',
          { class: 'anchor-review' },
          h(
            'button',
            { type: 'button', 'data-control': 'confirm-place', onclick: () => host.dispatch({ type: 'confirm-place', id: claim.id }) },
            'Place is right',
          ),
          h('button', { type: 'button', class: 'quiet', 'data-control': 'detach', onclick: () => host.dispatch({ type: 'detach', id: claim.id }) }, 'Not here'),
        )
      : null;
  return h('p', { class: `anchor-note anchor-${anchor.status}` }, `Carried over: ${how}`, was, review);
}

/** An imported annotation waiting for a label, with a button per label. */
export function unlabelledElement(item: UnlabelledClaim, host: ArticleHost): HTMLLIElement {
  return h(
    'li',
    { class: 'unlabelled', 'data-claim-id': item.id },
    h(
      'button',
      { type: 'button', class: 'link', onclick: () => host.dispatch({ type: 'show-words', range: item }) },
      h('q', { dir: 'auto' }, ellipsis(item.exact, 240)),
    ),
    item.note ? h('p', { class: 'claim-note', dir: 'auto' }, item.note) : null,
    h('p', { class: 'claim-meta' }, item.annotator.name),
    h(
      'span',
      { class: 'label-choice', role: 'group', 'aria-label': `Label “${ellipsis(item.exact, 40)}”` },
      ...LABELS.map((label) =>
        h(
          'button',
          { type: 'button', class: `label-${label}`, onclick: () => host.dispatch({ type: 'label-unlabelled', id: item.id, label: label }) },
          LABEL_NAMES[label],
        ),
      ),
    ),
  );
}

/** An orphan in the panel's own section: its old quote, and a way to place it again. */
export function orphanElement(claim: Claim, host: ArticleHost): HTMLLIElement {
  return h(
    'li',
    { class: `orphan claim-${claim.label}`, 'data-claim-id': claim.id },
    h('span', { class: `label-tag label-${claim.label}` }, LABEL_NAMES[claim.label]),
    h('q', { dir: 'auto' }, ellipsis(claim.exact, 240)),
    h('p', { class: 'claim-meta' }, claim.annotator.name),
    host.isMine(claim)
      ? h(
          'button',
          { type: 'button', 'data-control': 'reattach', onclick: () => host.dispatch({ type: 'reattach', id: claim.id }) },
          'Attach to selected words',
        )
      : null,
  );
}

function claimEditor(claim: Claim, host: ArticleHost): HTMLElement {
  const labelSelect = h(
    'select',
    { id: `label-${claim.id}`, 'data-control': 'label', onchange: () => host.dispatch({ type: 'relabel', id: claim.id, label: labelSelect.value as Label }) },
    ...LABELS.map((label) => h('option', { value: label, selected: label === claim.label }, LABEL_NAMES[label])),
  );
  const note = h('textarea', { id: `note-${claim.id}`, rows: 3, 'data-control': 'note', 'aria-describedby': `note-draft-${claim.id}` });
  const draft = host.draft(claim.id);
  const restored = draft !== undefined && draft.trim() !== (claim.note ?? '');
  note.value = restored ? draft : (claim.note ?? '');
  const draftHint = h('p', { id: `note-draft-${claim.id}`, class: 'hint', hidden: !restored }, 'Draft kept from before: not saved yet.');
  const saveNote = () => {
    host.dispatch({ type: 'keep-draft', id: claim.id, text: undefined });
    draftHint.hidden = true;
    if (note.value.trim() !== (claim.note ?? '')) host.dispatch({ type: 'set-note', id: claim.id, note: note.value.trim() });
  };
  note.addEventListener('input', () => host.dispatch({ type: 'keep-draft', id: claim.id, text: note.value }));
  note.addEventListener('change', saveNote);
  const url = h('input', { id: `source-url-${claim.id}`, type: 'url', placeholder: 'https://…', 'data-control': 'source-url' });
  const citation = h('input', { id: `source-citation-${claim.id}`, type: 'text', placeholder: 'Izvestia, 11 Jan 2022', 'data-control': 'source-citation' });
  const addSource = h(
    'form',
    { class: 'add-source', 'aria-label': 'Add a source' },
    h('div', { class: 'field' }, h('label', { for: url.id }, 'Source URL'), url),
    h('div', { class: 'field' }, h('label', { for: citation.id }, 'Citation'), citation),
    h('button', { type: 'submit', 'data-control': 'add-source' }, 'Add source'),
  );
  url.addEventListener('input', () => url.setCustomValidity(''));
  addSource.addEventListener('submit', (event) => {
    event.preventDefault();
    const source: Source = {};
    if (url.value.trim()) {
      if (!HttpUrl.safeParse(url.value.trim()).success) {
        url.setCustomValidity('Only http and https addresses are accepted.');
        url.reportValidity();
        return;
      }
      source.url = url.value.trim();
    }
    if (citation.value.trim()) source.citation = citation.value.trim();
    if (!source.url && !source.citation) {
      citation.setCustomValidity('Give a URL, a citation, or both.');
      citation.reportValidity();
      citation.addEventListener('input', () => citation.setCustomValidity(''), { once: true });
      return;
    }
    host.dispatch({ type: 'add-source', id: claim.id, source: source });
  });
  return h(
    'div',
    { class: 'claim-editor' },
    h('div', { class: 'field' }, h('label', { for: labelSelect.id }, 'Label'), labelSelect),
    h(
      'div',
      { class: 'field' },
      h('label', { for: note.id }, 'Note'),
      note,
      draftHint,
      h('button', { type: 'button', 'data-control': 'save-note', onclick: saveNote }, 'Save note'),
    ),
    claim.sources.length
      ? h(
          'ul',
          { class: 'source-list', 'aria-label': 'Sources' },
          ...claim.sources.map((source, i) =>
            h(
              'li',
              {},
              sourceView(source, host),
              h(
                'button',
                {
                  type: 'button',
                  class: 'quiet',
                  'aria-label': `Remove source ${i + 1}`,
                  onclick: () => host.dispatch({ type: 'remove-source', id: claim.id, index: i }),
                },
                'Remove',
              ),
            ),
          ),
        )
      : null,
    addSource,
    h(
      'p',
      { class: 'hint' },
      'Or select the words of the text that name the source (“quotes the daily Izvestia”), then: ',
      h(
        'button',
        { type: 'button', 'data-control': 'attribute', onclick: () => host.dispatch({ type: 'attribute', id: claim.id }) },
        'Attribute to selected words',
      ),
    ),
    h('button', { type: 'button', class: 'danger', 'data-control': 'delete', onclick: () => host.dispatch({ type: 'remove', id: claim.id }) }, 'Delete claim'),
  );
}

function commentForm(claim: Claim, host: ArticleHost): HTMLElement {
  const text = h('textarea', { id: `comment-on-${claim.id}`, rows: 2, 'data-control': 'comment-text' });
  const form = h(
    'form',
    { class: 'comment-form' },
    h('label', { for: text.id }, 'Comment on this claim'),
    text,
    h('button', { type: 'submit', 'data-control': 'add-comment' }, 'Add comment'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (text.value.trim()) host.dispatch({ type: 'add-comment', id: claim.id, text: text.value.trim() });
  });
  return form;
}

/** The versions of a claim changed in two places at once, each with "Keep this one" (the owner's choice). */
function conflictBox(conflict: ClaimConflict, mine: boolean, host: ArticleHost): HTMLElement {
  const version = ({ rev, claim }: ClaimConflict['versions'][number], i: number) =>
    h(
      'li',
      { class: 'conflict-version' },
      h('span', { class: `label-tag label-${claim.label}` }, LABEL_NAMES[claim.label]),
      ` ${i === 0 ? 'shown now' : 'the other'} · changed ${formatDate(claim.modified, true)}`,
      claim.note ? h('p', { class: 'claim-note', dir: 'auto' }, claim.note) : null,
      claim.sources.length ? h('p', {}, `${claim.sources.length} source${claim.sources.length === 1 ? '' : 's'}`) : null,
      mine
        ? h('button', { type: 'button', onclick: () => host.dispatch({ type: 'keep-version', kind: 'claim', id: conflict.id, rev }) }, 'Keep this one')
        : null,
    );
  return conflictGroup(conflict.versions.map(version));
}

/** The marker of a thing changed in two places at once, around its versions (claims and decisions alike). */
export function conflictGroup(versions: readonly HTMLElement[]): HTMLElement {
  return h(
    'div',
    { class: 'conflict', role: 'group', 'aria-label': 'Changed elsewhere at the same time' },
    h('p', { class: 'conflict-title' }, 'Changed elsewhere at the same time'),
    h('ul', { 'aria-label': 'Versions' }, ...versions),
  );
}

/** " · p. 2" or " · pp. 2–3": where a claim lies in a paged original. */
function pageNote(pages: readonly number[]): string {
  if (!pages.length) return '';
  return pages.length === 1 ? ` · p. ${pages[0]}` : ` · pp. ${pages[0]}–${pages[pages.length - 1]}`;
}

export function entryElement(
  claim: Claim,
  selected: boolean,
  marker: number,
  comments: readonly ClaimComment[],
  host: ArticleHost,
  conflict?: ClaimConflict,
): HTMLLIElement {
  const mine = host.isMine(claim);
  return h(
    'li',
    { class: `claim-entry claim-${claim.label}${selected ? ' is-selected' : ''}`, 'data-claim-id': claim.id, 'data-layer': String(marker) },
    h(
      'button',
      {
        type: 'button',
        class: 'claim-select',
        'aria-pressed': String(selected),
        'data-control': 'select',
        onclick: () => host.dispatch({ type: 'reveal', id: claim.id }),
      },
      h('span', { class: `label-tag label-${claim.label}` }, LABEL_NAMES[claim.label]),
      h('q', { dir: 'auto' }, ellipsis(claim.exact, 240)),
    ),
    anchorNote(claim, selected, mine, host),
    conflict && conflict.versions.length > 1 ? conflictBox(conflict, mine, host) : null,
    claim.note ? h('p', { class: 'claim-note', dir: 'auto' }, claim.note) : null,
    !selected && claim.sources.length
      ? h('ul', { class: 'source-list', 'aria-label': 'Sources' }, ...claim.sources.map((s) => h('li', {}, sourceView(s, host))))
      : null,
    h(
      'p',
      { class: 'claim-meta' },
      h('span', { class: 'layer-swatch', 'aria-hidden': 'true' }),
      `${claim.annotator.name}${mine ? '' : ' (read-only)'} · ${formatDate(claim.modified, true)}${pageNote(host.pages(claim))}`,
    ),
    comments.length
      ? h(
          'ul',
          { class: 'comments', 'aria-label': 'Comments' },
          ...comments.map((c) => h('li', { dir: 'auto' }, h('span', { class: 'comment-by' }, `${c.by.name}: `), c.text)),
        )
      : null,
    selected && mine ? claimEditor(claim, host) : null,
    selected && !mine
      ? h('button', { type: 'button', onclick: () => host.dispatch({ type: 'copy-to-mine', id: claim.id }) }, 'I agree: copy to my claims')
      : null,
    selected && !mine ? commentForm(claim, host) : null,
    selected ? linksSlot(claim, host) : null,
  );
}

/** Where the claim's thread and its likely matches elsewhere are shown, filled in by the app. */
function linksSlot(claim: Claim, host: ArticleHost): HTMLElement {
  const slot = h('div', { class: 'claim-links', 'aria-live': 'polite' });
  host.links(claim, slot);
  return slot;
}
