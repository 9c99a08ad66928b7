/** Where each collection lives, relative to the project root. One place for the site, the check and the CLIs. */
export const contentPaths = {
  regions: './content/regions.json',
  topics: './content/topics.yaml',
  cases: './content/cases',
  issues: './content/issues',
  redirects: './content/redirects.yaml',
  /** The original pages from the newspaper layout system, as received: the provenance archive `source.file` names. */
  sources: './content/sources',
} as const;
