/**
 * What the bench runs inside the page, bundled by esbuild and injected: our re-anchoring and
 * agreement (the app's core), and the peers, so every figure is taken in the same browser.
 */
import { createTextAnnotator } from '@recogito/text-annotator';
import { toTextPosition } from 'dom-anchor-text-quote';
import { alpha } from 'krippendorff';
import { buildUnits, krippendorffNominal, type Span } from '../src/core/agreement';
import { agreementReport } from '../src/core/agreement-report';
import { anchorAll, type Selectors } from '../src/core/anchor';
import type { ArticleBundle } from '../src/core/format/export';
import { Schema, type Node } from 'prosemirror-model';
import { EditorState, Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { ArticleEditor } from '../src/editor/article-editor';
import { articleSchema, SECTION_LINES } from '../src/editor/schema';
import type { Claim } from '../src/core/model';
import { matchQuote } from './peers/hypothesis';

/** The app's schema without sections: every paragraph a child of the document. */
const flatSchema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*', toDOM: () => ['p', 0] }, text: {} },
});

/** A document of `lines` lines, flat or in sections of SECTION_LINES as the app builds it. */
function linesDoc(lines: readonly string[], shape: 'flat' | 'sections'): Node {
  const para = (schema: Schema, line: string) => schema.node('paragraph', null, line ? [schema.text(line)] : []);
  if (shape === 'flat')
    return flatSchema.node(
      'doc',
      null,
      lines.map((l) => para(flatSchema, l)),
    );
  const sections: Node[] = [];
  for (let i = 0; i < lines.length; i += SECTION_LINES) {
    sections.push(
      articleSchema.node(
        'section',
        null,
        lines.slice(i, i + SECTION_LINES).map((l) => para(articleSchema, l)),
      ),
    );
  }
  return articleSchema.node('doc', null, sections);
}

/** Milliseconds for `work`, in the page. */
function timed(work: () => unknown): number {
  const t0 = performance.now();
  work();
  return performance.now() - t0;
}

