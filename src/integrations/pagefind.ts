/**
 * Site search: Pagefind (Node API) over the built case pages, Chinese forced, plus the CJK sidecar
 * (src/lib/search/). Modelled on Starlight's Pagefind integration: index in `astro:build:done` and
 * write the bundle to `<outDir>/pagefind/`.
 *
 * In `astro dev` there is no built HTML, so the bundle is built in memory on the first request for
 * `<base>pagefind/…`, from the case and issue pages as the dev server renders them (drafts included, as
 * everywhere in dev), and rebuilt after content or source changes: after a content edit only the pages whose
 * sources changed are rendered again (src/lib/search/dev-page-cache.ts). The build indexes page by page from disk
 * and ends Pagefind's process before the sidecar is built (indexBuiltSite); `npm run build` does that in a separate
 * step (scripts/search-index.ts) after Astro's process has exited. The search page works the same in both.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Connect, ViteDevServer } from 'vite';
import { readContentSources } from '../lib/content-check/read-sources.ts';
import { parseMdxSource, parseYamlSource } from '../lib/content-check/parse-source.ts';
import { globEntryId } from '../lib/content-check/entry-id.ts';
import { indexBuiltSite, indexSite, searchIndexStepEnv, searchIndexSummary, type IndexOutput } from './pagefind-index.ts';
import { planRefresh, type CachedPage } from '../lib/search/dev-page-cache.ts';

export const bundleDirName = 'pagefind';

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function devMiddleware(server: ViteDevServer, root: string, base: string, log: (message: string) => void): Connect.NextHandleFunction {
  const prefix = `${base.replace(/\/?$/, '/')}${bundleDirName}/`;
  let bundle: Promise<IndexOutput> | undefined;
  let pages = new Map<string, CachedPage>();
  // A change under src/ can change every page; one under content/ only the pages whose sources changed.
  let sourceGeneration = 0;
  const invalidate = (file: string) => {
    if (/[\\/]src[\\/]/.test(file)) sourceGeneration += 1;
    if (/[\\/](content|src)[\\/]/.test(file)) bundle = undefined;
  };
  server.watcher.on('change', invalidate);
  server.watcher.on('add', invalidate);
  server.watcher.on('unlink', invalidate);

  async function build(origin: string): Promise<IndexOutput> {
    const started = Date.now();
    const sources = await readContentSources(root);
    const shared = createHash('sha256').update(String(sourceGeneration));
    for (const file of [sources.regions, sources.topics, ...sources.issues]) shared.update(file.file).update('\0').update(file.text);
    const sharedKey = shared.digest('hex');
    // An issue page lists its cases' headlines, so it is keyed on every case file as well.
    const allCases = createHash('sha256').update(sharedKey);
    for (const file of sources.cases) allCases.update(file.file).update('\0').update(file.text);
    const issuesKey = allCases.digest('hex');
    // Page ids are their paths relative to the base: cases/<id>/ and issues/<id>/.
    const wanted = [
      ...sources.cases.map((file) => ({
        id: `cases/${globEntryId(file.relativePath!, parseMdxSource(file.text).data)}/`,
        key: createHash('sha256').update(sharedKey).update(file.text).digest('hex'),
      })),
      ...sources.issues.map((file) => ({
        id: `issues/${globEntryId(file.relativePath!, parseYamlSource(file.text).data)}/`,
        key: createHash('sha256').update(issuesKey).update(file.text).digest('hex'),
      })),
    ];
    const { fetch: stale, keep } = planRefresh(wanted, pages);
    const keys = new Map(wanted.map(({ id, key }) => [id, key]));
    const fetchPage = async (path: string) => {
      const url = `${prefix.slice(0, -bundleDirName.length - 1)}${path}`;
      const response = await fetch(new URL(url, origin), { headers: { accept: 'text/html' } });
      if (response.ok) keep.set(path, { key: keys.get(path)!, url: `/${path}`, content: await response.text() });
    };
    // A few at a time: the dev server renders while the previous responses are read.
    for (let at = 0; at < stale.length; at += 4) await Promise.all(stale.slice(at, at + 4).map(fetchPage));
    pages = keep;
    const output = await indexSite({ pages: wanted.flatMap(({ id }) => keep.get(id) ?? []) });
    log(`dev search index: ${output.pageCount} pages (${stale.length} rendered again) in ${Date.now() - started} ms`);
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
        if (process.env[searchIndexStepEnv] === '1') {
          logger.info('search index: left to scripts/search-index.ts, after astro build has exited');
          return;
        }
        const started = Date.now();
        const outDir = fileURLToPath(dir);
        const result = await indexBuiltSite(outDir, join(outDir, bundleDirName));
        logger.info(searchIndexSummary(result, Date.now() - started));
      },
    },
  };
}
