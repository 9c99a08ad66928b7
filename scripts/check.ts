#!/usr/bin/env node
/**
 * npm run check — checks all content before publishing. Lists every problem as `file:line  field  message`
 * with a hint, and exits 1 when anything blocks publishing. Errors are always listed; reminders and
 * unpublished entries only for the files changed since the last commit (the rest as one line), unless --all.
 *
 *   npm run check                  检查全部内容
 *   npm run check -- --fix         自动改正中文标点等排版问题，并显示改动
 *   npm run check -- --quiet       只显示错误
 *   npm run check -- --all         显示全部提醒和未发布的内容（包括别人的文件）
 *   npm run check -- --code        之后再检查网站代码（astro check，约半分钟；自动流程会运行）
 */
import { spawn } from 'node:child_process';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeAstroCheckSummary, translateAstroCheckOutput } from '../src/lib/astro-check-output.ts';
import { runChecks } from '../src/lib/content-check/check-content.ts';
import { blocksPublishing, type Problem } from '../src/lib/content-check/problem.ts';
import { countOf, formatProblemList, otherFindings } from '../src/lib/content-check/report.ts';
import { readContentSources } from '../src/lib/content-check/read-sources.ts';
import { applyFixes, type TypographyFix } from '../src/lib/content-check/typography.ts';
import { changedContentFiles, readPublishedBefore } from './lib/git-state.ts';

const usage = `用法：npm run check [-- 选项]
  --fix     自动改正中文里的半角标点、省略号、直引号等，并显示改动
  --quiet   只显示错误
  --all     显示全部提醒和未发布的内容（默认只显示你改动过的文件的）
  --code    内容检查之后再检查网站代码（astro check，约半分钟）`;

let flags: { fix: boolean; quiet: boolean; all: boolean; code: boolean; root?: string; help: boolean };
try {
  ({ values: flags } = parseArgs({
    options: {
      fix: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      code: { type: 'boolean', default: false },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
  console.error(`不认识的选项${option ? ` ${option}` : ''}。\n${usage}`);
  process.exit(2);
}
if (flags.help) {
  console.log(usage);
  process.exit(0);
}

const root = resolve(flags.root ?? join(import.meta.dirname, '..'));
const contentPassed = await checkContent();
const codePassed = flags.code ? await checkCode() : true;
// Exit now: a library timer would otherwise keep the process alive for seconds.
process.exit(contentPassed && codePassed ? 0 : 1);

async function checkContent(): Promise<boolean> {
  const started = performance.now();
  const publishedBefore = readPublishedBefore(root);
  let sources = await readContentSources(root);
  let { problems, fixes } = runChecks(sources, { publishedBefore });

  if (flags.fix) {
    const changed = await applyTypographyFixes(fixes);
    if (changed) {
      sources = await readContentSources(root);
      ({ problems, fixes } = runChecks(sources, { publishedBefore }));
    } else console.log('没有可以自动改正的排版问题。\n');
  }

  // Reminders and unpublished entries of other people's files are counted, not listed: they are not yours to act on.
  const changedFiles = flags.all ? undefined : changedContentFiles(root);
  const listed = (problem: Problem) =>
    problem.severity === 'error' || (!flags.quiet && (flags.all || (changedFiles?.has(problem.file) ?? false)));
  const shown = problems.filter(listed);
  const hidden = problems.filter((problem) => !listed(problem));
  for (const line of formatProblemList(shown)) console.log(line);

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const counted = `${sources.cases.length} 篇案例、${sources.issues.length} 个专版`;
  const extras = otherFindings(problems);
  if (hidden.length && !flags.quiet) {
    const parts = [countOf(hidden, 'warning') && `${countOf(hidden, 'warning')} 条提醒`, countOf(hidden, 'info') && `${countOf(hidden, 'info')} 项未发布的内容`].filter(Boolean).join('、');
    const whose = changedFiles ? '在你没有改动的文件里' : '没有逐条列出';
    console.log(`${shown.length ? '\n' : ''}另有 ${parts}${whose}（不影响发布）；要逐条查看，运行 npm run check -- --all。`);
  }
  if (blocksPublishing(problems)) {
    const fixable = [...fixes.values()].reduce((sum, list) => sum + list.length, 0);
    const fixHint = fixable ? `其中 ${fixable} 处排版问题可以运行 npm run check -- --fix 自动改正。` : '';
    console.error(`\n内容检查未通过：${countOf(problems, 'error')} 个错误${extras ? `，${extras}` : ''}（共检查 ${counted}，用时 ${seconds} 秒）。${fixHint}请按上面的提示修改后重新运行 npm run check。`);
    return false;
  }
  console.log(`${shown.length || hidden.length ? '\n' : ''}内容检查通过：${counted}${extras ? `，${extras}` : ''}（用时 ${seconds} 秒）。`);
  return true;
}

/** Applies the fixes file by file (only if the file did not change meanwhile) and prints a line diff. */
async function applyTypographyFixes(byFile: Map<string, TypographyFix[]>): Promise<number> {
  let total = 0;
  for (const [file, list] of byFile) {
    const path = join(root, file);
    const before = await readFile(path, 'utf8');
    const after = applyFixes(before, list);
    if (after === before) continue;
    const oldLines = before.split('\n');
    const newLines = after.split('\n');
    if (oldLines.length !== newLines.length) continue; // never happens: fixes do not touch line breaks
    const temporary = `${path}.check-fix-${process.pid}`;
    await writeFile(temporary, after, 'utf8');
    await rename(temporary, path);
    total += list.length;
    console.log(`已改正 ${file}（${list.length} 处）：`);
    oldLines.forEach((line, index) => {
      if (line === newLines[index]) return;
      console.log(`  ${file}:${index + 1}\n  - ${line.trim()}\n  + ${newLines[index]!.trim()}`);
    });
    console.log('');
  }
  if (total) console.log(`共改正 ${total} 处。请用 git diff 查看改动，确认无误后提交。\n`);
  return total;
}

/** `astro check` on the site's code, its output in Chinese where it is not a diagnostic. */
async function checkCode(): Promise<boolean> {
  console.log('\n正在检查网站代码（astro check，约半分钟）……');
  let astroBin: string;
  try {
    const packageJson = createRequire(join(root, 'package.json')).resolve('astro/package.json');
    const bin = (JSON.parse(await readFile(packageJson, 'utf8')) as { bin: Record<string, string> }).bin.astro!;
    astroBin = join(dirname(packageJson), bin);
  } catch {
    console.error('找不到 astro：请先运行 npm install。');
    return false;
  }
  const child = spawn(process.execPath, [astroBin, 'check'], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const { lines, summary } = translateAstroCheckOutput(output);
  if (lines.length) console.log(lines.join('\n'));
  if (summary) console.log(`${lines.length ? '\n' : ''}${describeAstroCheckSummary(summary)}`);
  else if (status !== 0) console.error(`代码检查未能完成（astro check 退出码 ${status}），见上面的输出。`);
  return status === 0 && (summary?.errors ?? 0) === 0;
}
