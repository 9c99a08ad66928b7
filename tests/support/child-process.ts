/** What tests need to start Astro (or any server) as a child process the way a person would. */
import { createServer } from 'node:net';

/**
 * The address test builds use: production builds (NODE_ENV=production, or CI=true as on GitHub Actions) refuse to
 * build without SITE_URL, and the PDFs and QR codes are checked against it.
 */
export const testSiteUrl = 'https://laomo.zjgh.org';

/**
 * The environment of `npm run build` / `npm run dev`, plus `extra`. Vitest workers carry `VITEST*`, `TEST`,
 * `NODE_ENV=test`, `MODE`, `DEV`, `PROD`, `SSR` and `BASE_URL` for import.meta.env; passed on, they make
 * Astro build drafts as if previewing, or take the base path from BASE_URL. SITE_URL is always the test address.
 */
export function astroCommandEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|TEST$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/.test(key)) delete env[key];
  }
  return { ...env, SITE_URL: testSiteUrl, ...extra };
}

/** A free TCP port on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
