/**
 * The search engine the search page runs: exact-substring lookups in the CJK sidecar, ranking by where
 * the phrase stands (title, lead, body) and date, filter counts, and the Pagefind fragments for the
 * result list. No DOM here; `load` fetches a file of the Pagefind bundle (a path relative to it).
 */
import { decodePostings, gramLookupIsExact, intersectSorted, shardOf, termGrams } from './grams.ts';
import { normalise, queryTerms, type FoldTable } from './normalize.ts';
import { abbreviations, coverageGrams, nearMissBelow, nearMissScore, queryVariants, rankNearMisses, type NearMissScore, type VariantPairs } from './near-miss.ts';
import {
  filterLabels,
  leadPrefix,
  sidecarDir,
  sidecarPaths,
  titlePrefix,
  type FilterKey,
  type FilterPostings,
  type GramShard,
  type PageBlock,
  type SidecarMeta,
} from './sidecar.ts';

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface Loader {
  json<T>(path: string): Promise<T>;
  /** A Pagefind fragment file, already decompressed and decoded. */
  fragment(hash: string): Promise<Fragment>;
}

export type SortOrder = 'relevance' | 'date';
export type FilterSelection = Partial<Record<FilterKey, string>>;

export interface SearchOptions {
  filters?: FilterSelection;
  sort?: SortOrder;
}

export interface SearchOutcome {
  terms: string[];
  /** The query had text but nothing to search for once normalised (only punctuation, e.g. `%` or `“”、。`). */
  empty: boolean;
  /** Pages in result order. */
  pages: number[];
  /**
   * Whether every page in `pages` is known to contain every term, so `pages.length` and `counts` are
   * exact. False only when a long term matched more than `verifyLimit` candidate pages: those are
   * checked as they are shown.
   */
  exact: boolean;
  /** For each filter key, value → number of results with that value (given the other selected filters). */
  counts: Record<string, Record<string, number>>;
  /** Where each page's best match stands: 3 title, 2 lead, 1 body. */
  tier: Map<number, number>;
}

export interface NearMisses {
  /** Pages best first; none of them is an exact result. */
  pages: number[];
  /** Each page's score and the stretches of the query it contains (what to highlight). */
  scores: Map<number, NearMissScore>;
}

/**
 * Candidates of a long term (more than 4 characters: a superset from its 4-grams) are checked against
 * their fragments before anything is counted, so the count is what is shown; beyond this many the
 * count is an estimate and pages are checked as they are shown.
 */
export const verifyLimit = 40;

export interface ResultItem {
  page: number;
  url: string;
  title: string;
  meta: Record<string, string>;
  content: string;
  tier: number;
}

/**
 * Whether to look for near misses: the query found fewer than `nearMissBelow` pages, and none of them
 * has it in its title (a reader who typed a headline has found the page).
 */
export function wantsNearMisses(outcome: SearchOutcome): boolean {
  return !outcome.empty && outcome.terms.length > 0 && outcome.pages.length < nearMissBelow && !outcome.pages.some((page) => outcome.tier.get(page) === 3);
}

/** Decides the order of candidate pages: tier (title > lead > body), then newest first. */
export function rankPages(candidates: number[], tierOf: (page: number) => number, sort: SortOrder): number[] {
  if (sort === 'date') return [...candidates].sort((a, b) => a - b);
  return [...candidates].sort((a, b) => tierOf(b) - tierOf(a) || a - b);
}

/** Whether a fragment really contains every term (folded), in its title or its text. */
export function fragmentContains(fragment: Pick<Fragment, 'content' | 'meta'>, terms: string[], fold: FoldTable): boolean {
  const text = normalise(`${fragment.meta.title ?? ''} ${fragment.content}`, fold).text;
  return terms.every((term) => text.includes(term));
}

export class SearchEngine {
  #loader: Loader;
  #meta?: Promise<SidecarMeta>;
  #fold?: Promise<FoldTable>;
  #foldLoaded: FoldTable = {};
  #shards = new Map<number, Promise<GramShard>>();
  #blocks = new Map<number, Promise<PageBlock>>();
  #filters?: Promise<Record<string, Record<string, number[]>>>;
  #fragments = new Map<number, Promise<Fragment>>();
  #verified = new Map<string, boolean>();
  #variantPairs: VariantPairs;

  /** `variantPairs`: rewrites tried for near misses (abbreviations, region names; see near-miss.ts). */
  constructor(loader: Loader, variantPairs: VariantPairs = abbreviations) {
    this.#loader = loader;
    this.#variantPairs = variantPairs;
  }

  /** Loads what every query needs: the sidecar's meta. */
  init(): Promise<SidecarMeta> {
    this.#meta ??= this.#loader.json<SidecarMeta>(`${sidecarDir}/${sidecarPaths.meta}`);
    return this.#meta;
  }

