/** The one fontkit call the share images use (the package ships no types). */
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
