#!/usr/bin/env node
/**
 * npm run bench:check [-- --articles 5000] — times the content check on a generated corpus: the real cases
 * copied under new ids and titles until there are N articles, grouped into issues of 5, with every 10th
 * article given a few half-width punctuation slips (so zhlint runs) and every 50th a broken image reference.
 * Prints the time to read the files and to check them. The corpus lives in a temporary folder, removed after.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runChecks } from '../src/lib/content-check/check-content.ts';
import { readContentSources } from '../src/lib/content-check/read-sources.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '5000' }, keep: { type: 'boolean', default: false } } });
const count = Number(values.articles);
const root = resolve(import.meta.dirname, '..');
const casesDir = join(root, 'content/cases');
const templates = readdirSync(casesDir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => readFileSync(join(casesDir, name), 'utf8'));
if (!templates.length) throw new Error('content/cases 里没有文章，无法生成测试语料。');

const dir = mkdtempSync(join(tmpdir(), 'laomo-bench-check-'));
try {
  mkdirSync(join(dir, 'content/cases'), { recursive: true });
  mkdirSync(join(dir, 'content/issues'), { recursive: true });
  cpSync(join(root, 'content/regions.json'), join(dir, 'content/regions.json'));
  cpSync(join(root, 'content/topics.yaml'), join(dir, 'content/topics.yaml'));
  cpSync(join(root, 'content/sources'), join(dir, 'content/sources'), { recursive: true }); // the files source.file names
  cpSync(join(root, 'src/pages'), join(dir, 'src/pages'), { recursive: true });

  let bytes = 0;
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const id = `bench-${String(n).padStart(5, '0')}`;
    let text = templates[n % templates.length]!
      .replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`${JSON.parse(title.startsWith('"') ? title : JSON.stringify(title))}（第${n + 1}篇）`)}`)
      .replace(/^draft: true$/m, 'draft: false');
    if (n % 10 === 0) text = text.replace(/(\n[^\n{<#-][^\n]*?)。/, '$1,测试(半角)标点:一处。');
    if (n % 50 === 0) text += `\n![现场照片](./images/missing-${n}.jpg)\n`;
    writeFileSync(join(dir, 'content/cases', `${id}.mdx`), text);
    bytes += Buffer.byteLength(text);
    ids.push(id);
  }
  for (let i = 0; i * 5 < ids.length; i += 1) {
    const listed = ids.slice(i * 5, i * 5 + 5);
    writeFileSync(
      join(dir, 'content/issues', `bench-${i}.yaml`),
      `title: 测试专版第${i + 1}期\ncases:\n${listed.map((id) => `  - ${id}`).join('\n')}\nsource:\n  publication: 劳模工匠专版\ndate: 2023-01-01\n`,
    );
  }

  const started = performance.now();
  const sources = await readContentSources(dir);
  const read = performance.now();
  const { problems } = runChecks(sources);
  const done = performance.now();

  const bySeverity = (severity: string) => problems.filter((problem) => problem.severity === severity).length;
  console.log(`npm run bench:check：${sources.cases.length} 篇文章（${(bytes / 1024 / 1024).toFixed(1)} MB，由 ${templates.length} 篇真实案例复制）、${sources.issues.length} 个专版`);
  console.log(`  读取文件  ${((read - started) / 1000).toFixed(2)} 秒`);
  console.log(`  检查      ${((done - read) / 1000).toFixed(2)} 秒（${(((done - read) / sources.cases.length) * 1000).toFixed(0)} 微秒/篇）`);
  console.log(`  合计      ${((done - started) / 1000).toFixed(2)} 秒（Node ${process.version}，${availableParallelism()} 核）`);
  console.log(`  发现 ${bySeverity('error')} 个错误、${bySeverity('warning')} 条提醒、${bySeverity('info')} 项未发布（预期：排版和缺图错误来自生成时故意加入的问题）`);
  if (values.keep) console.log(`  语料保留在 ${dir}`);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
