/**
 * `npm run build`: astro build and the issue PDFs, into a new folder that replaces dist/ only when both
 * succeeded (scripts/lib/build-swap.ts). An interrupted or failed build leaves dist/ as it was.
 *
 *   npm run build
 *   node scripts/build.ts --dist DIR --step "node fake-build.mjs {out}"   (tests: other steps; `{out}` is the folder being built)
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildThenSwap, type BuildStep } from './lib/build-swap.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    step: { type: 'string', multiple: true },
  },
});

const defaultSteps: BuildStep[] = [
  [process.execPath, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', '{out}'],
  [process.execPath, join(root, 'scripts/pdf.ts'), '--if-available', '--dist', '{out}'],
];
const steps = values.step?.map((step) => step.split(' ').filter(Boolean)) ?? defaultSteps;

process.exitCode = await buildThenSwap({ distDir: values.dist!, steps, cwd: process.cwd() });
