/**
 * Paints the drawn claims (claims-plugin.ts, `drawn`) with the CSS Custom Highlight API: one
 * StaticRange per claim, in a highlight for its label and lane and one for its annotator's
 * marker, styled by the `::highlight()` rules of styles.css. No element per claim, so opening
 * an article, labelling and selecting change no layout of the text, only its paint, and the
 * browser paints only what is on screen. The selected claim is the exception: it is a real
 * <mark> (`marked`), which this painter leaves to ProseMirror. Clicks and the tooltip find the
 * claims under the pointer by the browser's own hit test of the highlights.
 *
 * Lanes keep overlapping claims apart: each claim takes the lowest lane free where it starts,
 * and each lane draws its underline further below the text. The highlight names belong to the
 * page, so one article editor paints at a time (the app has one).
 */
import type { Node } from 'prosemirror-model';
import { Plugin, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { LABELS, type Label } from '../core/model';
import { withActions } from './actions';
import { claimsState, clickedClaim, describeClaim, innermostFirst, MARKERS, type ClaimSpec, type ClaimsState } from './claims-plugin';

/** Underline lanes; claims overlapping more deeply share the last one. */
export const LANES = 3;

/** The highlight painting claims of `label` in `lane` (styles.css has a rule for each). */
export function labelHighlight(label: Label, lane: number): string {
  return lane ? `claim-${label}-${lane}` : `claim-${label}`;
}

/** The highlight painting the marker of annotators with marker `layer`. */
export function layerHighlight(layer: number): string {
  return `claim-layer-${layer}`;
}

/** One painted claim: its range and where it is painted. */
interface Painted {
  range: StaticRange;
  from: number;
  to: number;
  label: string;
  /** No marker while the article has one annotator's claims only: there is no one to tell apart. */
  layer: string | null;
}

/** The lane of each range, `sorted` by start and, at one start, longest first. */
export function lanesOf(sorted: readonly { from: number; to: number }[]): number[] {
  const ends: number[] = new Array<number>(LANES).fill(-1);
  return sorted.map((d) => {
    let lane = ends.findIndex((end) => end <= d.from);
    if (lane < 0) lane = LANES - 1;
    ends[lane] = Math.max(ends[lane]!, d.to);
    return lane;
  });
}

/** The range of text between two document positions, as DOM boundaries. */
function rangeOf(view: EditorView, from: number, to: number): StaticRange {
  const start = view.domAtPos(from, 1);
  const end = view.domAtPos(to, -1);
  return new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
}

/** The positions from the start of the line holding `from` to the end of the line holding `to`. */
function linesAround(doc: Node, from: number, to: number): [number, number] {
  return [doc.resolve(Math.min(from, doc.content.size)).start(), doc.resolve(Math.min(to, doc.content.size)).end()];
}

/** Keeps the page's claim highlights equal to what an editor's state draws. */
class Painter {
  private painted = new Map<string, Painted>();
  /** Which claim each painted range is. */
  private readonly claimOf = new Map<AbstractRange, string>();
  private readonly highlights = new Map<string, Highlight>();

  constructor(private readonly view: EditorView) {
    const names = [...LABELS.flatMap((label) => Array.from({ length: LANES }, (_, lane) => labelHighlight(label, lane)))];
    for (let layer = 0; layer < MARKERS; layer++) names.push(layerHighlight(layer));
    for (const name of names) {
      const highlight = new Highlight();
      this.highlights.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    this.paint(claimsState(view.state), null);
  }

  update(view: EditorView, before: EditorState): void {
    const [state, old] = [claimsState(view.state), claimsState(before)];
    if (state.drawn !== old.drawn || state.marked !== old.marked) this.paint(state, old);
  }

  /**
   * Brings the ranges up to date with `state`, touching only claims whose place, label, lane or
   * marker changed, and those on the lines where the selected <mark> came or went: ProseMirror
   * redrew those lines' text, so their old ranges point at text that is gone.
   */
  private paint(state: ClaimsState, old: ClaimsState | null): void {
    const { doc } = this.view.state;
    const stale = new Set<string>();
    if (old && old.marked !== state.marked) {
      for (const mark of [...old.marked.find(), ...state.marked.find()]) {
        for (const d of state.drawn.find(...linesAround(doc, mark.from, mark.to))) stale.add((d.spec as ClaimSpec).id);
      }
    }
    const markedIds = new Set(state.marked.find().map((d) => (d.spec as ClaimSpec).id));
    const sorted = state.drawn.find().sort((a, b) => a.from - b.from || b.to - a.to);
    const lanes = lanesOf(sorted);
    const layered = state.markers.size > 1;
    const next = new Map<string, Painted>();
    sorted.forEach((d, i) => {
      const { id, label: claimLabel, layer: claimLayer } = d.spec as ClaimSpec;
      if (markedIds.has(id)) return;
      const [label, layer] = [labelHighlight(claimLabel, lanes[i]!), layered ? layerHighlight(claimLayer) : null];
      const was = this.painted.get(id);
      if (was) {
        this.painted.delete(id);
        if (was.from === d.from && was.to === d.to && was.label === label && was.layer === layer && !stale.has(id)) {
          next.set(id, was);
          return;
        }
        this.unpaint(was);
      }
      const range = rangeOf(this.view, d.from, d.to);
      this.highlights.get(label)!.add(range);
      if (layer) this.highlights.get(layer)!.add(range);
      this.claimOf.set(range, id);
      next.set(id, { range, from: d.from, to: d.to, label, layer });
    });
    for (const gone of this.painted.values()) this.unpaint(gone);
    this.painted = next;
  }

  private unpaint(painted: Painted): void {
    this.highlights.get(painted.label)!.delete(painted.range);
    if (painted.layer) this.highlights.get(painted.layer)!.delete(painted.range);
    this.claimOf.delete(painted.range);
  }

  /**
   * The painted claims at a pointer's point, as the browser hit-tests its highlights; where it
   * cannot (no `highlightsFromPoint`), those around the text position there.
   */
  claimsAt(event: MouseEvent): string[] {
    const registry = CSS.highlights as HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => { ranges: AbstractRange[] }[] };
    if (registry.highlightsFromPoint) {
      return registry.highlightsFromPoint(event.clientX, event.clientY).flatMap((hit) => hit.ranges.flatMap((r) => this.claimOf.get(r) ?? []));
    }
    const at = this.view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (!at) return [];
    return claimsState(this.view.state)
      .drawn.find(at.pos, at.pos)
      .filter((d) => d.from <= at.pos && d.to > at.pos)
      .map((d) => (d.spec as ClaimSpec).id);
  }

  destroy(): void {
    for (const [name, highlight] of this.highlights) if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
  }
}

/** The claims under the pointer: the painted ones at its point and the <mark> it is in. */
function claimsUnder(painter: Painter | null, event: MouseEvent): string[] {
  const marks: string[] = [];
  for (
    let el = event.target instanceof Element ? event.target.closest('mark[data-claim-id]') : null;
    el;
    el = el.parentElement?.closest('mark[data-claim-id]') ?? null
  ) {
    marks.push(el.getAttribute('data-claim-id')!);
  }
  return painter ? [...painter.claimsAt(event), ...marks] : marks;
}

/**
 * The painter as a plugin: the selected claim's <mark> as ProseMirror's decorations, clicks on
 * claims, and the tooltip and pointer that a painted claim, having no element, cannot carry.
 * A browser without the highlight API draws every claim as a <mark> instead.
 */
export function highlightsPlugin(): Plugin {
  const paints = typeof CSS !== 'undefined' && 'highlights' in CSS;
  let painter: Painter | null = null;
  return new Plugin({
    view: (view) => {
      const made = paints ? new Painter(view) : null;
      painter = made;
      return { update: (v, before) => made?.update(v, before), destroy: () => made?.destroy() };
    },
    props: {
      decorations: (state) => (paints ? claimsState(state).marked : claimsState(state).drawn),
      handleClick(view, _pos, event) {
        const id = clickedClaim(claimsState(view.state), claimsUnder(painter, event));
        if (id !== null) view.dispatch(withActions(view.state.tr, [{ type: 'select', id }]));
        return false;
      },
      handleDOMEvents: {
        mousemove(view, event) {
          const claim = innermostFirst(claimsState(view.state), claimsUnder(painter, event))[0];
          view.dom.classList.toggle('over-claim', claim !== undefined);
          if (!claim) view.dom.removeAttribute('title');
          else if (view.dom.title !== describeClaim(claim)) view.dom.title = describeClaim(claim);
          return false;
        },
      },
    },
  });
}
