/** A copy of this project for the benchmarks, in a temporary folder, with links to its packages. */
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** node_modules of links to `root`'s packages, but its own caches (.astro holds Astro's content store). */
export function linkNodeModules(root: string, dir: string) {
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
}

/** The site's code and shared content files of `from` (no cases, no issues) into `dir`. */
export function siteCopy(root: string, from: string, dir: string) {
  mkdirSync(dir, { recursive: true });
  for (const path of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'content/regions.json', 'content/topics.yaml', 'content/redirects.yaml', 'content/sources']) {
    if (existsSync(join(from, path))) cpSync(join(from, path), join(dir, path), { recursive: true });
  }
  linkNodeModules(root, dir);
}
