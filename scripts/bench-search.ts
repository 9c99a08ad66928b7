/**
 * npm run bench:search [-- 1000 5000] [--queries N]
 *
 * Scale benchmark of the site search on a generated corpus made from the real paragraphs
 * (scripts/search/corpus.ts; written to a temp dir and deleted afterwards). For each size, side by side:
 *
 * - ours: Pagefind with Chinese forced + the CJK sidecar (src/integrations/pagefind-index.ts), queried
 *   through the real search page of the site (built once with `astro build`);
 * - Pagefind defaults: `createIndex()` with no options over the same pages, queried with its own JS API
 *   from a `<html lang="zh-CN">` page.
 *
 * Prints index time, peak memory, index bytes, cold-query payload (compressed, everything the search
 * fetches) and median warm query time in headless Chromium, plus recall / top-3 on the query set.
 * Figures only, no assertions.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';
import { closePagefind, indexSite, writeBundle } from '../src/integrations/pagefind-index.ts';
import { generateCorpus, writeCorpus } from './search/corpus.ts';
import { coldAndWarm, median, pagefindHashUrls, plainPagefindPage, scoreQuery, sidecarPageUrls, summarise, type ColdWarm } from './search/harness.ts';
import { fixedQueries, type QualityQuery } from './search/queries.ts';
import { truthPages } from './search/truth.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const queryLimit = args.includes('--queries') ? Number(args[args.indexOf('--queries') + 1]) : Infinity;
const sizes = args.filter((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--queries').map(Number);
if (sizes.length === 0) sizes.push(1000, 5000);

/** Peak resident memory (VmHWM) of this process's descendants, in bytes: the Pagefind binary. */
function childrenPeakRss(pid = process.pid): number {
  let peak = 0;
  let children: string[] = [];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  } catch {
    return 0;
  }
  for (const child of children) {
    try {
      const status = readFileSync(`/proc/${child}/status`, 'utf8');
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024, childrenPeakRss(Number(child)));
    } catch {
      // exited
    }
  }
  return peak;
}

function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      bytes += statSync(join(entry.parentPath, entry.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

async function sampledPeak<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; nodePeak: number; childPeak: number }> {
  let nodePeak = process.memoryUsage().rss;
  let childPeak = 0;
  const timer = setInterval(() => {
    nodePeak = Math.max(nodePeak, process.memoryUsage().rss);
    childPeak = Math.max(childPeak, childrenPeakRss());
  }, 100);
  const started = performance.now();
  try {
    const value = await run();
    childPeak = Math.max(childPeak, childrenPeakRss());
    return { value, ms: performance.now() - started, nodePeak, childPeak };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// The real search page and its script, from one build of the site.
const siteDist = mkdtempSync(join(tmpdir(), 'laomo-bench-site-'));
console.log(`astro build（取搜索页）→ ${siteDist}`);
execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', siteDist], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' },
});

