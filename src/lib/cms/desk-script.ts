/**
 * Where the editors' desk script is. A build writes it to /admin/desk/desk.js (src/integrations/desk-bundle.ts,
 * cached between builds); `astro dev` serves the source through Vite. The admin page links it relatively, so it
 * works under any BASE_PATH.
 */

/** The desk's source entry, relative to the project root: what the build bundles and `astro dev` serves. */
export const deskScriptSource = 'src/admin/desk.ts';
/** The folder of the built desk script, relative to the build's output. */
export const deskScriptFolder = 'admin/desk';
/** The built desk script's file name in that folder. */
export const deskScriptEntry = 'desk.js';

/** The `src` of the admin page's script: the built bundle, or in `astro dev` the source for Vite to serve. */
export function deskScriptSrc(dev: boolean, baseUrl: string): string {
  return dev ? `${baseUrl.replace(/\/?$/, '/')}${deskScriptSource}` : `desk/${deskScriptEntry}`;
}
