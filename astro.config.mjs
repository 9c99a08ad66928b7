// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import contentCheck from './src/integrations/content-check.ts';
import deskBundle from './src/integrations/desk-bundle.ts';
import mdxCompileCache from './src/integrations/mdx-cache.ts';
import pagefindSearch from './src/integrations/pagefind.ts';
import { mdxPolicyPlugin, remarkMdxPolicy } from './src/lib/mdx-policy/satteri-plugin.ts';
import { filterKnownWarnings } from './src/lib/build-warnings.ts';
import { siteUrlFromEnv } from './src/lib/site-url.ts';
import { footnoteLabels, satteriFeatures } from './src/lib/markdown-features.ts';
import siteUrlGuard from './src/integrations/site-url.ts';
import sitemapWithoutNoindex from './src/integrations/sitemap-noindex.ts';

/**
 * The MDX allow-list (src/lib/mdx-policy/), enforced in the compile itself: an article with code, a script,
 * an unknown tag or a `javascript:` URL stops `astro build` and shows in `astro dev`, before anything in it
 * is evaluated. Every .mdx outside src/ is checked; pages under src/pages/ are developers' code.
 */
const mdxPolicy = {
  trustedDirs: [fileURLToPath(new URL('./src/', import.meta.url))],
  root: fileURLToPath(new URL('./', import.meta.url)),
};

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
      remarkPlugins: [remarkGfm, remarkMdxPolicy(mdxPolicy)],
      smartypants: false,
      remarkRehype: { footnoteLabel: footnoteLabels.label, footnoteBackLabel: footnoteLabels.backLabel },
    });
  }
  return satteri({
    // Astro's MDX integration runs these when it compiles .mdx (mdx({ remarkPlugins }) is ignored with Sätteri).
    mdastPlugins: [mdxPolicyPlugin(mdxPolicy)],
    // Shared with the dev server's search text (src/lib/search/source-pages.ts).
    features: satteriFeatures,
  });
}

const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  // Astro's developer toolbar is for programmers: the editors' desk (`npm run desk`) runs without it.
  devToolbar: { enabled: process.env.LAOMO_DESK !== '1' },
  // The public address (scheme and host, no path), used for canonical URLs, Open Graph, the sitemap, the feeds
  // and the QR codes of the print pages, e.g. SITE_URL=https://laomo.zjgh.org. A production build fails without
  // it; a local one uses a placeholder and says so (src/lib/site-url.ts).
  site: siteUrlFromEnv(process.env).url,
  // The path the site is served under, e.g. BASE_PATH=/laomo/ for https://example.org/laomo/. Every internal
  // link goes through src/lib/urls.ts, which reads it.
  base,
  trailingSlash: 'always',
  // Old addresses of renamed articles (content/redirects.yaml, checked by `npm run check`) are pages of their
  // own, in Chinese: src/pages/[...old].astro (Astro's `redirects` page is English).
  markdown: { processor: await markdownProcessor() },
  // A rebuild copies a page from the last build (kept in node_modules/.astro) when its cacheKey and its code are
  // unchanged: article, print, topic, city and county pages and the share images give one (src/lib/page-key.ts);
  // all others render again.
  experimental: { incrementalBuild: true },
  vite: {
    // Hide the known upstream warnings (one per MDX file: src/lib/build-warnings.ts); all others still show. The
    // desk's large bundle is built apart (src/integrations/desk-bundle.ts), so Vite's chunk-size warning stays on.
    build: { rolldownOptions: { onwarn: filterKnownWarnings } },
  },
  integrations: [
    // First: `npm run check`'s content check, before anything is loaded; a build with errors stops here.
    contentCheck(),
    siteUrlGuard(),
    // Compiles .mdx with the markdown processor above, including the allow-list plugin.
    mdx(),
    // Reuses each article's compiled MDX from the last build while its text and the code are unchanged.
    mdxCompileCache(),
    // Only built pages are listed, so drafts and scheduled entries (left out by the site index, src/data/site-index.ts) never are;
    // the print views are duplicates of the issue pages; the editors' desk (/admin/) is not for readers.
    sitemap({ filter: (page) => !/\/issues\/[^/]+\/print\//.test(page) && !/\/admin\//.test(page) }),
    // Then takes out the pages marked noindex (regions without cases, redirect pages).
    sitemapWithoutNoindex(),
    // Site search: Pagefind over the case pages + the CJK sidecar (README “站内搜索”).
    pagefindSearch(),
    // The editors' desk script (/admin/desk/), bundled outside Astro's client build and kept between builds.
    deskBundle(),
  ],
});
