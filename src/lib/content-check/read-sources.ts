import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { contentPaths } from '../content-paths.ts';
import type { ContentSources, SourceFile } from './check-content.ts';

async function readSource(root: string, path: string, collectionDir?: string): Promise<SourceFile> {
  const absolute = join(root, path);
  return {
    file: relative(root, absolute),
    relativePath: collectionDir ? relative(join(root, collectionDir), absolute) : undefined,
    text: await readFile(absolute, 'utf8'),
  };
}

async function readCollection(root: string, dir: string, extension: string): Promise<SourceFile[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
  return Promise.all(paths.map((path) => readSource(root, path, dir)));
}

/** Reads every content file the site is built from. */
export async function readContentSources(root: string): Promise<ContentSources> {
  const [regions, topics, cases, issues] = await Promise.all([
    readSource(root, contentPaths.regions),
    readSource(root, contentPaths.topics),
    readCollection(root, contentPaths.cases, '.mdx'),
    readCollection(root, contentPaths.issues, '.yaml'),
  ]);
  return { regions, topics, cases, issues };
}
