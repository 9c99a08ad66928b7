/**
 * The part of every page key (src/lib/page-key.ts) that is not one page's data: a hash of the code, the config,
 * the installed packages, the site-wide content (content/site.yaml, regions, topics, redirects, images and other
 * files under content/) and the environment a build reads (SITE_URL, BASE_PATH …). Any change there renders
 * every keyed page again; articles (content/cases/*.mdx) and issues (content/issues/*.yaml) are left out because
 * each page's view counts the entries it shows by their digests.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files and folders (relative to the project root) whose every byte is part of the version. */
export const versionedPaths = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'content'];
/** Environment variables a build reads. */
export const versionedEnv = ['SITE_URL', 'BASE_PATH', 'NODE_ENV', 'CI', 'MARKDOWN_PROCESSOR'];

/** Per-entry content files: keyed by the pages that show them, not by the version. */
const perEntryFile = (path: string) => /^content\/cases\/.*\.mdx$/.test(path) || /^content\/issues\/.*\.ya?ml$/.test(path);

function filesUnder(root: string, path: string): string[] {
  const absolute = join(root, path);
  let stat;
  try {
    stat = statSync(absolute);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

export function sourceVersion(root: string, env: NodeJS.ProcessEnv = process.env, paths: readonly string[] = versionedPaths): string {
  const hash = createHash('sha256');
  const files = paths.flatMap((path) => filesUnder(root, path)).filter((path) => !perEntryFile(path)).sort();
  for (const file of files) hash.update(`${file}\u0000`).update(readFileSync(join(root, file))).update('\u0001');
  for (const name of versionedEnv) hash.update(`${name}=${env[name] ?? ''}\u0002`);
  return hash.digest('hex');
}
