/**
 * Known upstream warnings the build hides, so that the build log an editor reads shows only real ones:
 *
 * - Astro's content layer wraps every MDX entry in a module starting with the directive "use astro:head-inject",
 *   and Rolldown warns once per file that bundling may not preserve it (21 lines now, 5,000 at 5,000 articles).
 *   Astro reads the directive before bundling; the warning is noise.
 * - The editors' desk (/admin/, Decap CMS) bundles React libraries marked "use client" (a React Server Components
 *   directive, meaningless in a browser bundle) and parsers with a direct `eval` (gray-matter's JavaScript front
 *   matter engine, TOML, js-sha256's Node detection), none of which the desk uses to run content. Hidden only for
 *   those packages: the same warning from anywhere else still shows.
 * - The desk's content check (src/lib/cms/entry-check.ts) bundles zhlint, whose Node-only report and config code
 *   imports `fs` and `console`; the desk never calls that code, and Vite's "externalized for browser
 *   compatibility" notice about it is hidden for zhlint only.
 * - The desk is one ~6 MB chunk by design, and its check a second one of ~0.8 MB (both loaded on /admin/ only).
 *   Vite's chunk-size warning cannot exempt a chunk, so its limit is lifted and `chunkSizeGuard` warns the same way
 *   for every other chunk.
 */
export interface BuildWarning {
  code?: string;
  message: string;
  id?: string;
  loc?: { file?: string; line: number; column: number };
}

/** Packages of the desk's bundle whose "use client" or `eval` warnings are known and harmless. */
export const deskBundleWarningPackages = {
  MODULE_LEVEL_DIRECTIVE: ['react-toastify', 'jotai'],
  EVAL: ['gray-matter', '@iarna/toml', 'js-sha256'],
} as const;

const inPackage = (path: string, name: string) => path.replaceAll('\\', '/').includes(`node_modules/${name}/`);

/** Packages of the desk's check whose Node built-in imports are externalized in the browser bundle, harmlessly. */
export const deskExternalizedBuiltinPackages = ['zhlint'] as const;

export function isKnownUpstreamWarning(warning: BuildWarning): boolean {
  const externalized = /has been externalized for browser compatibility, imported by "([^"]+)"/.exec(warning.message)?.[1];
  if (externalized) return deskExternalizedBuiltinPackages.some((name) => inPackage(externalized, name));
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE') {
    if (warning.message.includes('"use astro:head-inject"')) return true;
    const file = /"use client" in "([^"]+)"/.exec(warning.message)?.[1];
    return !!file && deskBundleWarningPackages.MODULE_LEVEL_DIRECTIVE.some((name) => inPackage(file, name));
  }
  if (warning.code === 'EVAL') {
    const file = warning.id ?? warning.loc?.file;
    return !!file && deskBundleWarningPackages.EVAL.some((name) => inPackage(file, name));
  }
  return false;
}

/** For `vite.build.rolldownOptions.onwarn`: drop the known warnings, pass every other one to Vite's handler. */
export function filterKnownWarnings(warning: BuildWarning, warn: (warning: BuildWarning) => void): void {
  if (!isKnownUpstreamWarning(warning)) warn(warning);
}

/** Vite's default chunk-size warning limit, in kB, which chunkSizeGuard keeps for every chunk but the desk's. */
export const chunkSizeLimitKb = 500;

export interface ChunkForSize {
  fileName: string;
  code: string;
  moduleIds: readonly string[];
}

/** The desk's chunks: the one that bundles Decap CMS, and the one with the content check it loads beside it. */
export const isDeskChunk = (chunk: ChunkForSize) =>
  chunk.moduleIds.some(
    (id) => inPackage(id, 'decap-cms-app') || inPackage(id, 'decap-cms-core') || id.replaceAll('\\', '/').endsWith('/src/lib/cms/entry-check.ts'),
  );

/** Chunks over the limit, the desk's excepted: `name (N kB)`. */
export function oversizedChunks(chunks: readonly ChunkForSize[], limitKb = chunkSizeLimitKb): string[] {
  return chunks
    .filter((chunk) => !isDeskChunk(chunk))
    .map((chunk) => ({ chunk, kb: Buffer.byteLength(chunk.code) / 1000 }))
    .filter(({ kb }) => kb > limitKb)
    .map(({ chunk, kb }) => `${chunk.fileName} (${kb.toFixed(0)} kB)`);
}

interface OutputItem {
  type: string;
  fileName: string;
  code?: string;
  moduleIds?: readonly string[];
  modules?: Record<string, unknown>;
}

/** A Vite plugin: Vite's chunk-size warning for the browser's chunks, leaving out the desk's. */
export function chunkSizeGuard() {
  return {
    name: 'laomo:chunk-size-guard',
    apply: 'build' as const,
    generateBundle(this: { warn(message: string): void; environment?: { config?: { consumer?: string } } }, _options: unknown, bundle: Record<string, OutputItem>) {
      if (this.environment?.config?.consumer && this.environment.config.consumer !== 'client') return;
      const chunks = Object.values(bundle)
        .filter((item) => item.type === 'chunk')
        .map((item) => ({ fileName: item.fileName, code: item.code ?? '', moduleIds: item.moduleIds ?? Object.keys(item.modules ?? {}) }));
      const large = oversizedChunks(chunks);
      if (large.length) this.warn(`Some chunks are larger than ${chunkSizeLimitKb} kB after minification: ${large.join(', ')}`);
    },
  };
}
