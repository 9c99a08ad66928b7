/**
 * The search page in the browser: reads the form, runs the engine, renders results with excerpts,
 * highlights, filter counts and a "more" button, and keeps the URL (?q=…&city=…&sort=…) in step.
 * When the exact search finds few pages (`wantsNearMisses`), a second, labelled list shows pages that
 * contain part of the query (never mixed into the exact results). The status line and the filter
 * counts count the exact results, all of them checked (see `verifyLimit`).
 * Everything is built with DOM methods and textContent: no HTML from the index is injected.
 */
import { SearchEngine, fetchLoader, wantsNearMisses, type FilterSelection, type NearMisses, type ResultItem, type SearchOutcome, type SortOrder } from '../../lib/search/engine.ts';
import { excerpt, excerptSource, highlight, type Segment } from '../../lib/search/highlight.ts';
import { markTerms, type VariantPairs } from '../../lib/search/near-miss.ts';
import { fold as foldText } from '../../lib/search/normalize.ts';
import { filterLabels, type FilterKey } from '../../lib/search/sidecar.ts';
import { resultTypes } from '../../lib/search/page-data.ts';

const pageSize = 10;
const filterKeys = Object.keys(filterLabels) as FilterKey[];

function appendSegments(parent: HTMLElement, segments: Segment[]) {
  for (const segment of segments) {
    if (segment.mark) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      parent.append(mark);
    } else parent.append(segment.text);
  }
}

export interface SearchHook {
  (query: string, options?: { filters?: FilterSelection; sort?: SortOrder }): Promise<{ pages: number[]; shown: string[]; exact: boolean; empty: boolean; near: number[]; ms: number }>;
}

declare global {
  interface Window {
    __laomoSearch?: SearchHook;
  }
}