  /**
   * The traditional→simplified table, fetched only once a query needs it: the index text is folded,
   * so a query in simplified characters never does; one that finds nothing as typed is folded and rerun.
   */
  loadFoldTable(): Promise<FoldTable> {
    this.#fold ??= this.#loader.json<FoldTable>(`${sidecarDir}/${sidecarPaths.fold}`).then((table) => {
      // Checks made without the table may differ with it.
      this.#verified.clear();
      return (this.#foldLoaded = table);
    });
    return this.#fold;
  }

  /** The fold table if it has been loaded, else an empty one. */
  foldTable(): FoldTable {
    return this.#foldLoaded;
  }

  #shard(n: number): Promise<GramShard> {
    let shard = this.#shards.get(n);
    if (!shard) {
      shard = this.#loader.json<GramShard>(`${sidecarDir}/${sidecarPaths.shard(n)}`);
      this.#shards.set(n, shard);
    }
    return shard;
  }

  #filterPostings() {
    this.#filters ??= this.#loader.json<FilterPostings>(`${sidecarDir}/${sidecarPaths.filters}`).then((file) => {
      const decoded: Record<string, Record<string, number[]>> = {};
      for (const [key, values] of Object.entries(file)) {
        decoded[key] = {};
        for (const [value, postings] of Object.entries(values)) decoded[key][value] = decodePostings(postings);
      }
      return decoded;
    });
    return this.#filters;
  }

  async #postings(gram: string, shards: number): Promise<{ all: number[]; title: number[]; lead: number[] }> {
    const shard = await this.#shard(shardOf(gram, shards));
    return {
      all: decodePostings(shard[gram] ?? ''),
      title: decodePostings(shard[titlePrefix + gram] ?? ''),
      lead: decodePostings(shard[leadPrefix + gram] ?? ''),
    };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    const outcome = await this.#search(query, options, this.#foldLoaded);
    if (outcome.pages.length > 0 || !/[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u.test(query) || this.#fold) return outcome;
    const fold = await this.loadFoldTable();
    return this.#search(query, options, fold);
  }

  async #search(query: string, options: SearchOptions, fold: FoldTable): Promise<SearchOutcome> {
    const meta = await this.init();
    const terms = queryTerms(query, fold);
    const filterPromise = this.#filterPostings();
    const tier = new Map<number, number>();
    let candidates: number[];
    const empty = terms.length === 0 && query.trim() !== '';
    if (empty) {
      candidates = [];
    } else if (terms.length === 0) {
      candidates = Array.from({ length: meta.pages }, (_, i) => i);
    } else {
      const perTerm = await Promise.all(
        terms.map(async (term) => {
          const lists = await Promise.all(termGrams(term).map((gram) => this.#postings(gram, meta.shards)));
          return {
            all: intersectSorted(lists.map((l) => l.all)),
            title: intersectSorted(lists.map((l) => l.title)),
            lead: intersectSorted(lists.map((l) => l.lead)),
          };
        }),
      );
      candidates = intersectSorted(perTerm.map((t) => t.all));
      // A page's tier is the weakest place among its terms' best places (all terms in the title → 3).
      const inTitle = perTerm.map((t) => new Set(t.title));
      const inLead = perTerm.map((t) => new Set(t.lead));
      for (const page of candidates) {
        let pageTier = 3;
        for (let i = 0; i < terms.length; i++) {
          pageTier = Math.min(pageTier, inTitle[i].has(page) ? 3 : inLead[i].has(page) ? 2 : 1);
        }
        tier.set(page, pageTier);
      }
    }
    let exact = terms.every(gramLookupIsExact);
    if (!exact && candidates.length <= verifyLimit) {
      const checks = await Promise.all(candidates.map((page) => this.#contains(page, terms, fold)));
      candidates = candidates.filter((_, i) => checks[i]);
      exact = true;
    }
    const filters = await filterPromise;
    const selection = options.filters ?? {};
    const member = (key: string, value: string) => new Set(filters[key]?.[value] ?? []);
    const selected = Object.entries(selection).filter(([, value]) => value) as [FilterKey, string][];
    const selectedSets = new Map(selected.map(([key, value]) => [key, member(key, value)]));
    const passes = (page: number, except?: string) =>
      [...selectedSets].every(([key, set]) => key === except || set.has(page));

    const counts: Record<string, Record<string, number>> = {};
    for (const key of Object.keys(filterLabels)) {
      const base = candidates.filter((page) => passes(page, key));
      const baseSet = new Set(base);
      counts[key] = {};
      for (const [value, pages] of Object.entries(filters[key] ?? {})) {
        let n = 0;
        for (const page of pages) if (baseSet.has(page)) n++;
        counts[key][value] = n;
      }
    }
    const filtered = candidates.filter((page) => passes(page));
    const pages = rankPages(filtered, (page) => tier.get(page) ?? 1, options.sort ?? 'relevance');
    return { terms, empty, pages, exact, counts, tier };
  }

  /** Whether a page really contains every term (checked on its fragment once, then remembered). */
  async #contains(page: number, terms: string[], fold: FoldTable): Promise<boolean> {
    const key = `${page}\u0000${terms.join('\u0000')}`;
    let ok = this.#verified.get(key);
    if (ok === undefined) {
      ok = fragmentContains(await this.fragment(page), terms, fold);
      this.#verified.set(key, ok);
    }
    return ok;
  }

  /**
   * Pages that contain part of the query (see near-miss.ts), within the selected filters, leaving out
   * the exact results (`outcome.pages`). Runs on the same gram shards as the exact search.
   */
  async nearMisses(query: string, outcome: SearchOutcome, options: SearchOptions = {}): Promise<NearMisses> {
    const meta = await this.init();
    const fold = this.#foldLoaded;
    const termVariants = queryTerms(query, fold).map((term) => queryVariants(term, this.#variantPairs));
    const grams = [...new Set(termVariants.flat().flatMap(coverageGrams))];
    const lists = await Promise.all(grams.map((gram) => this.#postings(gram, meta.shards)));
    const pagesWith = new Map(grams.map((gram, i) => [gram, new Set(lists[i].all)]));
    const pagesLeading = new Map(grams.map((gram, i) => [gram, new Set([...lists[i].title, ...lists[i].lead])]));
    const filters = await this.#filterPostings();
    const selected = Object.entries(options.filters ?? {}).flatMap(([key, value]) => (value ? [new Set(filters[key]?.[value] ?? [])] : []));
    const passes = (page: number) => selected.every((set) => set.has(page));
    const exactPages = new Set(outcome.pages);
    const candidates = new Set<number>();
    for (const list of lists) for (const page of list.all) if (!exactPages.has(page)) candidates.add(page);
    const scores = new Map<number, NearMissScore>();
    for (const page of candidates) {
      if (!passes(page)) continue;
      scores.set(
        page,
        nearMissScore(termVariants, (gram) => pagesWith.get(gram)?.has(page) ?? false, (gram) => pagesLeading.get(gram)?.has(page) ?? false),
      );
    }
    const pages = rankNearMisses(scores);
    return { pages, scores: new Map(pages.map((page) => [page, scores.get(page)!])) };
  }

  async fragment(page: number): Promise<Fragment> {
    let fragment = this.#fragments.get(page);
    if (!fragment) {
      fragment = (async () => {
        const meta = await this.init();
        const blockNo = Math.floor(page / meta.block);
        let block = this.#blocks.get(blockNo);
        if (!block) {
          block = this.#loader.json<PageBlock>(`${sidecarDir}/${sidecarPaths.block(blockNo)}`);
          this.#blocks.set(blockNo, block);
        }
        const hash = (await block)[page % meta.block];
        return this.#loader.fragment(hash);
      })();
      this.#fragments.set(page, fragment);
    }
    return fragment;
  }

  /**
   * The results from position `start` on, `count` of them, with their fragments. Pages that only
   * matched the trigram superset of a long term and turn out not to contain it are skipped (and
   * remembered), so every item shown contains every term.
   */
  async results(outcome: SearchOutcome, start: number, count: number): Promise<{ items: ResultItem[]; next: number }> {
    const fold = this.#foldLoaded;
    const items: ResultItem[] = [];
    let position = start;
    while (items.length < count && position < outcome.pages.length) {
      const batch = outcome.pages.slice(position, position + (count - items.length));
      const fragments = await Promise.all(batch.map((page) => this.fragment(page)));
      batch.forEach((page, i) => {
        const fragment = fragments[i];
        if (!outcome.exact) {
          const key = `${page}\u0000${outcome.terms.join('\u0000')}`;
          let ok = this.#verified.get(key);
          if (ok === undefined) {
            ok = fragmentContains(fragment, outcome.terms, fold);
            this.#verified.set(key, ok);
          }
          if (!ok) return;
        }
        items.push({
          page,
          url: fragment.url,
          title: fragment.meta.title ?? fragment.url,
          meta: fragment.meta,
          content: fragment.content,
          tier: outcome.tier.get(page) ?? 0,
        });
      });
      position += batch.length;
    }
    return { items, next: position };
  }
}

/** A loader over `fetch`, for the browser: `bundle` is the Pagefind bundle URL, e.g. `/pagefind/`. */
export function fetchLoader(bundle: string, fetcher: typeof fetch = fetch): Loader {
  const url = (path: string) => new URL(path, new URL(bundle, globalThis.location?.href ?? 'http://localhost/')).href;
  return {
    async json<T>(path: string) {
      const response = await fetcher(url(path));
      if (!response.ok) throw new Error(`${response.status} ${path}`);
      return (await response.json()) as T;
    },
    async fragment(hash: string) {
      const response = await fetcher(url(`fragment/${hash}.pf_fragment`));
      if (!response.ok || !response.body) throw new Error(`${response.status} fragment ${hash}`);
      const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
      return JSON.parse(text.replace(/^pagefind_dcd/, '')) as Fragment;
    },
  };
}
