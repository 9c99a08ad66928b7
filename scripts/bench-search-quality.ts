/**
 * npm run bench:search-quality [-- --dist DIR]
 *
 * The search-quality harness on the real content: builds the site (or takes a built one), serves it on
 * 127.0.0.1, runs the query set (scripts/search/queries.ts) in headless Chromium through the search
 * page, and prints recall, precision, exact-first, top-1/top-3 (title/lead page) and cold payload per
 * query; then the near-miss class (scripts/search/queries.ts `nearMissQueries`): where the intended page
 * stands in the labelled second list. Prints figures; the assertions live in tests/site/search.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';
import { coldAndWarm, median, openSearch, runInPage, scoreNearMiss, scoreQuery, sidecarPageUrls, summarise } from './search/harness.ts';
import { allQueries, nearMissQueries } from './search/queries.ts';
import { truthPages } from './search/truth.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const distArg = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : undefined;
const dist = distArg ? resolve(distArg) : mkdtempSync(join(tmpdir(), 'laomo-quality-'));
if (!distArg) {
  console.log(`astro build → ${dist}`);
  execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}

const truth = truthPages(dist);
if (truth.length === 0) {
  console.log('没有已发布的文章（content/cases 全是草稿？），无从衡量。');
  process.exit(0);
}
const queries = allQueries(truth);
const pageUrls = sidecarPageUrls(join(dist, 'pagefind'));
const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  const runs = await coldAndWarm(browser, `${server.url}search/`, 'sidecar', queries.map((q) => q.q), pageUrls, 3);
  const scores = runs.map((run, i) => scoreQuery(queries[i], run.result, truth));
  const pad = (text: string | number, n: number) => String(text).padEnd(n);
  console.log(`\n${truth.length} 篇文章，${queries.length} 个查询\n`);
  console.log([pad('查询', 24), pad('类型', 12), '应有 返回 命中  召回  精度  精确在前 标题/导语 top1 top3  冷载荷KB  热ms'].join(''));
  scores.forEach((s, i) => {
    const run = runs[i];
    console.log(
      [
        pad(s.q.length > 20 ? `${s.q.slice(0, 19)}…` : s.q, 24 - (s.q.slice(0, 20).match(/[^\x00-\xff]/g)?.length ?? 0)),
        pad(s.kind, 12),
        pad(s.expected, 5), pad(s.returned, 5), pad(s.found, 5),
        pad(s.recall.toFixed(2), 6), pad(s.precision.toFixed(2), 6),
        pad(s.exactFirst ? '是' : '否', 8), pad(s.leading, 9),
        pad(s.top1 === null ? '-' : s.top1 ? '✓' : '✗', 5), pad(s.top3 === null ? '-' : s.top3 ? '✓' : '✗', 6),
        pad((run.coldBytes / 1024).toFixed(1), 10), run.warmMs.toFixed(1),
      ].join(''),
    );
  });
  const summary = summarise(scores);
  console.log(`\n召回（全部应有页面）${(summary.recallAll * 100).toFixed(1)}%；召回满分的查询 ${summary.queriesWithFullRecall}/${summary.queries}`);
  console.log(`精确匹配排在前面 ${summary.exactFirst}/${summary.queries}；平均精度 ${(summary.meanPrecision * 100).toFixed(1)}%`);
  console.log(`标题/导语页：top-1 ${(summary.top1 * 100).toFixed(1)}%，top-3 ${(summary.top3 * 100).toFixed(1)}%（${summary.withLeading} 个查询有这样的页面）`);
  console.log(`冷查询载荷（压缩后）中位数 ${(median(runs.map((r) => r.coldBytes)) / 1024).toFixed(1)} KB，最大 ${(Math.max(...runs.map((r) => r.coldBytes)) / 1024).toFixed(1)} KB；热查询中位数 ${median(runs.map((r) => r.warmMs)).toFixed(1)} ms`);

  // Near misses: not part of the figures above (the query as typed is in no page).
  const context = await browser.newContext();
  const page = await openSearch(context, `${server.url}search/`, 'sidecar');
  const near = [];
  for (const query of nearMissQueries) near.push(scoreNearMiss(query, await runInPage(page, 'sidecar', query.q, pageUrls), truth));
  await context.close();
  console.log(`\n近似查询（第二个列表“包含查询中的部分词语”）${near.length} 个\n`);
  console.log([pad('查询', 18), pad('原因', 36), '精确 应找 列出 找到 首个应找页的位置'].join(''));
  for (const s of near) {
    const wide = (text: string) => text.match(/[^\x00-\xff]/g)?.length ?? 0;
    console.log([pad(s.q, 18 - wide(s.q)), pad(s.why, 36 - wide(s.why)), pad(s.exact, 5), pad(s.intended, 5), pad(s.listed, 5), pad(s.found, 5), s.firstAt ?? '不在列表中'].join(''));
  }
  const allFound = near.filter((s) => s.found === s.intended).length;
  console.log(`\n应找页全部在列表中 ${allFound}/${near.length}；应找页排第 1 ${near.filter((s) => s.firstAt === 1).length}/${near.length}，前 3 ${near.filter((s) => s.firstAt !== null && s.firstAt <= 3).length}/${near.length}`);
} finally {
  await browser.close();
  await server.close();
  if (!distArg) rmSync(dist, { recursive: true, force: true });
}
