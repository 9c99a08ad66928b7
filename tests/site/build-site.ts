import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroCommandEnv, testSiteUrl } from '../support/child-process.ts';

const root = resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

/** Builds the real site once into a temporary folder; the site tests read what a visitor would get. */
export default function setup(project: TestProject) {
  const distDir = process.env.SITE_DIST ?? mkdtempSync(join(tmpdir(), 'laomo-dist-'));
  if (!process.env.SITE_DIST) {
    console.log(`[site tests] astro build → ${distDir}`);
    execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', distDir], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      // Not vitest's environment: its NODE_ENV=test would make Astro include drafts.
      // SITE_URL explicitly: a production build refuses to run without it (the PDF test reads it back).
      env: astroCommandEnv({ NODE_ENV: 'production', SITE_URL: testSiteUrl }),
    });
  }
  project.provide('distDir', distDir);
  return () => {
    if (!process.env.SITE_DIST) rmSync(distDir, { recursive: true, force: true });
  };
}
