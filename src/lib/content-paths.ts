/** Where each collection lives, relative to the project root. One place for the site, the check and the CLIs. */
export const contentPaths = {
  regions: './content/regions.json',
  topics: './content/topics.yaml',
  cases: './content/cases',
  issues: './content/issues',
  redirects: './content/redirects.yaml',
  /** Contact, 投稿 and ICP 备案 for /about/ and the footer (src/lib/site-settings.ts). */
  settings: './content/site.yaml',
  /** The original pages from the newspaper layout system, as received: the provenance archive `source.file` names. */
  sources: './content/sources',
} as const;
