/**
 * The side panel: the open article's claims in text order with label, quote, note and sources;
 * the selected claim opens its editor (label, note, sources, delete) when it is yours. It is
 * the plugin view of the article's editor: `update(view, prevState)` draws it from the editor's
 * state when the claims or the article state changed, and it asks for every change by
 * dispatching an intent (to the app) or an action (to the editor's state). It is made of parts
 * (src/ui/panel/), each `{ dom, update(data), destroy() }`: layers, filters, the claim list, the
 * waiting sections and the compare view.
 */
import { Plugin, type EditorState } from 'prosemirror-state';
import { isOrphan, type Article, type Claim } from '../core/model';
import { articleState, type ArticleAction } from '../editor/article-state';
import { claimsState, sortedClaims } from '../editor/claims-plugin';
import { h } from './dom';
import type { ArticleHost } from './intents';
import { ClaimListPart } from './panel/claim-list';
import { ComparePart } from './panel/compare-part';
import { FiltersPart } from './panel/filters';
import { LayersPart } from './panel/layers';
import type { AnnotatorCount, PanelData, PanelPart } from './panel/part';
import { orphansSection, unlabelledSection } from './panel/side-sections';

/** The claim panel of one article. */
export class ClaimPanel {
  readonly element: HTMLElement;
  private readonly heading = h('h2', { id: 'claims-title' }, 'Claims');
  private readonly list: ClaimListPart;
  private readonly listView: HTMLElement;
  private readonly parts: PanelPart[];
  /** Claims per annotator, counted once per claims map (selecting a claim keeps the map). */
  private annotators: { of: ReadonlyMap<string, Claim>; counted: ReadonlyMap<string, AnnotatorCount> } | null = null;

  constructor(
    private readonly host: ArticleHost,
    article: () => Article,
    /** Sends actions to the editor's state: filters, the compare view. */
    act: (...actions: ArticleAction[]) => void,
  ) {
    const context = { host, act };
    const layers = new LayersPart(context);
    const filters = new FiltersPart(context);
    const unlabelled = unlabelledSection(context);
    this.list = new ClaimListPart(context, this.heading, () => this.element);
    const orphans = orphansSection(context);
    const compare = new ComparePart(context, article);
    this.parts = [layers, filters, unlabelled, this.list, orphans, compare];
    this.listView = h('div', {}, filters.dom, unlabelled.dom, this.list.dom, orphans.dom);
    this.element = h(
      'aside',
      { class: 'claim-panel', 'aria-labelledby': 'claims-title' },
      h(
        'div',
        { class: 'panel-header' },
        this.heading,
        h('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': 'Control+Z', onclick: () => host.dispatch({ type: 'undo' }) }, 'Undo'),
        h('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': 'Control+Shift+Z', onclick: () => host.dispatch({ type: 'redo' }) }, 'Redo'),
      ),
      layers.dom,
      this.listView,
      compare.dom,
    );
  }

  /** The panel as the plugin view of the editor: drawn from its state, and again whenever that changes. */
  plugin(): Plugin {
    return new Plugin({
      view: (view) => {
        this.update(view.state, null);
        return { update: (next, prev) => this.update(next.state, prev), destroy: () => this.destroy() };
      },
    });
  }

  /**
   * Draws the panel for `state` when what it shows changed since `prev`: the claims, the
   * selection, the layers, or the article state. Sections of a long article arriving change
   * none of these.
   */
  update(state: EditorState, prev: EditorState | null): void {
    const [claims, article] = [claimsState(state), articleState(state)];
    const [was, wasArticle] = prev ? [claimsState(prev), articleState(prev)] : [null, null];
    const same =
      was &&
      was.claims === claims.claims &&
      was.selected === claims.selected &&
      was.hidden === claims.hidden &&
      was.markers === claims.markers &&
      was.flash === claims.flash;
    if (same && wasArticle === article) return;
    const all = sortedClaims(state);
    const data: PanelData = { state, claims, article, all, orphans: all.filter(isOrphan), annotators: this.countAnnotators(claims.claims) };
    this.listView.hidden = article.compare.open;
    for (const part of this.parts) part.update(data);
    if (!same) this.list.scrollToSelected();
  }

  /** The annotators with claims here, you first, then by name; counted again only when the claims change. */
  private countAnnotators(claims: ReadonlyMap<string, Claim>): ReadonlyMap<string, AnnotatorCount> {
    if (this.annotators?.of !== claims) {
      const counted = new Map<string, AnnotatorCount>();
      for (const claim of claims.values()) {
        const entry = counted.get(claim.annotator.id) ?? { name: claim.annotator.name, count: 0, mine: this.host.isMine(claim) };
        entry.count++;
        counted.set(claim.annotator.id, entry);
      }
      const sorted = [...counted].sort(([, a], [, b]) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name));
      this.annotators = { of: claims, counted: new Map(sorted) };
    }
    return this.annotators.counted;
  }

  /** Stops what watches the panel (the view is closing). */
  destroy(): void {
    for (const part of this.parts) part.destroy?.();
  }
}
