import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { createClaim, type Claim } from '../core/model';
import { withActions } from './actions';
import { claimsPlugin, claimsState, DRAW_ALL_UP_TO, sortedClaims, type ClaimsAction } from './claims-plugin';
import { windowFor } from './viewport';
import { ArticleDoc } from './positions';
import { SECTION_LINES } from './schema';

const me = { id: 'me', name: 'Me' };
const text = 'First line 😀 with words.\n\nSecond line, more words here.\nThird.';
const article = new ArticleDoc(text);
const claim = (start: number, end: number, label: Claim['label'] = 'sourced') => createClaim(text, 'a', { start, end }, label, me)!;

function stateWith(claims: Claim[]): EditorState {
  return EditorState.create({ doc: article.doc, plugins: [claimsPlugin(article, claims)] });
}

function act(state: EditorState, action: ClaimsAction): EditorState {
  return state.apply(withActions(state.tr, [action]));
}

/** The decorations as [text, claim id] pairs, one per claim (a decoration per inline range). */
function drawn(state: EditorState): [string, string][] {
  return claimsState(state)
    .decorations.find()
    .map((d) => [article.doc.textBetween(d.from, d.to, '\n'), (d.spec as { id: string }).id] as [string, string])
    .sort();
}

function expected(claims: Claim[]): [string, string][] {
  return claims.map((c) => [c.exact, c.id] as [string, string]).sort();
}

describe('claims plugin', () => {
  const a = claim(0, 10);
  const b = claim(text.indexOf('Second'), text.length, 'disputed');
  const c = claim(6, 30, 'opinion');

  it('draws exactly the claims it holds, across lines and astral characters', () => {
    const state = stateWith([a, b, c]);
    expect(drawn(state)).toEqual(expected([a, b, c]));
    expect(sortedClaims(state).map((x) => x.id)).toEqual([a, c, b].map((x) => x.id));
  });

  it('applies changes without rebuilding: same claims in, same decorations out', () => {
    let state = stateWith([a]);
    state = act(state, {
      type: 'apply',
      changes: [
        { before: null, after: b },
        { before: null, after: c },
      ],
    });
    expect(drawn(state)).toEqual(expected([a, b, c]));
    const relabelled = { ...c, label: 'sourced' as const };
    state = act(state, {
      type: 'apply',
      changes: [
        { before: c, after: relabelled },
        { before: a, after: null },
      ],
    });
    expect(drawn(state)).toEqual(expected([b, relabelled]));
    state = act(state, {
      type: 'apply',
      changes: [
        { before: relabelled, after: c },
        { before: null, after: a },
      ],
    });
    expect(drawn(state)).toEqual(drawn(stateWith([a, b, c])));
  });

  it('keeps the very same state object when nothing changed', () => {
    const state = stateWith([a, b]);
    const before = claimsState(state);
    expect(claimsState(state.apply(state.tr))).toBe(before);
    expect(claimsState(act(state, { type: 'apply', changes: [] }))).toBe(before);
    expect(claimsState(act(state, { type: 'select', id: null }))).toBe(before);
  });

  it('marks the selected claim and forgets a selection whose claim is deleted', () => {
    let state = act(stateWith([a, b]), { type: 'select', id: b.id });
    expect(claimsState(state).selected).toBe(b.id);
    expect(drawn(state)).toEqual(expected([a, b]));
    state = act(state, { type: 'apply', changes: [{ before: b, after: null }] });
    expect(claimsState(state).selected).toBeNull();
  });
});

describe('layers', () => {
  const mine = claim(0, 10);
  const theirs = { ...claim(text.indexOf('Second'), text.length, 'disputed'), annotator: { id: 'bea', name: 'Bea' } };

  it("hides and shows an annotator's claims without touching the others", () => {
    let state = stateWith([mine, theirs]);
    state = act(state, { type: 'layers', hidden: new Set(['bea']) });
    expect(drawn(state)).toEqual(expected([mine]));
    expect(claimsState(state).claims.size).toBe(2);
    // Changes to a hidden layer are kept but not drawn.
    const relabelled = { ...theirs, label: 'opinion' as const };
    state = act(state, { type: 'apply', changes: [{ before: theirs, after: relabelled }] });
    expect(drawn(state)).toEqual(expected([mine]));
    state = act(state, { type: 'layers', hidden: new Set() });
    expect(drawn(state)).toEqual(expected([mine, relabelled]));
  });

  it('gives each annotator its own marker, and never changes one when another annotator appears', () => {
    let state = stateWith([mine, theirs]);
    const before = claimsState(state).markers;
    expect(new Set(before.values()).size).toBe(2);
    const third = { ...claim(0, 5, 'opinion'), annotator: { id: 'cy', name: 'Cy' } };
    state = act(state, { type: 'apply', changes: [{ before: null, after: third }] });
    const after = claimsState(state).markers;
    expect(after.get('me')).toBe(before.get('me'));
    expect(after.get('bea')).toBe(before.get('bea'));
    expect(new Set(after.values()).size).toBe(3);
  });

  it('keeps the same state for the same hidden set, and drops a selection that gets hidden', () => {
    let state = act(stateWith([mine, theirs]), { type: 'select', id: theirs.id });
    expect(claimsState(act(state, { type: 'layers', hidden: new Set() }))).toBe(claimsState(state));
    state = act(state, { type: 'layers', hidden: new Set(['bea']) });
    expect(claimsState(state).selected).toBeNull();
  });
});

