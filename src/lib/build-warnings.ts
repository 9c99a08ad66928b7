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
 *
 * The desk is bundled apart from Astro's build (src/integrations/desk-bundle.ts), with the same filter; its one
 * ~6 MB chunk is by design (loaded on /admin/ only), so that build alone lifts Vite's chunk-size limit.
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
