import { describe, expect, it } from 'vitest';
import { ClaimHistory } from './history';
import type { Claim } from './model';

const claim = (label: Claim['label']): Claim => ({
  id: 'c1',
  articleId: 'a',
  label,
  start: 0,
  end: 3,
  exact: 'abc',
  prefix: '',
  suffix: '',
  sources: [],
  annotator: { id: 'u', name: 'U' },
  created: 't',
  modified: 't',
});

describe('ClaimHistory', () => {
  it('undoes and redoes create, relabel and delete in order', () => {
    const history = new ClaimHistory();
    const a = claim('sourced');
    const b = claim('disputed');
    history.record([{ before: null, after: a }]);
    history.record([{ before: a, after: b }]);
    history.record([{ before: b, after: null }]);
    expect(history.undo()).toEqual([{ before: null, after: b }]);
    expect(history.undo()).toEqual([{ before: b, after: a }]);
    expect(history.redo()).toEqual([{ before: a, after: b }]);
    expect(history.undo()).toEqual([{ before: b, after: a }]);
    expect(history.undo()).toEqual([{ before: a, after: null }]);
    expect(history.undo()).toBeNull();
  });

  it('forgets the redo stack when a new action is recorded', () => {
    const history = new ClaimHistory();
    history.record([{ before: null, after: claim('opinion') }]);
    history.undo();
    history.record([{ before: null, after: claim('sourced') }]);
    expect(history.redo()).toBeNull();
  });

  it('tells the next step without moving, so a step is recorded only once stored', () => {
    const history = new ClaimHistory();
    const a = claim('sourced');
    history.record([{ before: null, after: a }]);
    expect(history.nextUndo()).toEqual([{ before: a, after: null }]);
    expect(history.nextUndo()).toEqual([{ before: a, after: null }]);
    expect(history.nextRedo()).toBeNull();
    history.undo();
    expect(history.nextUndo()).toBeNull();
    expect(history.nextRedo()).toEqual([{ before: null, after: a }]);
  });
});
