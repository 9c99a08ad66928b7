import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { contentPaths } from '../content-paths.ts';
import type { ContentSources, SourceFile } from './check-content.ts';
import { utf8Problem } from './encoding.ts';

async function readSource(root: string, path: string, collectionDir?: string): Promise<SourceFile> {
  const absolute = join(root, path);
  const bytes = await readFile(absolute);
  return {
    file: relative(root, absolute).split(sep).join('/'),
    relativePath: collectionDir ? relative(join(root, collectionDir), absolute).split(sep).join('/') : undefined,
    text: bytes.toString('utf8'),
    encoding: utf8Problem(bytes),
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

/** Every file under a folder, relative to `base`, with `/` separators. */
async function listFiles(folder: string, base: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(base, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** A file among the cases or issues that the site does not read: `a.md`, `a.MDX`, `a.mdx.txt`, `a.yml` (images and dot-files aside). */
function strayFile(path: string): boolean {
  const name = path.split('/').pop()!;
  if (name.startsWith('.') || /\.(?:jpe?g|png|webp|avif|gif|svg)$/i.test(name)) return false;
  if (path.startsWith('content/cases/')) return !name.endsWith('.mdx');
  if (path.startsWith('content/issues/')) return !name.endsWith('.yaml');
  return false;
}

/** Reads every content file the site is built from, the other files under content/ and the page routes. */
export async function readContentSources(root: string): Promise<ContentSources> {
  const [regions, topics, cases, issues, redirects, settings, contentFiles, routes] = await Promise.all([
    readSource(root, contentPaths.regions),
    readSource(root, contentPaths.topics),
    readCollection(root, contentPaths.cases, '.mdx'),
    readCollection(root, contentPaths.issues, '.yaml'),
    readSource(root, contentPaths.redirects).catch(() => undefined),
    readSource(root, contentPaths.settings).catch(() => undefined),
    listFiles(join(root, 'content'), root),
    listFiles(join(root, 'src/pages'), join(root, 'src/pages')),
  ]);
  const assets = new Set(contentFiles.filter((path) => !/\.(mdx|ya?ml|json)$/.test(path)));
  const read = new Set([...cases, ...issues].map((source) => source.file));
  const unread = contentFiles.filter((path) => strayFile(path) && !read.has(path));
  return { regions, topics, cases, issues, redirects, settings, assets, routes, unread };
}
