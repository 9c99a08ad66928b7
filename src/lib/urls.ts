/** Every internal URL in one place, so links stay stable and respect the configured `base`. */
// Written out as `import.meta.env.BASE_URL` so Vite replaces it at build time (`?.` would defeat that and
// silently give '/'); plain Node, which has no import.meta.env, gets '/'.
const base = (import.meta.env === undefined ? '/' : (import.meta.env.BASE_URL ?? '/')).replace(/\/?$/, '/');

/** Page `n` of a paginated list whose first page is `first` (a URL ending in `/`): `first`, `first2/`, … */
const paged = (first: string, page = 1) => (page > 1 ? `${first}${page}/` : first);

export type PrintSize = 'a4' | 'a3';

export const urls = {
  base: () => base,
  home: () => base,
  case: (id: string) => `${base}cases/${id}/`,
  issues: () => `${base}issues/`,
  issue: (id: string) => `${base}issues/${id}/`,
  /** The newspaper-page print view of an issue: A4 portrait by default, one A3 sheet with `?size=a3`. */
  issuePrint: (id: string, size: PrintSize = 'a4') => `${base}issues/${id}/print/${size === 'a3' ? '?size=a3' : ''}`,
  /** The PDFs `npm run pdf` writes next to the issue pages (ASCII names; the links' `download` gives Chinese ones). */
  issuePdf: (id: string, size: PrintSize = 'a4') => `${base}issues/${id}${size === 'a3' ? '-a3' : ''}.pdf`,
  regions: () => `${base}regions/`,
  city: (city: string, page = 1) => paged(`${base}regions/${city}/`, page),
  cityRss: (city: string) => `${base}regions/${city}/rss.xml`,
  county: (city: string, county: string) => `${base}regions/${city}/${county}/`,
  topics: () => `${base}topics/`,
  topic: (id: string, page = 1) => paged(`${base}topics/${id}/`, page),
  archive: () => `${base}archive/`,
  archiveYear: (year: number) => `${base}archive/${year}/`,
  rss: () => `${base}rss.xml`,
  about: () => `${base}about/`,
  /** The 1200×630 share images (og:image) drawn at build time (src/pages/share/). */
  caseShareImage: (id: string) => `${base}share/cases/${id}.png`,
  issueShareImage: (id: string) => `${base}share/issues/${id}.png`,
  asset: (path: string) => `${base}${path.replace(/^\//, '')}`,
};
