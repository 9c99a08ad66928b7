/**
 * The editors' desk script (/admin/desk/desk.js: Decap CMS, the previews and the content check, about 6 MB), built
 * by Vite outside Astro's client build and kept between builds in node_modules/.astro/desk/<key>/. Bundling Decap
 * took about a fifth of a rebuild after a one-article edit; now it is bundled again only when the code, the
 * packages or the site settings change (the key is the source version, src/lib/source-version.ts, which leaves
 * out the articles). `astro dev` (and `npm run desk`) load src/admin/desk.ts through Vite instead:
 * src/pages/admin/index.astro.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { filterKnownWarnings } from '../lib/build-warnings.ts';
import { deskScriptEntry, deskScriptFolder, deskScriptSource } from '../lib/cms/desk-script.ts';
import { sourceVersion } from '../lib/source-version.ts';

/** Bump when the way the bundle is built changes, so cached bundles are made again. */
const bundleFormat = 'desk-bundle-1';

async function bundleDesk(root: string, outDir: string) {
  await build({
    configFile: false,
    root,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    // The browser build of the content check's MDX parser (package.json "imports": #mdx-parser).
    resolve: { conditions: ['browser', 'module', 'import', 'default'] },
    build: {
      outDir,
      emptyOutDir: true,
      // One large chunk by design (Decap), loaded on /admin/ only: src/lib/build-warnings.ts.
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: {
        input: join(root, deskScriptSource),
        output: { entryFileNames: deskScriptEntry, chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' },
        onwarn: filterKnownWarnings,
      },
    },
  });
}

export default function deskBundle(): AstroIntegration {
  let root = '';
  let cacheRoot = '';
  return {
    name: 'laomo-desk-bundle',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        root = fileURLToPath(config.root);
        cacheRoot = fileURLToPath(new URL('desk/', config.cacheDir));
        // In `astro dev` the admin page's script is a plain <script src> (not one Vite's dependency scanner reads
        // out of the .astro file), so the desk is named as an entry: Decap and the check's packages are
        // pre-bundled at start-up, not discovered late (a re-optimisation and reload while the desk is loading).
        if (command === 'dev') updateConfig({ vite: { environments: { client: { optimizeDeps: { entries: [deskScriptSource] } } } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const key = createHash('sha256').update(bundleFormat).update('\u0000').update(sourceVersion(root)).digest('hex').slice(0, 20);
        const cached = join(cacheRoot, key);
        if (existsSync(join(cached, deskScriptEntry))) {
          logger.info('编辑台脚本：代码和依赖没变，沿用上次构建的。');
        } else {
          const started = performance.now();
          // Built beside the cache and renamed into it: a build that stops half-way leaves no half a bundle.
          // Older bundles go first: only the current one is kept.
          for (const name of existsSync(cacheRoot) ? readdirSync(cacheRoot) : []) rmSync(join(cacheRoot, name), { recursive: true, force: true });
          mkdirSync(cacheRoot, { recursive: true });
          const building = `${cached}.building-${process.pid}`;
          await bundleDesk(root, building);
          renameSync(building, cached);
          logger.info(`编辑台脚本：打包用了 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`);
        }
        cpSync(cached, join(fileURLToPath(dir), deskScriptFolder), { recursive: true });
      },
    },
  };
}
