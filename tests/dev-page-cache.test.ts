import { describe, expect, it } from 'vitest';
import { planRefresh, type CachedPage } from '../src/lib/search/dev-page-cache.ts';

const page = (key: string): CachedPage => ({ key, url: '/cases/x/', content: '<html></html>' });

describe('planRefresh', () => {
  it('fetches new and changed pages only, and forgets deleted ones', () => {
    const cache = new Map([['a', page('1')], ['b', page('1')], ['gone', page('1')]]);
    const { fetch, keep } = planRefresh([{ id: 'a', key: '1' }, { id: 'b', key: '2' }, { id: 'c', key: '1' }], cache);
    expect(fetch).toEqual(['b', 'c']);
    expect([...keep.keys()]).toEqual(['a']);
  });

  it('fetches everything on a cold start', () => {
    expect(planRefresh([{ id: 'a', key: '1' }], new Map()).fetch).toEqual(['a']);
  });
});
