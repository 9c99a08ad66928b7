/**
 * Runs before `npm run build` (npm's prebuild): a production build (NODE_ENV=production or CI set) without
 * SITE_URL stops here with a Chinese message. Astro itself cannot tell, because it sets NODE_ENV=production for
 * every build; its integration (src/integrations/site-url.ts) prints the placeholder notice of a local build.
 */
import { siteUrlVerdict } from '../src/lib/site-url.ts';

try {
  const { error } = siteUrlVerdict(process.env);
  if (error) {
    console.error(error);
    process.exit(1);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
