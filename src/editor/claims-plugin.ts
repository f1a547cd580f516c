/**
 * The claims of the open article, drawn. The plugin state holds the claims and their
 * DecorationSet; it changes only through typed actions (load, apply, select, layers; see
 * actions.ts: several may travel in one transaction) and is
 * mapped through document changes, never rebuilt per transaction. Each claim is an inline
 * decoration wrapped in its own <mark>, so overlapping and nested claims stay separate elements.
 * A dense article (more than DRAW_ALL_UP_TO claims) draws only the claims of the window, the
 * text near the viewport (viewport.ts moves it): 100,000 claims as 600,000 nested marks would
 * cost a quarter second of style and layout on every change.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { ClaimChange } from '../core/history';
import { compareClaims, isOrphan, LABEL_NAMES, type Claim } from '../core/model';
import { actionsOf, withActions, type Action } from './actions';
import type { ArticleDoc } from './positions';

/** What the plugin holds: the claims by id, their decorations, the selected claim, hidden layers. */
export interface ClaimsState {
  claims: ReadonlyMap<string, Claim>;
  decorations: DecorationSet;
  selected: string | null;
  /** Annotator ids whose claims are not drawn (their layers are switched off). */
  hidden: ReadonlySet<string>;
  /** Each annotator's marker (0 to 5), given in order of first appearance and never changed. */
  markers: ReadonlyMap<string, number>;
  /** Counts the flashes of the selected claim: a new count draws its mark anew, so the flash plays again. */
  flash: number;
  /** The document range drawn in a dense article (positions; see `windowed`). */
  window: DrawWindow;
  /** What the view draws: `decorations`, or in a dense article those of the window. */
  drawn: DecorationSet;
}

/** A range of document positions, from <= to. */
export interface DrawWindow {
  from: number;
  to: number;
}

/** Articles with at most this many claims draw all of them; denser ones only the window's. */
export const DRAW_ALL_UP_TO = 5_000;

/** Whether the state draws only its window's claims. */
export function windowed(state: ClaimsState): boolean {
  return state.claims.size > DRAW_ALL_UP_TO;
}

/** A dense article's window when it opens, before the viewport is known: its first screens. */
const FIRST_WINDOW: DrawWindow = { from: 0, to: 20_000 };

/** The actions that change the plugin state, sent as transaction meta. */
export type ClaimsAction =
  | { type: 'load'; claims: readonly Claim[] }
  | { type: 'apply'; changes: readonly ClaimChange[] }
  /** Selects a claim (null: none); `flash` draws it anew even when it is selected already. */
  | { type: 'select'; id: string | null; flash?: boolean }
  | { type: 'layers'; hidden: ReadonlySet<string> }
  /** Draws a dense article's claims in this range (the text near the viewport). */
  | { type: 'window'; window: DrawWindow };

export const claimsKey = new PluginKey<ClaimsState>('claims');

const CLAIMS_ACTIONS = new Set(['load', 'apply', 'select', 'layers', 'window']);
const isClaimsAction = (action: Action): action is ClaimsAction => CLAIMS_ACTIONS.has(action.type);

/** The plugin state of an editor state. */
export function claimsState(state: EditorState): ClaimsState {
  return claimsKey.getState(state)!;
}

/** Claims in reading order, per claims map: selecting or switching layers keeps the map, so no sort. */
const sortedCache = new WeakMap<ReadonlyMap<string, Claim>, readonly Claim[]>();

/** Claims of a state in reading order (sorted once per change of the claims). */
export function sortedClaims(state: EditorState): readonly Claim[] {
  const { claims } = claimsState(state);
  let sorted = sortedCache.get(claims);
  if (!sorted) {
    sorted = [...claims.values()].sort(compareClaims);
    sortedCache.set(claims, sorted);
  }
  return sorted;
}

/** How many marker colours there are; a seventh annotator shares the first one's. */
const MARKERS = 6;

/** The markers with any new annotators of `claims` added, or the same map when there are none. */
function withMarkers(markers: ReadonlyMap<string, number>, claims: Iterable<Claim>): ReadonlyMap<string, number> {
  let next: Map<string, number> | null = null;
  for (const claim of claims) {
    if ((next ?? markers).has(claim.annotator.id)) continue;
    next ??= new Map(markers);
    next.set(claim.annotator.id, next.size % MARKERS);
  }
  return next ?? markers;
}

function decorate(claim: Claim, article: ArticleDoc, selected: boolean, markers: ReadonlyMap<string, number>, flash = 0): Decoration {
  return Decoration.inline(
    article.toPos(claim.start),
    article.toPos(claim.end),
    {
      nodeName: 'mark',
      class: `claim claim-${claim.label}${selected ? ' is-selected' : ''}`,
      ...(selected && flash ? { 'data-flash': String(flash) } : {}),
      'data-claim-id': claim.id,
      'data-layer': String(markers.get(claim.annotator.id) ?? 0),
      title: `${LABEL_NAMES[claim.label]} claim by ${claim.annotator.name}${claim.note ? `: ${claim.note}` : ''}`,
    },
    { id: claim.id },
  );
}

