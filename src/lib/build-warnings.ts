/**
 * Known upstream warnings the build hides, so real ones are seen. Only this one for now: Astro's content
 * layer wraps every MDX entry in a module starting with the directive "use astro:head-inject", and Rolldown
 * warns once per file that bundling may not preserve it (21 lines now, 5,000 at 5,000 articles). Astro reads
 * the directive before bundling; the warning is noise.
 */
export interface BuildWarning {
  code?: string;
  message: string;
}

export function isKnownUpstreamWarning(warning: BuildWarning): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
}

/** For `vite.build.rolldownOptions.onwarn`: drop the known warning, pass every other one to Vite's handler. */
export function filterKnownWarnings(warning: BuildWarning, warn: (warning: BuildWarning) => void): void {
  if (!isKnownUpstreamWarning(warning)) warn(warning);
}
