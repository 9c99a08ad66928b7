/** decap-cms-locales ships no types: each export is a nested table of interface phrases. */
declare module 'decap-cms-locales' {
  type Phrases = Record<string, unknown>;
  export const zh_Hans: Phrases;
}