try {
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `laomo-bench-${size}-`));
    try {
      console.log(`\n=== ${size} 篇（${dir}）===`);
      const articles = generateCorpus(size);
      writeCorpus(dir, articles);
      mkdirSync(join(dir, 'search'), { recursive: true });
      cpSync(join(siteDist, 'search/index.html'), join(dir, 'search/index.html'));
      cpSync(join(siteDist, '_astro'), join(dir, '_astro'), { recursive: true });
      const corpusBytes = dirBytes(join(dir, 'cases')).bytes;
      console.log(`语料：${size} 页，HTML ${mb(corpusBytes)}`);

      // Ours. (Chromium is started only after indexing, so the memory figures are the indexers' own.)
      const nodeBaseline = process.memoryUsage().rss;
      const ours = await sampledPeak(async () => {
        const output = await indexSite({ dir });
        await writeBundle(output.files, join(dir, 'pagefind'));
        return output;
      });
      await closePagefind();
      const oursSize = dirBytes(join(dir, 'pagefind'));
      const sidecarSize = dirBytes(join(dir, 'pagefind/cjk'));

      // Pagefind defaults.
      const defaults = await sampledPeak(async () => {
        const { index } = await pagefind.createIndex();
        await index!.addDirectory({ path: dir, glob: 'cases/**/*.html' });
        await index!.writeFiles({ outputPath: join(dir, 'pagefind-default') });
      });
      await pagefind.close();
      const defaultsSize = dirBytes(join(dir, 'pagefind-default'));
      mkdirSync(join(dir, 'default-search'));
      writeFileSync(join(dir, 'default-search/index.html'), plainPagefindPage('/pagefind-default/'));

      // Queries: the fixed real phrases, and a few full headlines (each names exactly one page).
      const truth = truthPages(dir);
      const headlines: QualityQuery[] = truth.filter((_, i) => i % Math.ceil(truth.length / 4) === 0).map((page) => ({ q: page.title, kind: 'headline' }));
      const queries = [...fixedQueries.slice(0, queryLimit), ...headlines];
      const server = await serveStatic(dir);
      const browser = await launchChromium();
      let oursRuns: ColdWarm[];
      let defaultRuns: ColdWarm[];
      try {
        oursRuns = await coldAndWarm(browser, `${server.url}search/`, 'sidecar', queries.map((q) => q.q), sidecarPageUrls(join(dir, 'pagefind')), 3);
        defaultRuns = await coldAndWarm(browser, `${server.url}default-search/`, 'pagefind', queries.map((q) => q.q), pagefindHashUrls(join(dir, 'pagefind-default')), 3);
      } finally {
        await browser.close();
        await server.close();
      }
      const oursScores = oursRuns.map((run, i) => scoreQuery(queries[i], run.result, truth));
      const defaultScores = defaultRuns.map((run, i) => scoreQuery(queries[i], run.result, truth));
      const oursSummary = summarise(oursScores);
      const defaultSummary = summarise(defaultScores);

      const row = (label: string, a: string, b: string) => console.log(`${label.padEnd(28)}${a.padEnd(30)}${b}`);
      row('', '本站（Pagefind 中文 + 侧车）', 'Pagefind 默认');
      row('建索引时间（含写盘）', `${(ours.ms / 1000).toFixed(1)} s`, `${(defaults.ms / 1000).toFixed(1)} s`);
      row('  其中 Pagefind / 侧车', `${(ours.value.pagefindMs / 1000).toFixed(1)} s / ${(ours.value.sidecarMs / 1000).toFixed(1)} s`, '-');
      row('峰值内存 Pagefind 进程', mb(ours.childPeak), mb(defaults.childPeak));
      row('峰值内存 Node 进程（增量）', `${mb(ours.nodePeak)}（+${mb(ours.nodePeak - nodeBaseline)}）`, mb(defaults.nodePeak));
      row('索引大小（文件数）', `${mb(oursSize.bytes)}（${oursSize.files}）`, `${mb(defaultsSize.bytes)}（${defaultsSize.files}）`);
      row('  其中侧车', `${mb(sidecarSize.bytes)}（${sidecarSize.files}）`, '-');
      row('冷查询载荷 中位数', kb(median(oursRuns.map((r) => r.coldBytes))), kb(median(defaultRuns.map((r) => r.coldBytes))));
      row('冷查询载荷 最大', kb(Math.max(...oursRuns.map((r) => r.coldBytes))), kb(Math.max(...defaultRuns.map((r) => r.coldBytes))));
      row('冷查询时间 中位数', `${median(oursRuns.map((r) => r.coldMs)).toFixed(1)} ms`, `${median(defaultRuns.map((r) => r.coldMs)).toFixed(1)} ms`);
      row('热查询时间 中位数', `${median(oursRuns.map((r) => r.warmMs)).toFixed(1)} ms`, `${median(defaultRuns.map((r) => r.warmMs)).toFixed(1)} ms`);
      row('召回（所有应有页面）', `${(oursSummary.recallAll * 100).toFixed(1)}%`, `${(defaultSummary.recallAll * 100).toFixed(1)}%`);
      row('召回 100% 的查询', `${oursSummary.queriesWithFullRecall}/${oursSummary.queries}`, `${defaultSummary.queriesWithFullRecall}/${defaultSummary.queries}`);
      row('精确匹配排在前面', `${oursSummary.exactFirst}/${oursSummary.queries}`, `${defaultSummary.exactFirst}/${defaultSummary.queries}`);
      row('平均精度', `${(oursSummary.meanPrecision * 100).toFixed(1)}%`, `${(defaultSummary.meanPrecision * 100).toFixed(1)}%`);
      row('标题/导语页 top-1', `${(oursSummary.top1 * 100).toFixed(1)}%`, `${(defaultSummary.top1 * 100).toFixed(1)}%`);
      row('标题/导语页 top-3', `${(oursSummary.top3 * 100).toFixed(1)}%`, `${(defaultSummary.top3 * 100).toFixed(1)}%`);
      console.log('\n逐个查询（应有/本站返回/本站命中 · 默认返回/默认命中 · 冷载荷 本站/默认 · 热 ms 本站/默认）');
      queries.forEach((query, i) => {
        const o = oursScores[i];
        const d = defaultScores[i];
        console.log(
          `  ${query.q.slice(0, 18).padEnd(20)} ${o.expected}/${o.returned}/${o.found} · ${d.returned}/${d.found} · ${kb(oursRuns[i].coldBytes)}/${kb(defaultRuns[i].coldBytes)} · ${oursRuns[i].warmMs.toFixed(1)}/${defaultRuns[i].warmMs.toFixed(1)}`,
        );
      });
      const kinds = (runs: ColdWarm[]) => {
        const total: Record<string, number> = {};
        for (const run of runs) for (const [kind, bytes] of Object.entries(run.coldByKind)) total[kind] = (total[kind] ?? 0) + bytes / runs.length;
        return Object.entries(total).map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join('，');
      };
      console.log(`冷载荷构成（平均）本站：${kinds(oursRuns)}`);
      console.log(`冷载荷构成（平均）默认：${kinds(defaultRuns)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(siteDist, { recursive: true, force: true });
}
