#!/usr/bin/env node
/**
 * npm run bench:markdown — Sätteri (Astro 7's default) against the unified/remark pipeline with remark-gfm,
 * on the real case bodies: render time per article, and with --build the time of a whole `astro build`.
 * Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { parseMdxSource } from '../src/lib/content-check/parse-source.ts';
import { readContentSources } from '../src/lib/content-check/read-sources.ts';

const root = resolve(import.meta.dirname, '..');
const rounds = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.split('=')[1] ?? 20);
const withBuild = process.argv.includes('--build');

// MDX bodies as Markdown: the JSX component lines are dropped, everything else is plain Markdown.
const sources = await readContentSources(root);
const bodies = sources.cases.map((file) => (parseMdxSource(file.text).body ?? '').replace(/^<[A-Z][^\n]*\/>$/gm, ''));
const characters = bodies.reduce((sum, body) => sum + body.length, 0);
console.log(`内容：${bodies.length} 篇案例正文，共 ${characters} 字符；每种处理器渲染 ${rounds} 轮。`);

const footnotes = { label: '注释', backLabel: '返回正文' };
const processors = {
  satteri: await createSatteriMarkdownProcessor({ features: { smartPunctuation: false, gfm: { footnotes } } }),
  'unified + remark-gfm': await createMarkdownProcessor({
    gfm: false,
    remarkPlugins: [remarkGfm],
    smartypants: false,
    remarkRehype: { footnoteLabel: footnotes.label, footnoteBackLabel: footnotes.backLabel },
    syntaxHighlight: false,
  }),
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const outputs: Record<string, string[]> = {};
for (const [name, processor] of Object.entries(processors)) {
  for (const body of bodies) await processor.render(body); // warm-up
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    outputs[name] = [];
    for (const body of bodies) outputs[name].push((await processor.render(body)).code);
    times.push(performance.now() - started);
  }
  const perRound = median(times);
  console.log(`${name.padEnd(22)} 每轮 ${perRound.toFixed(1)} ms，每篇 ${(perRound / bodies.length).toFixed(2)} ms`);
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
const [first, second] = Object.values(outputs);
const differing = first.filter((html, i) => text(html) !== text(second[i])).length;
console.log(`两种处理器输出的正文文字${differing ? `有 ${differing} 篇不同` : '完全相同'}。`);

if (withBuild) {
  for (const processor of ['satteri', 'unified']) {
    const outDir = mkdtempSync(join(tmpdir(), 'bench-build-'));
    const started = performance.now();
    execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, MARKDOWN_PROCESSOR: processor, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    console.log(`astro build（${processor}）用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    rmSync(outDir, { recursive: true, force: true });
  }
}
