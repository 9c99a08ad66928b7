/**
 * Refuses an `astro build` in CI without SITE_URL, and says once, in Chinese, when a local build or dev server
 * uses the placeholder address (src/lib/site-url.ts).
 */
import type { AstroIntegration } from 'astro';
import { placeholderNotice, siteUrlVerdict } from '../lib/site-url.ts';

export default function siteUrlGuard(env: Record<string, string | undefined> = process.env): AstroIntegration {
  let noticed = false;
  return {
    name: 'laomo-site-url',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        // Astro sets NODE_ENV=production for every build before it loads the config, so here only CI tells a
        // production build; `npm run build` runs scripts/check-site-url.ts first, which sees the NODE_ENV one set.
        const { site, error } = siteUrlVerdict({ SITE_URL: env.SITE_URL, CI: env.CI });
        if (error && command === 'build') throw new Error(error);
        if (site.placeholder && !noticed) {
          noticed = true;
          logger.warn(placeholderNotice);
        }
      },
    },
  };
}