/** Whether a claim is drawn: its layer is shown and it has words in this text (not an orphan). */
function drawn(claim: Claim, hidden: ReadonlySet<string>, article: ArticleDoc, doc: Node): boolean {
  return !hidden.has(claim.annotator.id) && !isOrphan(claim) && article.toPos(claim.end) <= doc.content.size;
}

/** The decorations less those of `claims`, each looked up over its own words only (not the whole set). */
function without(decorations: DecorationSet, claims: Iterable<Claim | undefined>, article: ArticleDoc): DecorationSet {
  const found: Decoration[] = [];
  for (const claim of claims) {
    if (claim) found.push(...decorations.find(article.toPos(claim.start), article.toPos(claim.end), (spec) => spec.id === claim.id));
  }
  return found.length ? decorations.remove(found) : decorations;
}

/** The next state for an action; the same object when the action changes nothing. */
function reduce(value: ClaimsState, action: ClaimsAction, tr: Transaction, article: ArticleDoc): ClaimsState {
  switch (action.type) {
    case 'load': {
      const claims = new Map(action.claims.map((c) => [c.id, c]));
      // Markers go to annotators in the order of their first claim: one pass, no sort of every claim.
      const firsts = new Map<string, Claim>();
      for (const claim of action.claims) {
        const first = firsts.get(claim.annotator.id);
        if (!first || claim.created < first.created) firsts.set(claim.annotator.id, claim);
      }
      const markers = withMarkers(
        value.markers,
        [...firsts.values()].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0)),
      );
      const shown = action.claims.filter((c) => drawn(c, value.hidden, article, tr.doc));
      const decorations = DecorationSet.create(
        tr.doc,
        shown.map((c) => decorate(c, article, false, markers)),
      );
      return { ...value, claims, decorations, selected: null, markers };
    }
    case 'apply': {
      if (!action.changes.length) return value;
      const claims = new Map(value.claims);
      const markers = withMarkers(
        value.markers,
        action.changes.flatMap((c) => (c.after ? [c.after] : [])),
      );
      const touched = new Set<string>();
      const added: Decoration[] = [];
      for (const { before, after } of action.changes) {
        if (before) {
          claims.delete(before.id);
          touched.add(before.id);
        }
        if (after) {
          claims.set(after.id, after);
          touched.add(after.id);
        }
      }
      for (const id of touched) {
        const claim = claims.get(id);
        if (claim && drawn(claim, value.hidden, article, tr.doc)) added.push(decorate(claim, article, id === value.selected, markers));
      }
      const selected = value.selected && claims.has(value.selected) ? value.selected : null;
      const drawnBefore = [...touched].map((id) => value.claims.get(id));
      return { ...value, claims, markers, decorations: without(value.decorations, drawnBefore, article).add(tr.doc, added), selected };
    }
    case 'layers': {
      const switched = new Set([...value.hidden, ...action.hidden].filter((id) => value.hidden.has(id) !== action.hidden.has(id)));
      if (!switched.size) return value;
      const affected = [...value.claims.values()].filter((c) => switched.has(c.annotator.id));
      const shown = affected.filter((c) => drawn(c, action.hidden, article, tr.doc)).map((c) => decorate(c, article, c.id === value.selected, value.markers));
      const decorations = without(value.decorations, affected, article).add(tr.doc, shown);
      const selectedHidden = value.selected !== null && action.hidden.has(value.claims.get(value.selected)?.annotator.id ?? '');
      return { ...value, decorations, hidden: new Set(action.hidden), selected: selectedHidden ? null : value.selected };
    }
    case 'window':
      return action.window.from === value.window.from && action.window.to === value.window.to ? value : { ...value, window: action.window };
    case 'select': {
      if (action.id === value.selected && !action.flash) return value;
      const flash = action.flash ? value.flash + 1 : value.flash;
      const ids = new Set(
        [value.selected, action.id].filter(
          (id): id is string => id !== null && value.claims.has(id) && drawn(value.claims.get(id)!, value.hidden, article, tr.doc),
        ),
      );
      const redrawn = [...ids].map((id) => decorate(value.claims.get(id)!, article, id === action.id, value.markers, flash));
      const selected = action.id && value.claims.has(action.id) ? action.id : null;
      return {
        ...value,
        window: selected ? windowAround(value.window, value.claims.get(selected)!, article) : value.window,
        flash,
        decorations: without(
          value.decorations,
          [...ids].map((id) => value.claims.get(id)),
          article,
        ).add(tr.doc, redrawn),
        selected,
      };
    }
  }
}