export function startSearchPage() {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const status = document.getElementById('search-status') as HTMLElement;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const tools = document.getElementById('search-tools') as HTMLElement;
  const toggle = document.getElementById('search-filters-toggle') as HTMLButtonElement;
  const nearBox = document.getElementById('search-near') as HTMLElement;
  const nearHeading = document.getElementById('search-near-heading') as HTMLElement;
  const nearList = document.getElementById('search-near-results') as HTMLOListElement;
  const sortSelect = form.elements.namedItem('sort') as HTMLSelectElement;
  const selects = new Map(filterKeys.map((key) => [key, form.querySelector<HTMLSelectElement>(`select[data-filter="${key}"]`)!]));
  const valueLabels = new Map([...selects.values()].filter((select) => select.dataset.labels).map((select) => [select, JSON.parse(select.dataset.labels!) as Record<string, string>]));
  const siteBase = (form.dataset.base ?? '/').replace(/\/$/, '');
  const engine = new SearchEngine(fetchLoader(form.dataset.bundle ?? '/pagefind/'), JSON.parse(form.dataset.variants ?? '[]') as VariantPairs);
  toggle.addEventListener('click', () => toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true')));

  let current: { outcome: SearchOutcome; next: number; query: string } | undefined;
  let runId = 0;

  const readState = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    sortSelect.value = params.get('sort') === 'date' ? 'date' : '';
    const filters: FilterSelection = {};
    for (const key of filterKeys) {
      const value = params.get(key);
      if (value) filters[key] = value;
    }
    return filters;
  };

  const selectedFilters = (): FilterSelection => {
    const filters: FilterSelection = {};
    for (const [key, select] of selects) if (select.value) filters[key] = select.value;
    return filters;
  };

  const writeState = () => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const [key, value] of Object.entries(selectedFilters())) params.set(key, value!);
    if (sortSelect.value) params.set('sort', sortSelect.value);
    const search = params.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  };

  // Every select stays in place (disabled when it has nothing to offer), so the filter row never reflows.
  function renderCounts(outcome: SearchOutcome, filters: FilterSelection) {
    for (const [key, select] of selects) {
      const counts = outcome.counts[key] ?? {};
      const chosen = filters[key] ?? '';
      select.replaceChildren(new Option('全部', ''));
      // Values may be ids (专版) with their labels on the <select>; shown in label order.
      const labels = valueLabels.get(select) ?? {};
      const label = (value: string) => labels[value] ?? value;
      const entries = Object.entries(counts).sort(([a], [b]) => (labels[a] || labels[b] ? label(a).localeCompare(label(b), 'zh-CN') : 0));
      for (const [value, count] of entries) {
        if (count === 0 && value !== chosen) continue;
        select.append(new Option(`${label(value)}（${count}）`, value));
      }
      select.value = chosen;
      select.disabled = select.options.length <= 1;
    }
    const active = Object.values(filters).filter(Boolean).length;
    toggle.textContent = active ? `筛选（已选 ${active} 项）` : '筛选';
    tools.dataset.ready = 'true';
  }

  function renderItem(item: ResultItem, terms: string[], fold: Record<string, string>, headingTag: 'h2' | 'h3' = 'h2') {
    const li = document.createElement('li');
    const heading = document.createElement(headingTag);
    if (item.meta.type === resultTypes.issue) {
      const label = document.createElement('span');
      label.className = 'result-type';
      label.textContent = resultTypes.issue;
      heading.append(label);
    }
    const link = document.createElement('a');
    link.href = `${siteBase}${item.url}`;
    appendSegments(link, highlight(item.title, terms, fold));
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = [item.meta.region, item.meta.date, item.meta.issue].filter(Boolean).join(' · ');
    const text = document.createElement('p');
    text.className = 'search-excerpt';
    appendSegments(text, excerpt(excerptSource(item.content, item.meta.date), terms, fold));
    li.append(heading, meta, text);
    return li;
  }

  async function showMore() {
    if (!current) return;
    const id = runId;
    more.disabled = true;
    const fold = engine.foldTable();
    const { items, next } = await engine.results(current.outcome, current.next, pageSize);
    if (id !== runId) return;
    current.next = next;
    for (const item of items) list.append(renderItem(item, current.outcome.terms, fold));
    more.hidden = next >= current.outcome.pages.length;
    more.disabled = false;
  }

  const clear = () => {
    list.replaceChildren();
    nearList.replaceChildren();
    nearBox.hidden = true;
    more.hidden = true;
  };

  async function showNearMisses(near: NearMisses, exactCount: number) {
    const fold = engine.foldTable();
    const pages = near.pages.slice(0, pageSize);
    const items = await Promise.all(pages.map((page) => engine.fragment(page)));
    const closest = near.pages.length > pageSize ? `，最接近的 ${pageSize} 篇` : '';
    nearHeading.textContent = `以下文章${exactCount ? '只' : ''}包含查询中的部分词语（不完全匹配${closest}）：`;
    nearList.replaceChildren(
      ...items.map((fragment, i) => {
        const marks = markTerms(near.scores.get(pages[i])!.runs, foldText(`${fragment.meta.title ?? ''} ${fragment.content}`, fold));
        return renderItem({ page: pages[i], url: fragment.url, title: fragment.meta.title ?? fragment.url, meta: fragment.meta, content: fragment.content, tier: 0 }, marks, fold, 'h3');
      }),
    );
    nearBox.hidden = false;
  }

  async function run(filters: FilterSelection = selectedFilters()) {
    const id = ++runId;
    const query = input.value.trim();
    const filtered = Object.values(filters).some(Boolean);
    if (!query && !filtered) {
      clear();
      status.textContent = '输入关键词开始搜索：人名、地名、单位、活动名称都可以，繁体字也能找到对应的简体文章。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const outcome = await engine.search(query, { filters, sort: sortSelect.value === 'date' ? 'date' : 'relevance' });
      if (id !== runId) return;
      if (outcome.empty) {
        clear();
        status.textContent = '请输入要搜索的文字：只有标点或符号的查询无法搜索。';
        return;
      }
      const total = outcome.pages.length;
      const near = wantsNearMisses(outcome) ? await engine.nearMisses(query, outcome, { filters }) : undefined;
      if (id !== runId) return;
      renderCounts(outcome, filters);
      current = { outcome, next: 0, query };
      clear();
      await showMore();
      if (id !== runId) return;
      if (near?.pages.length) await showNearMisses(near, total);
      if (id !== runId) return;
      // Last, once the lists are there: the status line announces what is on the page.
      const about = outcome.exact ? '' : '约 ';
      status.textContent = query
        ? total
          ? `找到 ${about}${total} 篇包含“${query}”的文章。`
          : near?.pages.length
            ? `没有完全匹配“${query}”的文章。`
            : `没有找到包含“${query}”的文章。可以试试更短的词，或去掉筛选条件。`
        : `共 ${total} 篇文章。`;
    } catch (error) {
      if (id !== runId) return;
      status.textContent = '搜索暂时不可用，请稍后再试。';
      console.error(error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    writeState();
    void run();
  });
  for (const select of [...selects.values(), sortSelect]) {
    select.addEventListener('change', () => {
      writeState();
      void run();
    });
  }
  more.addEventListener('click', () => void showMore());

  // For the quality harness and the benchmarks: the ordered result pages and the first page shown.
  window.__laomoSearch = async (query, options = {}) => {
    const started = performance.now();
    const outcome = await engine.search(query, options);
    const { items } = await engine.results(outcome, 0, pageSize);
    const near = wantsNearMisses(outcome) ? (await engine.nearMisses(query, outcome, options)).pages : [];
    return { pages: outcome.pages, shown: items.map((item) => item.url), exact: outcome.exact, empty: outcome.empty, near, ms: performance.now() - started };
  };

  const initial = readState();
  for (const [key, value] of Object.entries(initial)) {
    const select = selects.get(key as FilterKey)!;
    select.append(new Option(value!, value!));
    select.value = value!;
  }
  void run(initial);
}
