/**
 * The dev search index's page cache: the case pages rendered by the dev server, each kept with the key it was
 * rendered for (its source text plus everything shared: the other collections and a counter of src/ changes).
 * After an edit only the pages whose key changed are fetched again, not every page.
 */
export interface CachedPage {
  key: string;
  url: string;
  content: string;
}

export interface PageSource {
  id: string;
  key: string;
}

/** Which pages to fetch again, and the cache without the pages whose source is gone. */
export function planRefresh(sources: readonly PageSource[], cache: ReadonlyMap<string, CachedPage>): { fetch: string[]; keep: Map<string, CachedPage> } {
  const keep = new Map<string, CachedPage>();
  const fetch: string[] = [];
  for (const { id, key } of sources) {
    const cached = cache.get(id);
    if (cached && cached.key === key) keep.set(id, cached);
    else fetch.push(id);
  }
  return { fetch, keep };
}
