/**
 * `node scripts/search-index.ts --dist DIR`: the site search (Pagefind + CJK sidecar) over a built folder, in
 * its own process. `npm run build` (scripts/build.ts) runs it after `astro build` has exited, so the build's
 * peak memory is the larger of the two processes rather than their sum; it tells the Astro integration to
 * leave the index to this step (searchIndexStepEnv). A direct `astro build` still indexes in-process.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indexBuiltSite, searchIndexSummary } from '../src/integrations/pagefind-index.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const outDir = resolve(values.dist!);
const started = performance.now();
try {
  const result = await indexBuiltSite(outDir, join(outDir, 'pagefind'));
  console.log(searchIndexSummary(result, performance.now() - started));
} catch (error) {
  console.error(`建立站内搜索索引失败（${outDir}）：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
