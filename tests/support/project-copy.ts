/** A temporary copy of the project that `npm run build` can run in, with Astro's caches of its own. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/**
 * Copies what a build reads into a new temporary folder named `<prefix>XXXXXX` and links each installed package.
 * node_modules/.bin is linked too, for `npm run`; not .astro or .vite (Astro's caches: the incremental build's
 * copies and the MDX compiles), nor .cache: the copy starts cold and keeps its own.
 */
export function copyProjectForBuild(prefix: string): string {
  const project = mkdtempSync(join(tmpdir(), prefix));
  for (const path of ['src', 'public', 'scripts', 'content', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    if (existsSync(join(root, path))) cpSync(join(root, path), join(project, path), { recursive: true });
  }
  mkdirSync(join(project, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (!name.startsWith('.') || name === '.bin') symlinkSync(join(root, 'node_modules', name), join(project, 'node_modules', name));
  }
  return project;
}