describe('claims plugin on a long article opened in steps', () => {
  const long = Array.from({ length: SECTION_LINES * 3 }, (_, i) => `Line ${i} of a long report.`).join('\n');
  const doc = new ArticleDoc(long);
  const on = (words: string) => createClaim(long, 'a', { start: long.indexOf(words), end: long.indexOf(words) + words.length }, 'sourced', me)!;
  // One claim crosses the boundary of the first section and the second; the last is in the third section.
  const early = on('Line 5 of');
  const across = on(`report.\nLine ${SECTION_LINES} of`);
  const late = on(`Line ${SECTION_LINES * 2 + 5} of`);

  it('draws a claim only once all its words are in the document, and all of them in the end', () => {
    let state = EditorState.create({ doc: doc.firstSections(1), plugins: [claimsPlugin(doc, [early, across, late])] });
    const ids = (s: EditorState) =>
      claimsState(s)
        .decorations.find()
        .map((d) => (d.spec as { id: string }).id)
        .sort();
    expect(ids(state)).toEqual([early.id]);
    for (const section of doc.sections(1, doc.sectionCount)) state = state.apply(state.tr.insert(state.doc.content.size, section));
    expect(state.doc.eq(doc.doc)).toBe(true);
    expect(ids(state)).toEqual([early.id, across.id, late.id].sort());
    expect(sortedClaims(state)).toHaveLength(3);
  });

  it('draws the claims of several sections appended at once, one claim ending at a section end', () => {
    const lastOfFirst = on(`Line ${SECTION_LINES - 1} of a long report.`);
    let state = EditorState.create({ doc: doc.firstSections(1), plugins: [claimsPlugin(doc, [early, across, late, lastOfFirst])] });
    const ids = () =>
      claimsState(state)
        .decorations.find()
        .map((d) => (d.spec as { id: string }).id)
        .sort();
    expect(ids()).toEqual([early.id, lastOfFirst.id].sort());
    state = state.apply(state.tr.insert(state.doc.content.size, doc.sections(1, doc.sectionCount)));
    expect(ids()).toEqual([early.id, across.id, late.id, lastOfFirst.id].sort());
  });
});

describe('claims plugin on a dense article', () => {
  // More claims than are ever drawn at once: one on every word of 2,000 lines.
  const lines = Array.from({ length: 2_000 }, (_, i) => `Line ${i} has four claims: one two three four.`);
  const dense = lines.join('\n');
  const doc = new ArticleDoc(dense);
  const claims: Claim[] = [];
  let offset = 0;
  for (const line of lines) {
    for (const word of ['one', 'two', 'three', 'four']) {
      const start = offset + line.indexOf(word);
      claims.push(createClaim(dense, 'a', { start, end: start + word.length }, 'sourced', me)!);
    }
    offset += line.length + 1;
  }
  const ids = (set: { find(): { spec: unknown }[] }) => set.find().map((d) => (d.spec as { id: string }).id);

  it('draws only the claims of its window, and all of them when the window moves', () => {
    expect(claims.length).toBeGreaterThan(DRAW_ALL_UP_TO);
    let state = EditorState.create({ doc: doc.doc, plugins: [claimsPlugin(doc, claims)] });
    const inWindow = (s: EditorState) => {
      const { window } = claimsState(s);
      return claims.filter((c) => doc.toPos(c.end) > window.from && doc.toPos(c.start) < window.to).map((c) => c.id);
    };
    expect(ids(claimsState(state).decorations)).toHaveLength(claims.length);
    expect(ids(claimsState(state).drawn).sort()).toEqual(inWindow(state).sort());
    expect(ids(claimsState(state).drawn).length).toBeLessThan(claims.length / 2);
    state = act(state, { type: 'window', window: { from: 60_000, to: 70_000 } });
    expect(ids(claimsState(state).drawn).sort()).toEqual(inWindow(state).sort());
    // The same window again changes nothing.
    expect(claimsState(act(state, { type: 'window', window: { from: 60_000, to: 70_000 } }))).toBe(claimsState(state));
  });

  it('moves the window to a claim selected outside it (revealed from the panel), keeping its size', () => {
    let state = EditorState.create({ doc: doc.doc, plugins: [claimsPlugin(doc, claims)] });
    const last = claims.at(-1)!;
    const size = claimsState(state).window.to - claimsState(state).window.from;
    state = act(state, { type: 'select', id: last.id });
    const { window, drawn } = claimsState(state);
    expect(window.to - window.from).toBe(size);
    expect(ids(drawn)).toContain(last.id);
  });

  it('a window keeps a screen to spare on each side before it moves', () => {
    const current = { from: 1_000, to: 6_000 };
    expect(windowFor(current, { from: 3_000, to: 4_000 }, 100_000)).toBe(current);
    expect(windowFor(current, { from: 4_500, to: 5_500 }, 100_000)).toEqual({ from: 2_500, to: 7_500 });
    expect(windowFor({ from: 0, to: 3_000 }, { from: 0, to: 1_000 }, 100_000)).toEqual({ from: 0, to: 3_000 });
    expect(windowFor({ from: 0, to: 3_000 }, { from: 99_000, to: 100_000 }, 100_000)).toEqual({ from: 97_000, to: 100_000 });
  });
});
