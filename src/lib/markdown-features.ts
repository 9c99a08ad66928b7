/**
 * The Markdown features the site compiles articles with (astro.config.mjs, Sätteri), in one place so the dev
 * server's search text (src/lib/search/source-pages.ts) parses the MDX exactly as the pages do.
 */
export const footnoteLabels = { label: '注释', backLabel: '返回正文' };

export const satteriFeatures = {
  // Smart punctuation would rewrite the quotes and dashes of Chinese text the Western way.
  smartPunctuation: false,
  gfm: { footnotes: footnoteLabels },
};
