import { describe, expect, it } from 'vitest';
import { pagedTitle, pageWindow, type PageLink } from '../src/lib/pagination.ts';

const show = (links: PageLink[]) => links.map((link) => ('gap' in link ? '…' : link.current ? `[${link.page}]` : String(link.page))).join(' ');

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(show(pageWindow(1, 1))).toBe('[1]');
    expect(show(pageWindow(2, 3))).toBe('1 [2] 3');
  });

  it('keeps first, last and the neighbours, with gaps', () => {
    expect(show(pageWindow(10, 20))).toBe('1 … 8 9 [10] 11 12 … 20');
    expect(show(pageWindow(1, 20))).toBe('[1] 2 3 … 20');
    expect(show(pageWindow(20, 20))).toBe('1 … 18 19 [20]');
  });

  it('never hides a single page behind a gap', () => {
    expect(show(pageWindow(5, 9))).toBe('1 2 3 4 [5] 6 7 8 9');
    expect(show(pageWindow(4, 9, 1))).toBe('1 2 3 [4] 5 … 9');
  });

  it('is empty without pages', () => {
    expect(pageWindow(1, 0)).toEqual([]);
  });
});

describe('pagedTitle', () => {
  it('numbers pages after the first', () => {
    expect(pagedTitle('志愿服务', 1)).toBe('志愿服务');
    expect(pagedTitle('志愿服务', 2)).toBe('志愿服务（第 2 页）');
  });
});
