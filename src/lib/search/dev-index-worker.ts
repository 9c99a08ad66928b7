/**
 * The dev search index (./dev-index.ts) in a worker thread of `astro dev`, so making it (seconds of CPU at a
 * thousand articles) never holds up the dev server's own requests. Messages: `{ type: 'touch', path }` for a
 * saved file, `{ type: 'refresh', id }` to bring the index up to date; answered with what changed since the
 * last answer (the files and pages made again, those gone) or `{ type: 'failed', ids, message }`; refreshes
 * asked for while one runs are answered together by the next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openccFoldTable } from '../../integrations/pagefind-index.ts';
import type { IndexedPage } from './build-sidecar.ts';
import { createDevSearchIndex } from './dev-index.ts';

export type DevIndexRequest = { type: 'touch'; path: string } | { type: 'refresh'; id: number };
/** What changed since the previous reply: files and pages made again, and those gone. */
export type DevIndexReply =
  | { type: 'done'; ids: number[]; files: [string, string][]; removedFiles: string[]; pages: IndexedPage[]; removedPages: string[]; summary: string }
  | { type: 'failed'; ids: number[]; message: string };

/** The entries of `next` that are not (the same object as) in `sent`, and the keys of `sent` not in `next`. */
function changes<V>(sent: Map<string, V>, next: Map<string, V>): { changed: [string, V][]; removed: string[] } {
  const changed = [...next].filter(([key, value]) => sent.get(key) !== value);
  const removed = [...sent.keys()].filter((key) => !next.has(key));
  return { changed, removed };
}

if (parentPort) {
  const port = parentPort;
  const index = openccFoldTable().then((fold) => createDevSearchIndex({ root: (workerData as { root: string }).root, fold }));
  let sentFiles = new Map<string, string>();
  let sentPages = new Map<string, IndexedPage>();
  /** Refreshes asked for and not yet started: the next refresh answers them all. */
  const asked: number[] = [];
  let running = false;
  async function work() {
    if (running) return;
    running = true;
    // One refresh at a time; each takes in every file touched before it started.
    while (asked.length) {
      const ids = asked.splice(0);
      try {
        const made = await (await index).refresh();
        const files = changes(sentFiles, made.files);
        const pages = changes(sentPages, made.pages);
        sentFiles = made.files;
        sentPages = made.pages;
        const reply: DevIndexReply = {
          type: 'done',
          ids,
          files: files.changed,
          removedFiles: files.removed,
          pages: pages.changed.map(([, page]) => page),
          removedPages: pages.removed,
          summary: made.summary,
        };
        port.postMessage(reply);
      } catch (error) {
        // The index reads everything again next time; so must the copy in the main thread.
        sentFiles = new Map();
        sentPages = new Map();
        port.postMessage({ type: 'failed', ids, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies DevIndexReply);
      }
    }
    running = false;
  }
  port.on('message', (message: DevIndexRequest) => {
    if (message.type === 'touch') {
      void index.then((made) => made.touch(message.path));
      return;
    }
    asked.push(message.id);
    void work();
  });
}
