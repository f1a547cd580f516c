import { describe, expect, it } from 'vitest';
import { pageMapProblem, pagesOf } from './pages';

describe('page maps', () => {
  const starts = [0, 10, 25];

  it('gives the pages a range lies on', () => {
    expect(pagesOf(starts, 0, 5)).toEqual([1]);
    expect(pagesOf(starts, 12, 20)).toEqual([2]);
    expect(pagesOf(starts, 8, 12)).toEqual([1, 2]);
    expect(pagesOf(starts, 5, 30)).toEqual([1, 2, 3]);
    // A range that ends where page 2 starts lies on page 1 only.
    expect(pagesOf(starts, 3, 10)).toEqual([1]);
    expect(pagesOf([], 3, 10)).toEqual([]);
  });

  it('refuses maps that do not start at 0, do not ascend, or run past the text', () => {
    expect(pageMapProblem(starts, 30)).toBeNull();
    expect(pageMapProblem([1, 10], 30)).toMatch(/first page/);
    expect(pageMapProblem([0, 10, 10], 30)).toMatch(/page 3 does not start after page 2/);
    expect(pageMapProblem([0, 40], 30)).toMatch(/past the end/);
    expect(pageMapProblem([], 30)).toMatch(/first page/);
  });
});
