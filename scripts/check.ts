#!/usr/bin/env node
/**
 * npm run check — checks all content before publishing. Lists every problem as `file:line  field  message`
 * and exits 1 when anything blocks publishing. (`npm run check` then also runs `astro check` on the code.)
 */
import { resolve } from 'node:path';
import { checkContent } from '../src/lib/content-check/check-content.ts';
import { blocksPublishing, formatProblem } from '../src/lib/content-check/problem.ts';
import { readContentSources } from '../src/lib/content-check/read-sources.ts';

const root = resolve(import.meta.dirname, '..');
const started = performance.now();
const sources = await readContentSources(root);
const problems = checkContent(sources);
for (const problem of problems) console.log(formatProblem(problem));

const errors = problems.filter((problem) => problem.severity === 'error').length;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const counted = `${sources.cases.length} 篇案例、${sources.issues.length} 个专版`;
if (blocksPublishing(problems)) {
  console.error(`\n内容检查未通过：${errors} 个错误（共检查 ${counted}，用时 ${seconds} 秒）。请按上面的提示修改后重新运行 npm run check。`);
  process.exit(1);
}
console.log(`内容检查通过：${counted}${problems.length ? `，另有 ${problems.length} 条提醒` : ''}（用时 ${seconds} 秒）。`);
