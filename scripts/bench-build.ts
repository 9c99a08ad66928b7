/**
 * npm run bench:build [-- 1000 5000] [--keep] [--quality] [--echo] [--site-from DIR]
 *
 * Issue 9's build benchmark. For each size N (default 200): generates N cases and N/20 issues from the real
 * paragraphs (scripts/bench/build-corpus.ts) into a temporary folder holding a copy of this project and a
 * minimal baseline site (Astro 7 + @astrojs/mdx over the same MDX files, one page per case, then the default
 * Pagefind CLI `pagefind --site dist`), builds both one after the other for each N, and prints wall time, CPU
 * (user+sys of the process tree), peak memory of the process tree and the phases of each, with the ratios.
 * The site is built the way `npm run build` does (scripts/build.ts: astro build, then the search index in its
 * own process, then the swap), without the PDF step (it needs Chromium). Then one case's body is edited and
 * the site built again (--no-rebuild skips it): the rebuild's cost against the cold build's. Each copy has its
 * own node_modules/.astro (Astro's content cache), so the builds do not share or clear one another's cache.
 * --quality runs npm run bench:search-quality on the largest site built. Prints figures; asserts nothing.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadavg, tmpdir, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBenchContent } from './bench/build-corpus.ts';
import { runTree, type TreeRun } from './bench/process-tree.ts';
import { linkNodeModules, siteCopy as copySite } from './bench/site-copy.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const sizes = args.filter((arg, at) => /^\d+$/.test(arg) && args[at - 1] !== '--site-from').map(Number);
if (sizes.length === 0) sizes.push(200);
const keep = args.includes('--keep');
const echo = args.includes('--echo');
const quality = args.includes('--quality');
const rebuild = !args.includes('--no-rebuild');
// --site-from DIR: build another checkout of this project (e.g. `git worktree add` of an older commit) instead
// of this one, to compare before and after a change with the same corpus and baseline.
const siteFrom = args.includes('--site-from') ? resolve(args[args.indexOf('--site-from') + 1]!) : root;

const work = mkdtempSync(join(tmpdir(), 'laomo-bench-build-'));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
const pagefindBin = join(root, 'node_modules/pagefind/lib/runner/bin.cjs');

const siteCopy = (dir: string) => copySite(root, siteFrom, dir);

/** Astro 7 + @astrojs/mdx over the site's MDX files: one page per case, nothing else. */
function baselineSite(dir: string, casesDir: string) {
  mkdirSync(join(dir, 'src/pages/cases'), { recursive: true });
  linkNodeModules(root, dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }));
  writeFileSync(join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()] });\n`);
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { cases: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(casesDir)} }) }) };\n`,
  );
  writeFileSync(
    join(dir, 'src/pages/cases/[id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const cases = await getCollection('cases');
  return cases.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><main><article><h1>{entry.data.title}</h1><Content /></article></main></body></html>
`,
  );
}

interface Phases {
  syncMs?: number;
  bundleMs?: number;
  renderMs?: number;
  pages?: number;
  searchMs?: number;
  /** Mean of the “(+Nms)” Astro logs for each /cases/…/ page. */
  casePageMs?: number;
  /** Sum of the “(+Nms)” Astro logs of the share images (/share/…png), which a cold build draws. */
  shareMs?: number;
  shareImages?: number;
}

/** Phases from the times Astro's log lines appeared: sync ends at “Synced content”, rendering runs from
 * “generating static routes” to its “Completed in”, and the integrations (search index, sitemap) follow. */
function astroPhases(run: TreeRun): Phases {
  const at = (pattern: RegExp, after = 0) => run.lines.find((line) => line.atMs >= after && pattern.test(line.text))?.atMs;
  const synced = at(/Synced content/);
  const rendering = at(/generating static routes/);
  const rendered = rendering === undefined ? undefined : at(/Completed in/, rendering);
  const pagesLine = run.lines.find((line) => /(\d+) page\(s\) built in/.test(line.text));
  const searchLine = run.lines.find((line) => /Pagefind \+ CJK sidecar: .* in (\d+) ms/.test(line.text));
  const casePageTimes = run.lines.flatMap((line) => {
    const match = /\/cases\/[^/]+\/index\.html \(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(line.text);
    return match ? [Number(match[1]) * (match[2] === 's' ? 1000 : 1)] : [];
  });
  const shareTimes = run.lines.flatMap((line) => {
    const match = /\/share\/\S+\.png \(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(line.text);
    return match ? [Number(match[1]) * (match[2] === 's' ? 1000 : 1)] : [];
  });
  return {
    shareMs: shareTimes.length ? shareTimes.reduce((a, b) => a + b, 0) : undefined,
    shareImages: shareTimes.length || undefined,
    casePageMs: casePageTimes.length ? casePageTimes.reduce((a, b) => a + b, 0) / casePageTimes.length : undefined,
    syncMs: synced,
    bundleMs: synced !== undefined && rendering !== undefined ? rendering - synced : undefined,
    renderMs: rendering !== undefined && rendered !== undefined ? rendered - rendering : undefined,
    pages: pagesLine ? Number(/(\d+) page\(s\)/.exec(pagesLine.text)![1]) : undefined,
    searchMs: searchLine ? Number(/in (\d+) ms/.exec(searchLine.text)![1]) : undefined,
  };
}

interface Measured {
  wallMs: number;
  cpuMs: number;
  peakBytes: number;
  phases: Phases;
  casePages: number;
}

function check(run: TreeRun, what: string) {
  if (run.code !== 0) {
    console.error(run.lines.slice(-40).map((line) => line.text).join('\n'));
    throw new Error(`${what} 失败（退出码 ${run.code}）`);
  }
}

async function buildSite(dir: string, cases: number): Promise<Measured> {
  // npm run build's steps (an older checkout given with --site-from may only have astro build).
  const build = join(dir, 'scripts/build.ts');
  const command = existsSync(build) ? [build, '--skip-pdf'] : [astroBin, 'build'];
  const run = await runTree(process.execPath, command, { cwd: dir, env, echo });
  check(run, 'npm run build（本站）');
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, peakBytes: run.peakBytes, phases: astroPhases(run), casePages: cases };
}

/** One case's body gets a new paragraph (what an editor's fix looks like). */
function editOneCase(siteDir: string) {
  const casesDir = join(siteDir, 'content/cases');
  const name = readdirSync(casesDir).filter((file) => file.endsWith('.mdx')).sort()[0]!;
  appendFileSync(join(casesDir, name), '\n编辑补充：这一段是改稿后新加的，用来测量改一篇文章后的重新构建。\n');
  return name;
}

async function buildBaseline(dir: string, cases: number): Promise<Measured> {
  const astro = await runTree(process.execPath, [astroBin, 'build'], { cwd: dir, env, echo });
  check(astro, 'astro build（基线）');
  const search = await runTree(process.execPath, [pagefindBin, '--site', 'dist'], { cwd: dir, env, echo });
  check(search, 'pagefind（基线）');
  return {
    wallMs: astro.wallMs + search.wallMs,
    cpuMs: astro.cpuMs + search.cpuMs,
    peakBytes: Math.max(astro.peakBytes, search.peakBytes),
    phases: { ...astroPhases(astro), searchMs: search.wallMs },
    casePages: cases,
  };
}

const s = (ms?: number) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const pad = (text: string, n: number) => text.padEnd(n);

function row(label: string, m: Measured) {
  const { phases } = m;
  const perPage = phases.renderMs !== undefined ? `${(phases.renderMs / (phases.pages ?? m.casePages)).toFixed(1)} ms` : '—';
  const perCase = phases.casePageMs !== undefined ? `${phases.casePageMs.toFixed(1)} ms` : '—';
  return [pad(label, 10), pad(s(m.wallMs), 9), pad(s(m.cpuMs), 9), pad(gb(m.peakBytes), 9), pad(s(phases.syncMs), 9), pad(s(phases.bundleMs), 9), pad(s(phases.renderMs), 9), pad(`${phases.pages ?? '—'}`, 7), pad(perPage, 9), pad(perCase, 9), s(phases.searchMs)].join('');
}

console.log(`bench:build — ${cpus().length} 核，内存 ${gb(totalmem())}，开始时负载 ${loadavg().map((l) => l.toFixed(2)).join(' ')}，${new Date().toISOString()}`);
console.log(`临时目录 ${work}${siteFrom === root ? '' : `；本站取自 ${siteFrom}`}`);
const results: { size: number; issues: number; site: Measured; rebuilt?: Measured; baseline: Measured; load: number[] }[] = [];
let largestSite: string | undefined;
try {
  for (const size of sizes) {
    const siteDir = join(work, `site-${size}`);
    const baseDir = join(work, `baseline-${size}`);
    siteCopy(siteDir);
    rmSync(join(siteDir, 'content/cases'), { recursive: true, force: true });
    rmSync(join(siteDir, 'content/issues'), { recursive: true, force: true });
    const generated = writeBenchContent(join(siteDir, 'content'), size);
    baselineSite(baseDir, join(siteDir, 'content/cases'));
    console.log(`\nN = ${size}：${generated.cases} 篇案例，${generated.issues} 期专版`);
    const site = await buildSite(siteDir, size);
    console.log(`  本站 ${s(site.wallMs)}`);
    let rebuilt: Measured | undefined;
    if (rebuild) {
      const edited = editOneCase(siteDir);
      rebuilt = await buildSite(siteDir, size);
      console.log(`  本站改一篇（${edited}）后重建 ${s(rebuilt.wallMs)}`);
    }
    const baseline = await buildBaseline(baseDir, size);
    console.log(`  基线 ${s(baseline.wallMs)}`);
    results.push({ size, issues: generated.issues, site, rebuilt, baseline, load: loadavg() });
    // The figures of this size right away, in case a larger size runs out of time or memory.
    console.log(row('  本站', site));
    if (rebuilt) console.log(row('  改后重建', rebuilt));
    console.log(row('  基线', baseline));
    largestSite = siteDir;
    if (!keep) rmSync(baseDir, { recursive: true, force: true });
  }

  console.log(`\n${[pad('', 10), pad('墙钟', 9), pad('CPU', 9), pad('峰值内存', 9), pad('内容同步', 9), pad('打包', 9), pad('渲染', 9), pad('页数', 7), pad('每页', 9), pad('每篇案例', 9), '搜索索引'].join('')}`);
  for (const { size, site, rebuilt, baseline, load } of results) {
    console.log(`N = ${size}（结束时负载 ${load.map((l) => l.toFixed(1)).join(' ')}）`);
    console.log(row('本站', site));
    if (rebuilt) console.log(row('改后重建', rebuilt));
    console.log(row('基线', baseline));
    if (rebuilt) console.log(`  改一篇后重建 / 冷构建：墙钟 ${(rebuilt.wallMs / site.wallMs).toFixed(2)}×，CPU ${(rebuilt.cpuMs / site.cpuMs).toFixed(2)}×`);
    if (site.phases.shareMs !== undefined) {
      console.log(`  渲染中的分享图：${site.phases.shareImages} 张共 ${s(site.phases.shareMs)}（每张 ${(site.phases.shareMs / site.phases.shareImages!).toFixed(1)} ms；冷构建全部要画）`);
    }
    console.log(
      `  比值：墙钟 ${(site.wallMs / baseline.wallMs).toFixed(2)}×，CPU ${(site.cpuMs / baseline.cpuMs).toFixed(2)}×，峰值内存 ${(site.peakBytes / baseline.peakBytes).toFixed(2)}×`,
    );
  }
  if (results.length > 1) {
    const perPage = (m: Measured) => (m.phases.renderMs ?? NaN) / (m.phases.pages ?? m.casePages);
    const first = results[0]!;
    const last = results[results.length - 1]!;
    console.log(`本站每页渲染（所有页面平均）：N=${last.size} 是 N=${first.size} 的 ${(perPage(last.site) / perPage(first.site)).toFixed(2)}×`);
    console.log(`本站每篇案例页（Astro 记录的 +ms）：N=${last.size} 是 N=${first.size} 的 ${((last.site.phases.casePageMs ?? NaN) / (first.site.phases.casePageMs ?? NaN)).toFixed(2)}×`);
  }
  if (quality && largestSite) {
    console.log(`\n搜索质量（N = ${sizes[sizes.length - 1]}）：`);
    execFileSync(process.execPath, [join(root, 'scripts/bench-search-quality.ts'), '--dist', join(largestSite, 'dist')], { cwd: root, stdio: 'inherit', env });
  }
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`保留了 ${work}`);
}
