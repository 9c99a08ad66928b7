/**
 * A folder of compiled files keyed by what they were compiled from, kept between builds: the MDX compile
 * (src/integrations/mdx-cache.ts) reads an article's output from here when the article's text, its path and the
 * source version (code, config, packages: src/lib/source-version.ts) are all unchanged. Entries are written to a
 * temporary name and renamed, so a build that stops half-way never leaves half an entry; an unreadable entry is
 * a miss. A full build prunes the entries it did not use. The folder is listed once, so a cold build (nothing
 * cached) does not try and fail to open a file per article.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function createTransformCache<T>(dir: string, version: string) {
  const used = new Set<string>();
  let stored: Set<string>;
  try {
    stored = new Set(readdirSync(dir));
  } catch {
    stored = new Set();
  }
  let made = false;
  const stats = { hits: 0, misses: 0 };
  const keyOf = (id: string, code: string) => createHash('sha256').update(version).update('\u0000').update(id).update('\u0000').update(code).digest('hex');

  return {
    stats,
    get(id: string, code: string): T | undefined {
      const key = keyOf(id, code);
      used.add(key);
      if (!stored.has(`${key}.json`)) {
        stats.misses += 1;
        return undefined;
      }
      try {
        const value = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as T;
        stats.hits += 1;
        return value;
      } catch {
        stats.misses += 1;
        return undefined;
      }
    },
    set(id: string, code: string, value: T) {
      const key = keyOf(id, code);
      used.add(key);
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      const temporary = join(dir, `${key}.${process.pid}.tmp`);
      writeFileSync(temporary, JSON.stringify(value));
      renameSync(temporary, join(dir, `${key}.json`));
      stored.add(`${key}.json`);
    },
    /** Removes the entries this run did not read or write (call after a complete build only). */
    prune(): number {
      let removed = 0;
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        return 0;
      }
      for (const name of names) {
        if (used.has(name.replace(/\.json$/, ''))) continue;
        rmSync(join(dir, name), { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}
