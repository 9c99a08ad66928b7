// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import pagefindSearch from './src/integrations/pagefind.ts';
import { contentPaths } from './src/lib/content-paths.ts';
import { loadAstroRedirects } from './src/lib/redirects.ts';

const footnoteLabels = { label: '注释', backLabel: '返回正文' };

/**
 * Sätteri is the default processor (measured faster on our content, GFM built in; see README).
 * MARKDOWN_PROCESSOR=unified switches to the remark pipeline, for `npm run bench:markdown` and for
 * anyone who needs a remark plugin.
 */
async function markdownProcessor() {
  if (process.env.MARKDOWN_PROCESSOR === 'unified') {
    const { unified } = await import('@astrojs/markdown-remark');
    const { default: remarkGfm } = await import('remark-gfm');
    return unified({
      gfm: false,
      remarkPlugins: [remarkGfm],
      smartypants: false,
      remarkRehype: { footnoteLabel: footnoteLabels.label, footnoteBackLabel: footnoteLabels.backLabel },
    });
  }
  return satteri({
    features: {
      // Smart punctuation would rewrite the quotes and dashes of Chinese text the Western way.
      smartPunctuation: false,
      gfm: { footnotes: footnoteLabels },
    },
  });
}

const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  // The public address (scheme and host, no path), used for canonical URLs, Open Graph, the sitemap, the feeds
  // and the QR codes of the print pages. Set SITE_URL when deploying, e.g. SITE_URL=https://laomo.zjgh.org.
  site: process.env.SITE_URL ?? 'https://laomo.example.org',
  // The path the site is served under, e.g. BASE_PATH=/laomo/ for https://example.org/laomo/. Every internal
  // link goes through src/lib/urls.ts, which reads it.
  base,
  trailingSlash: 'always',
  // Old addresses of renamed articles (content/redirects.yaml, checked by `npm run check`).
  redirects: loadAstroRedirects(contentPaths.redirects, base),
  markdown: { processor: await markdownProcessor() },
  integrations: [
    mdx(),
    // Only built pages are listed, so drafts and scheduled entries (left out by src/data/content.ts) never are;
    // the print views are duplicates of the issue pages; the editors' desk (/admin/) is not for readers.
    sitemap({ filter: (page) => !/\/issues\/[^/]+\/print\//.test(page) && !/\/admin\//.test(page) }),
    // Site search: Pagefind over the case pages + the CJK sidecar (README “站内搜索”).
    pagefindSearch(),
  ],
});
