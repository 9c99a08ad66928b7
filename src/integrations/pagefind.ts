/**
 * Site search: Pagefind (Node API) over the built case and issue pages, Chinese forced, plus the CJK sidecar
 * (src/lib/search/). Modelled on Starlight's Pagefind integration: index in `astro:build:done` and
 * write the bundle to `<outDir>/pagefind/`. The build indexes page by page from disk and ends Pagefind's
 * process before the sidecar is built (indexBuiltSite); `npm run build` does that in a separate step
 * (scripts/search-index.ts) after Astro's process has exited.
 *
 * In `astro dev` the search page needs only the sidecar and one fragment per result (it never runs Pagefind's
 * own search), so nothing is rendered and Pagefind is not run: the records of the case and issue pages are made
 * from the content sources (src/lib/search/source-pages.ts, drafts included, as everywhere in dev) and the
 * sidecar in memory (src/lib/search/dev-index.ts), in a worker thread as the dev server starts, and served under
 * `<base>pagefind/`. After a save under content/ only the saved files are read again and only the pages whose
 * text changed are put into the kept sidecar, right away (not on the next request).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import type { Connect, ViteDevServer } from 'vite';
import { indexBuiltSite, openccFoldTable, searchIndexStepEnv, searchIndexSummary } from './pagefind-index.ts';
import type { IndexedPage } from '../lib/search/build-sidecar.ts';
import { createDevSearchIndex, type DevBundle } from '../lib/search/dev-index.ts';
import type { DevIndexReply, DevIndexRequest } from '../lib/search/dev-index-worker.ts';

export const bundleDirName = 'pagefind';

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * The dev search index in a worker thread (src/lib/search/dev-index-worker.ts), so the dev server answers its
 * other requests while the index is made; in this thread if the worker cannot start.
 */
function devSearchIndex(root: string, log: (message: string) => void) {
  let local: ReturnType<typeof createDevSearchIndex> | undefined;
  let localQueue: Promise<unknown> = Promise.resolve();
  /** In this thread: one refresh at a time. */
  const inThisThread = () => {
    const made = localQueue.then(async () => {
      local ??= createDevSearchIndex({ root, fold: await openccFoldTable() });
      const bundle = await local.refresh();
      log(bundle.summary);
      return bundle;
    });
    localQueue = made.catch(() => undefined);
    return made;
  };
  const waiting = new Map<number, { resolve: (bundle: DevBundle) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  // The worker's index as last answered; each answer brings only what changed.
  const files = new Map<string, string>();
  const pages = new Map<string, IndexedPage>();
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('../lib/search/dev-index-worker.ts', import.meta.url), { workerData: { root } });
    worker.unref();
    worker.on('message', (reply: DevIndexReply) => {
      const pending = reply.ids.flatMap((id) => waiting.get(id) ?? []);
      for (const id of reply.ids) waiting.delete(id);
      if (reply.type === 'done') {
        for (const [path, text] of reply.files) files.set(path, text);
        for (const path of reply.removedFiles) files.delete(path);
        for (const page of reply.pages) pages.set(page.hash, page);
        for (const hash of reply.removedPages) pages.delete(hash);
        log(reply.summary);
        for (const { resolve } of pending) resolve({ files, pages, summary: reply.summary });
      } else {
        files.clear();
        pages.clear();
        log(`搜索索引未能更新：${reply.message}`);
        for (const { reject } of pending) reject(new Error(reply.message));
      }
    });
    worker.on('error', (error) => {
      log(`搜索索引的工作线程出错，改在主线程建索引：${error.message}`);
      worker = undefined;
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
  } catch (error) {
    log(`搜索索引的工作线程无法启动，改在主线程建索引：${(error as Error).message}`);
    worker = undefined;
  }
  const post = (message: DevIndexRequest) => worker!.postMessage(message);
  return {
    /** Marks a saved file; true when it is under content/ (the index reads nothing else). */
    touch(file: string): boolean {
      if (!relative(root, file).split(sep).join('/').startsWith('content/')) return false;
      if (worker) post({ type: 'touch', path: file });
      else local?.touch(file);
      return true;
    },
    async refresh(): Promise<DevBundle> {
      if (!worker) return inThisThread();
      const id = nextId++;
      const reply = new Promise<DevBundle>((resolve, reject) => waiting.set(id, { resolve, reject }));
      post({ type: 'refresh', id });
      return reply;
    },
    close: () => worker?.terminate(),
  };
}

function devMiddleware(server: ViteDevServer, root: string, base: string, log: (message: string) => void): Connect.NextHandleFunction {
  const prefix = `${base.replace(/\/?$/, '/')}${bundleDirName}/`;
  const index = devSearchIndex(root, log);
  server.httpServer?.on('close', () => void index.close());
  /** The newest refresh asked for; a request waits for it, so it sees every save made before it. */
  let latest: Promise<DevBundle> | undefined;

  // Asked of the worker at once (it answers in order), so an edit is taken in while the dev server's own thread
  // is still busy with the same save.
  const refresh = () => {
    const next = index.refresh();
    latest = next;
    next.catch(() => {
      if (latest === next) latest = undefined;
    });
    return next;
  };

  // Made as the server starts, in the worker, so the first search finds it ready; after a save under content/
  // it is brought up to date at once (not on the next request).
  refresh().catch(() => undefined);
  const invalidate = (file: string) => {
    if (index.touch(file)) refresh().catch(() => undefined);
  };
  server.watcher.on('change', invalidate);
  server.watcher.on('add', invalidate);
  server.watcher.on('unlink', invalidate);

  return async (request, response, next) => {
    const path = (request.url ?? '').split('?')[0];
    if (!path.startsWith(prefix)) return next();
    try {
      const { files, pages } = await (latest ?? refresh());
      const name = decodeURIComponent(path.slice(prefix.length));
      const fragment = /^fragment\/(.+)\.pf_fragment$/.exec(name);
      const page = fragment ? pages.get(fragment[1]!) : undefined;
      const file = page ? gzipSync(`pagefind_dcd${JSON.stringify({ url: page.url, content: page.content, meta: page.meta, filters: page.filters })}`) : files.get(name);
      if (file === undefined) {
        response.statusCode = 404;
        response.end();
        return;
      }
      const extension = path.split('.').pop() ?? '';
      response.setHeader('content-type', contentTypes[extension] ?? 'application/octet-stream');
      response.setHeader('cache-control', 'no-store');
      response.end(file);
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
