/** Pagination helpers shared by the paginated lists (topics, cities, the archive). */

/** Cases per page of a paginated list. CASES_PER_PAGE overrides it (the base-path test builds with 3 to page through the real content). */
export const casesPerPage = Number(globalThis.process?.env.CASES_PER_PAGE) || 10;

export type PageLink = { page: number; current: boolean } | { gap: true };

/**
 * The page numbers to show: the first, the last, and `span` pages either side of the current one, with gaps
 * marked where pages are skipped. A gap never hides a single page (1 … 3 becomes 1 2 3).
 */
export function pageWindow(current: number, last: number, span = 2): PageLink[] {
  if (last < 1) return [];
  const pages = new Set<number>([1, last]);
  for (let page = current - span; page <= current + span; page += 1) if (page >= 1 && page <= last) pages.add(page);
  const sorted = [...pages].sort((a, b) => a - b);
  const links: PageLink[] = [];
  let previous = 0;
  for (const page of sorted) {
    if (page - previous === 2) links.push({ page: previous + 1, current: previous + 1 === current });
    else if (page - previous > 2) links.push({ gap: true });
    links.push({ page, current: page === current });
    previous = page;
  }
  return links;
}

/** “志愿服务” on page 1, “志愿服务（第 2 页）” after it: every page of a list has its own title. */
export function pagedTitle(title: string, page: number): string {
  return page > 1 ? `${title}（第 ${page} 页）` : title;
}