/** The window moved to show `claim` when it is not in it already, keeping its size. */
function windowAround(window: DrawWindow, claim: Claim, article: ArticleDoc): DrawWindow {
  const [from, to] = [article.toPos(claim.start), article.toPos(claim.end)];
  if (from >= window.from && to <= window.to) return window;
  const half = Math.max(0, Math.floor((window.to - window.from - (to - from)) / 2));
  return { from: Math.max(0, from - half), to: to + half };
}

/** The state with `drawn` brought up to date, when its decorations or window changed since `before`. */
function withDrawn(value: ClaimsState, before: ClaimsState | null, doc: Node): ClaimsState {
  if (before && value.decorations === before.decorations && value.window === before.window && windowed(value) === windowed(before)) return value;
  const drawn = windowed(value) ? DecorationSet.create(doc, value.decorations.find(value.window.from, value.window.to)) : value.decorations;
  return { ...value, drawn };
}

/** The claims of each section, by the section their last character is in: what each appended section brings. */
const endingCache = new WeakMap<ReadonlyMap<string, Claim>, Claim[][]>();

/** The claims whose last character is in sections `from` up to (not including) `to`. */
function endingIn(claims: ReadonlyMap<string, Claim>, from: number, to: number, article: ArticleDoc): Claim[] {
  let bySection = endingCache.get(claims);
  if (!bySection) {
    bySection = Array.from({ length: article.sectionCount }, () => []);
    for (const claim of claims.values()) bySection[article.sectionOf(claim.end)]!.push(claim);
    endingCache.set(claims, bySection);
  }
  return bySection.slice(from, to).flat();
}

/**
 * The state after more of a long article's sections were appended (the only change a document
 * ever sees): decorations mapped, and the claims whose words are now all there drawn. Only the
 * claims ending in the new sections are looked at, not every claim at every step.
 */
function grown(value: ClaimsState, tr: Transaction, article: ArticleDoc): ClaimsState {
  const arrived = endingIn(value.claims, tr.before.childCount, tr.doc.childCount, article)
    .filter((c) => drawn(c, value.hidden, article, tr.doc))
    .map((c) => decorate(c, article, c.id === value.selected, value.markers));
  const decorations = value.decorations.map(tr.mapping, tr.doc).add(tr.doc, arrived);
  return { ...value, decorations };
}

/**
 * Which claim a click at `pos` selects: the innermost claim under the pointer, or, when the
 * clicked claim is already selected, the next larger claim covering the same place, so every
 * claim of a nested stack can be reached by clicking again.
 */
function claimAtClick(state: ClaimsState, pos: number, target: Element | null): string | null {
  // The drawn claims at the place, from the decorations there: never a walk over every claim.
  const covering = state.decorations
    .find(pos, pos)
    .flatMap((d) => {
      const claim = state.claims.get((d.spec as { id: string }).id);
      return claim ? [claim] : [];
    })
    .sort((a, b) => a.end - a.start - (b.end - b.start) || compareClaims(a, b));
  if (!covering.length) return null;
  const clicked = target?.closest('mark[data-claim-id]')?.getAttribute('data-claim-id');
  const current = covering.findIndex((c) => c.id === state.selected);
  if (current >= 0) return covering[(current + 1) % covering.length]!.id;
  return clicked && state.claims.has(clicked) ? clicked : covering[0]!.id;
}

/** The claims plugin for one article's document. */
export function claimsPlugin(article: ArticleDoc, claims: readonly Claim[]): Plugin<ClaimsState> {
  return new Plugin<ClaimsState>({
    key: claimsKey,
    state: {
      init: (_config, state) => {
        const empty = DecorationSet.empty;
        const none = {
          claims: new Map(),
          decorations: empty,
          selected: null,
          hidden: new Set<string>(),
          markers: new Map(),
          flash: 0,
          window: FIRST_WINDOW,
          drawn: empty,
        };
        return withDrawn(reduce(none, { type: 'load', claims }, state.tr, article), null, state.doc);
      },
      apply(tr, value) {
        const mapped = tr.docChanged ? grown(value, tr, article) : value;
        const next = actionsOf(tr)
          .filter(isClaimsAction)
          .reduce((state, action) => reduce(state, action, tr, article), mapped);
        return withDrawn(next, value, tr.doc);
      },
    },
    props: {
      decorations: (state) => claimsKey.getState(state)?.drawn,
      handleClick(view: EditorView, pos: number, event: MouseEvent) {
        const id = claimAtClick(claimsState(view.state), pos, event.target as Element | null);
        if (id === null) return false;
        view.dispatch(withActions(view.state.tr, [{ type: 'select', id }]));
        return false;
      },
    },
  });
}