const api = {
  /** Our re-anchoring of every claim; returns the time and how many found a place. */
  ours(claims: Selectors[], text: string) {
    let placed = 0;
    const ms = timed(() => (placed = anchorAll(claims, text).filter((r) => r.status !== 'orphan').length));
    return { ms, placed };
  },
  /** The Hypothesis-style peer, one claim at a time, with its old start as the hint. */
  hypothesis(claims: Selectors[], text: string) {
    let placed = 0;
    const ms = timed(() => {
      for (const c of claims) if (matchQuote(text, c.exact, { prefix: c.prefix, suffix: c.suffix, hint: c.start })) placed++;
    });
    return { ms, placed };
  },
  /**
   * dom-anchor-text-quote on a DOM holding the text. Its fuzzy search (diff-match-patch) throws
   * "Pattern too long" for a quote over 32 characters that is not there exactly: counted as failed.
   */
  domAnchor(claims: Selectors[], text: string) {
    const root = document.createElement('div');
    root.textContent = text;
    let placed = 0;
    let failed = 0;
    const ms = timed(() => {
      for (const c of claims) {
        try {
          if (toTextPosition(root, { exact: c.exact, prefix: c.prefix, suffix: c.suffix }, { hint: c.start })) placed++;
        } catch {
          failed++;
        }
      }
    });
    return { ms, placed, failed };
  },
  /**
   * The rendering peer: @recogito/text-annotator showing the same claims on the same text (one
   * pre-wrapped text node, so its character offsets are ours), already laid out and painted as
   * ours is; from its creation at the start of a frame, as ours starts, to the frame after its
   * highlights are painted. It draws them later than `setAnnotations` returns (10 ms on, in an
   * animation frame): the clock stops after the frame in which its highlight layer fills. Its
   * default renderer (positioned spans over what is on screen): its CSS_HIGHLIGHTS one (4.1.1)
   * throws "Failed to construct 'Highlight'" for annotations given by offsets, and paints
   * nothing. (Started at any moment instead, it would wait for the next frame half as long on
   * average: the figures count frames, and both must start at the same point of one.)
   */
  async recogito(claims: Selectors[], text: string): Promise<{ ms: number; placed: number }> {
    document.body.replaceChildren();
    const container = document.createElement('div');
    container.style.whiteSpace = 'pre-wrap';
    container.textContent = text;
    document.body.append(container);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const t0 = performance.now();
    const annotator = createTextAnnotator(container);
    const layer = container.querySelector('.r6o-span-highlight-layer')!;
    const drawn = new Promise<void>((resolve) => new MutationObserver((_, observer) => (observer.disconnect(), resolve())).observe(layer, { childList: true }));
    annotator.setAnnotations(
      claims.map((c, i) => ({
        id: `c${i}`,
        bodies: [],
        target: { annotation: `c${i}`, selector: [{ quote: c.exact, start: c.start, end: c.end }] },
      })) as never,
      true,
    );
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the peer drew no highlight in 10 s')), 10_000));
    await Promise.race([drawn, late]);
    const ms = await new Promise<number>((resolve) => setTimeout(() => resolve(performance.now() - t0), 0));
    const placed = layer.childElementCount;
    annotator.destroy();
    return { ms, placed };
  },
  /**
   * Ours doing the rendering peer's work: the app's editor showing the text with no claims (all
   * of it in the page, as the peer's is), then the same claims loaded into its state; from the
   * load to the frame after the highlights are painted. No IndexedDB, no claim panel.
   */
  async ourPaint(claims: Selectors[], text: string): Promise<{ ms: number; placed: number }> {
    const parent = document.createElement('div');
    document.body.replaceChildren(parent);
    const editor = new ArticleEditor(parent, text, [], { onLabel: () => {}, plugins: [] });
    // Every section in the document at once (selecting the end reaches it), then no focus or
    // selection left, as the peer has none, and two frames for it all to be laid out and painted.
    editor.selectRange({ start: text.length, end: text.length });
    editor.view.dom.blur();
    getSelection()?.removeAllRanges();
    scrollTo(0, 0);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const annotator = { id: 'bench', name: 'Bench' };
    const loaded: Claim[] = claims.map((c, i) => ({
      ...c,
      id: `c${i}`,
      articleId: 'bench',
      label: 'sourced',
      sources: [],
      annotator,
      created: '',
      modified: '',
    }));
    const t0 = performance.now();
    editor.dispatch({ type: 'load', claims: loaded });
    const ms = await new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)));
    const placed = editor.state().decorations.find().length;
    editor.destroy();
    return { ms, placed };
  },
  /**
   * One decoration added and then removed on a document of `lines` lines carrying `claims`
   * inline decorations, flat or in sections: milliseconds for the DecorationSet change alone,
   * and for the whole view update (the decorations diffed and the DOM patched), median of 9.
   */
  decorationChange(lines: string[], shape: 'flat' | 'sections', claims: number): { set: number; view: number } {
    const doc = linesDoc(lines, shape);
    const key = new PluginKey<DecorationSet>('bench');
    const step = Math.floor((doc.content.size - 10) / claims);
    const decorations = Array.from({ length: claims }, (_, i) => Decoration.inline(1 + i * step, 1 + i * step + 5, { class: 'claim' }));
    const plugin = new Plugin<DecorationSet>({
      key,
      state: { init: (_c, state) => DecorationSet.create(state.doc, decorations), apply: (tr, value) => tr.getMeta(key) ?? value },
      props: { decorations: (state) => key.getState(state) },
    });
    const parent = document.createElement('div');
    document.body.replaceChildren(parent);
    const view = new EditorView(parent, { state: EditorState.create({ doc, plugins: [plugin] }) });
    const setTimes: number[] = [];
    const viewTimes: number[] = [];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    for (let i = 0; i < 9; i++) {
      const at = Math.floor(doc.content.size * ((i + 0.5) / 9));
      const extra = Decoration.inline(at, at + 3, { class: 'claim' });
      for (const change of [(set: DecorationSet) => set.add(view.state.doc, [extra]), (set: DecorationSet) => set.remove([extra])]) {
        const t0 = performance.now();
        const next = change(key.getState(view.state)!);
        setTimes.push(performance.now() - t0);
        viewTimes.push(timed(() => view.dispatch(view.state.tr.setMeta(key, next))));
      }
    }
    view.destroy();
    return { set: median(setTimes), view: median(viewTimes) };
  },
  /**
   * Krippendorff's alpha (nominal) over the labels of the claims' units, ours and the
   * `krippendorff` package's on the same units; both values, to check they agree.
   */
  alpha(claims: Claim[]) {
    const byAnnotator = new Map<string, Span[]>();
    for (const c of claims) byAnnotator.set(c.annotator.id, [...(byAnnotator.get(c.annotator.id) ?? []), { ...c, annotator: c.annotator.id }]);
    const units = buildUnits(byAnnotator);
    const coders = [...byAnnotator.keys()];
    let ours = 0;
    let theirs = 0;
    const oursMs = timed(() => (ours = krippendorffNominal(units.map((u) => [...u.claims.values()].map((s) => s.label))).value ?? NaN));
    const peerMs = timed(() => (theirs = alpha(coders.map((who) => units.map((u) => u.claims.get(who)?.label)))));
    return { oursMs, peerMs, ours, theirs, units: units.length };
  },
  /** The full agreement report of the bundles, as the comparison view computes it. */
  agreement(bundles: ArticleBundle[]) {
    return { ms: timed(() => agreementReport(bundles)) };
  },
};

(globalThis as unknown as { benchCore: typeof api }).benchCore = api;
