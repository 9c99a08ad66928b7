/**
 * After @astrojs/sitemap has written the sitemap (it must come first in the integrations), removes the pages
 * that ask not to be indexed (src/lib/sitemap-noindex.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isNoindexPage, pageFileForUrl, withoutUrls } from '../lib/sitemap-noindex.ts';

export default function sitemapWithoutNoindex(): AstroIntegration {
  let base = '/';
  return {
    name: 'laomo-sitemap-noindex',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        for (const name of readdirSync(out).filter((file) => /^sitemap-\d+\.xml$/.test(file))) {
          const path = join(out, name);
          const { xml, dropped } = withoutUrls(readFileSync(path, 'utf8'), (loc) => {
            const file = pageFileForUrl(loc, base);
            return file !== undefined && existsSync(join(out, file)) && isNoindexPage(readFileSync(join(out, file), 'utf8'));
          });
          if (dropped.length) {
            writeFileSync(path, xml);
            logger.info(`网站地图 ${name}：去掉 ${dropped.length} 个不需收录的页面（无案例的地区、跳转页）`);
          }
        }
      },
    },
  };
}
