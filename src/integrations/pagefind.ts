/**
 * Site search: Pagefind (Node API) over the built case pages, Chinese forced, plus the CJK sidecar
 * (src/lib/search/). Modelled on Starlight's Pagefind integration: index in `astro:build:done` and
 * write the bundle to `<outDir>/pagefind/`.
 *
 * In `astro dev` there is no built HTML, so the bundle is built in memory on the first request for
 * `<base>pagefind/…`, from the case and issue pages as the dev server renders them (drafts included, as
 * everywhere in dev), and rebuilt after content or source changes. The search page works the same in both.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Connect, ViteDevServer } from 'vite';
import { readContentSources } from '../lib/content-check/read-sources.ts';
import { parseMdxSource, parseYamlSource } from '../lib/content-check/parse-source.ts';
import { globEntryId } from '../lib/content-check/entry-id.ts';
import { closePagefind, indexSite, writeBundle, type IndexOutput } from './pagefind-index.ts';

export const bundleDirName = 'pagefind';

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Every case and issue page (drafts too), relative to the site base: the pages the dev index renders. */
async function indexedPaths(root: string): Promise<string[]> {
  const sources = await readContentSources(root);
  return [
    ...sources.cases.map((file) => `cases/${globEntryId(file.relativePath!, parseMdxSource(file.text).data)}/`),
    ...sources.issues.map((file) => `issues/${globEntryId(file.relativePath!, parseYamlSource(file.text).data)}/`),
  ];
}

function devMiddleware(server: ViteDevServer, root: string, base: string, log: (message: string) => void): Connect.NextHandleFunction {
  const prefix = `${base.replace(/\/?$/, '/')}${bundleDirName}/`;
  let bundle: Promise<IndexOutput> | undefined;
  const invalidate = (file: string) => {
    if (/[\\/](content|src)[\\/]/.test(file)) bundle = undefined;
  };
  server.watcher.on('change', invalidate);
  server.watcher.on('add', invalidate);
  server.watcher.on('unlink', invalidate);

  async function build(origin: string): Promise<IndexOutput> {
    const started = Date.now();
    const paths = await indexedPaths(root);
    const pages = [];
    for (const path of paths) {
      const url = `${prefix.slice(0, -bundleDirName.length - 1)}${path}`;
      const response = await fetch(new URL(url, origin), { headers: { accept: 'text/html' } });
      if (response.ok) pages.push({ url: `/${path}`, content: await response.text() });
    }
    const output = await indexSite({ pages });
    log(`dev search index: ${output.pageCount} pages in ${Date.now() - started} ms`);
    return output;
  }

  return async (request, response, next) => {
    const path = (request.url ?? '').split('?')[0];
    if (!path.startsWith(prefix)) return next();
    try {
      const address = server.httpServer?.address();
      const origin = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : 'http://127.0.0.1:4321';
      bundle ??= build(origin).catch((error) => {
        bundle = undefined;
        throw error;
      });
      const { files } = await bundle;
      const file = files.get(decodeURIComponent(path.slice(prefix.length)));
      if (!file) {
        response.statusCode = 404;
        response.end();
        return;
      }
      const extension = path.split('.').pop() ?? '';
      response.setHeader('content-type', contentTypes[extension] ?? 'application/octet-stream');
      response.setHeader('cache-control', 'no-store');
      response.end(Buffer.from(file));
    } catch (error) {
      next(error);
    }
  };
}

export default function pagefindSearch(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'laomo-pagefind-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(devMiddleware(server, root, base, (message) => logger.info(message)));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const outDir = fileURLToPath(dir);
        const { files, pageCount } = await indexSite({ dir: outDir });
        const bytes = await writeBundle(files, join(outDir, bundleDirName));
        await closePagefind();
        logger.info(`Pagefind + CJK sidecar: ${pageCount} pages, ${files.size} files, ${(bytes / 1024).toFixed(0)} KB in ${Date.now() - started} ms`);
      },
    },
  };
}
