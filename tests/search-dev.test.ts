/**
 * Search in `astro dev`: the integration builds the CJK sidecar and the result fragments in memory from the
 * content sources of the case and issue pages (drafts included, as everywhere in dev) and serves them under
 * <base>pagefind/, so the search page works without a build; a saved edit shows in the next search.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { readContentSources } from '../src/lib/content-check/read-sources.ts';
import { parseMdxSource } from '../src/lib/content-check/parse-source.ts';
import { astroCommandEnv, freePort } from './support/child-process.ts';

const root = resolve(import.meta.dirname, '..');

let dev: ChildProcess;
let origin: string;
let browser: Browser;
/** What astro dev printed. */
let output = '';

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    // Not vitest's environment (NODE_ENV=test and its VITEST_* variables change how Vite serves pages).
    env: astroCommandEnv({ BASE_PATH: '/', NODE_ENV: 'development' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  for (let tries = 0; ; tries++) {
    if (dev.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
    const status = await fetch(`${origin}/`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.status, (e) => String(e.cause ?? e));
    if (status === 200) break;
    output += `\n[probe] ${status}`;
    if (tries > 240) throw new Error(`astro dev did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  dev?.kill('SIGTERM');
});

describe('search in astro dev', () => {
  it('serves the sidecar and a fragment for every case and issue, drafts included', async () => {
    const sources = await readContentSources(root);
    const meta = await fetch(`${origin}/pagefind/cjk/meta.json`).then((r) => r.json());
    expect(meta.pages).toBe(sources.cases.length + sources.issues.length);
    const hashes: string[] = [];
    for (let block = 0; block * meta.block < meta.pages; block++) hashes.push(...(await fetch(`${origin}/pagefind/cjk/p/${block}.json`).then((r) => r.json())));
    const urls: string[] = [];
    for (const hash of hashes) {
      const fragment = await fetch(`${origin}/pagefind/fragment/${hash}.pf_fragment`);
      expect(fragment.ok).toBe(true);
      const decoded = JSON.parse(gunzipSync(Buffer.from(await fragment.arrayBuffer())).toString('utf8').replace(/^pagefind_dcd/, ''));
      expect(decoded.meta.title).toBeTruthy();
      urls.push(decoded.url);
    }
    expect(urls.filter((url) => /^\/cases\/[^/]+\/$/.test(url))).toHaveLength(sources.cases.length);
    expect(urls.filter((url) => /^\/issues\/[^/]+\/$/.test(url))).toHaveLength(sources.issues.length);
    expect((await fetch(`${origin}/pagefind/cjk/nothing-here.json`)).status).toBe(404);
    // Made in the worker thread (no fallback to the server's own thread), with its summary in the log.
    expect(output).toMatch(/搜索索引：\d+ 篇文章、\d+ 个专版，用时 \d+ ms/);
    expect(output).not.toContain('工作线程');
  }, 120_000);

  it('answers a query on the search page', async () => {
    const sources = await readContentSources(root);
    // A phrase from the first case's body, so the test follows the content.
    const body = parseMdxSource(sources.cases[0].text).body ?? '';
    const phrase = /[\u4e00-\u9fff]{6}/.exec(body)?.[0];
    expect(phrase).toBeTruthy();
    const page = await browser.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(phrase!)}`);
    await page.waitForSelector('#search-results li', { timeout: 60_000 });
    expect(await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent))).toContain(phrase);
    await page.close();
  }, 120_000);

  it('reflects a saved article in the next search, and its removal', async () => {
    const sources = await readContentSources(root);
    const first = sources.cases[0]!;
    const parsed = parseMdxSource(first.text);
    const frontmatter = first.text.slice(0, first.text.length - (parsed.body ?? '').length);
    const phrase = '开发服务器检索自测短语甲乙丙';
    const file = join(root, 'content/cases/zz-dev-search-self-test.mdx');
    const pagesNow = async () => (await fetch(`${origin}/pagefind/cjk/meta.json`).then((r) => r.json())).pages as number;
    const waitFor = async (pages: number) => {
      for (let tries = 0; tries < 300 && (await pagesNow()) !== pages; tries++) await new Promise((r) => setTimeout(r, 100));
      return pagesNow();
    };
    const before = await pagesNow();
    try {
      writeFileSync(file, `${frontmatter.replace(/^slug:.*\n/m, '').replace(/^title:.*$/m, 'title: "开发检索自测"')}\n${phrase}。\n`);
      expect(await waitFor(before + 1)).toBe(before + 1);
      const page = await browser.newPage();
      await page.goto(`${origin}/search/?q=${encodeURIComponent(phrase)}`);
      await page.waitForSelector('#search-results li', { timeout: 60_000 });
      expect(await page.$$eval('#search-results li a', (links) => links.map((a) => a.getAttribute('href')))).toContain('/cases/zz-dev-search-self-test/');
      await page.close();
    } finally {
      rmSync(file, { force: true });
    }
    expect(await waitFor(before)).toBe(before);
  }, 120_000);
});
