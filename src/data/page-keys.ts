/**
 * Incremental-build keys of this build's pages (src/lib/page-key.ts). The source version is hashed once per
 * build, from the project folder `astro build` runs in. `astro dev` renders on request and keeps no copies:
 * no keys there.
 */
import { pageKey } from '../lib/page-key.ts';
import { sourceVersion } from '../lib/source-version.ts';

let version: string | undefined;

/** The key of a page rendered from `view`, or undefined in `astro dev`. */
export function buildPageKey(view: unknown): string | undefined {
  if (import.meta.env.DEV) return undefined;
  version ??= sourceVersion(process.cwd());
  return pageKey(version, view);
}
