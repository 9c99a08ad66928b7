/**
 * `npm run build`: astro build, the search index and the issue PDFs, into a new folder that replaces dist/
 * only when all succeeded (scripts/lib/build-swap.ts). An interrupted or failed build leaves dist/ as it was.
 * The search index is its own step after Astro's process has exited (scripts/search-index.ts), so the peak
 * memory is the larger of the two, not their sum.
 *
 *   npm run build
 *   node scripts/build.ts --skip-pdf                                        (npm run bench:build: no Chromium)
 *   node scripts/build.ts --dist DIR --step "node fake-build.mjs {out}"   (tests: other steps; `{out}` is the folder being built)
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildThenSwap, type BuildStep } from './lib/build-swap.ts';
import { searchIndexStepEnv } from '../src/integrations/pagefind-index.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    step: { type: 'string', multiple: true },
    'skip-pdf': { type: 'boolean', default: false },
  },
});

const defaultSteps: BuildStep[] = [
  [process.execPath, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', '{out}'],
  [process.execPath, join(root, 'scripts/search-index.ts'), '--dist', '{out}'],
  ...(values['skip-pdf'] ? [] : [[process.execPath, join(root, 'scripts/pdf.ts'), '--if-available', '--dist', '{out}']]),
];
const steps = values.step?.map((step) => step.split(' ').filter(Boolean)) ?? defaultSteps;
// The Astro integration leaves the index to the search-index step (inherited by every step's process).
if (!values.step) process.env[searchIndexStepEnv] = '1';

process.exitCode = await buildThenSwap({ distDir: values.dist!, steps, cwd: process.cwd() });
