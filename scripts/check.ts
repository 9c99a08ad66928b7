#!/usr/bin/env node
/**
 * npm run check — checks all content before publishing. Lists every problem as `file:line  field  message`
 * with a hint, and exits 1 when anything blocks publishing. (`npm run check` then also runs `astro check`
 * on the code.)
 *
 *   npm run check                  检查全部内容
 *   npm run check -- --fix         自动改正中文标点等排版问题，并显示改动
 *   npm run check:content -- --quiet   只显示错误
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runChecks } from '../src/lib/content-check/check-content.ts';
import { blocksPublishing, type Problem } from '../src/lib/content-check/problem.ts';
import { countOf, formatProblemList, otherFindings } from '../src/lib/content-check/report.ts';
import { readContentSources } from '../src/lib/content-check/read-sources.ts';
import { applyFixes, type TypographyFix } from '../src/lib/content-check/typography.ts';

const { values: flags } = parseArgs({
  options: {
    fix: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    root: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (flags.help) {
  console.log('用法：npm run check [-- --fix]\n  --fix    自动改正中文里的半角标点、省略号、直引号等，并显示改动\n  --quiet  只显示错误');
  process.exit(0);
}

const root = resolve(flags.root ?? join(import.meta.dirname, '..'));
const started = performance.now();
let sources = await readContentSources(root);
let { problems, fixes } = runChecks(sources);

if (flags.fix) {
  const changed = await applyTypographyFixes(fixes);
  if (changed) {
    sources = await readContentSources(root);
    ({ problems, fixes } = runChecks(sources));
  } else console.log('没有可以自动改正的排版问题。\n');
}

const shown = problems.filter((problem) => !flags.quiet || problem.severity === 'error');
for (const line of formatProblemList(shown)) console.log(line);

const count = (severity: Problem['severity']) => countOf(problems, severity);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const counted = `${sources.cases.length} 篇案例、${sources.issues.length} 个专版`;
const extras = otherFindings(problems);
if (blocksPublishing(problems)) {
  const fixable = [...fixes.values()].reduce((sum, list) => sum + list.length, 0);
  const fixHint = fixable ? `其中 ${fixable} 处排版问题可以运行 npm run check -- --fix 自动改正。` : '';
  console.error(`\n内容检查未通过：${count('error')} 个错误${extras ? `，${extras}` : ''}（共检查 ${counted}，用时 ${seconds} 秒）。${fixHint}请按上面的提示修改后重新运行 npm run check。`);
  process.exit(1);
}
console.log(`${shown.length ? '\n' : ''}内容检查通过：${counted}${extras ? `，${extras}` : ''}（用时 ${seconds} 秒）。`);

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
