/**
 * Search in `astro dev`: the integration builds the Pagefind bundle and the CJK sidecar in memory from
 * the case and issue pages the dev server renders (drafts included, as everywhere in dev) and serves them under
 * <base>pagefind/, so the search page works without a build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
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

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    // Not vitest's environment (NODE_ENV=test and its VITEST_* variables change how Vite serves pages).
    env: astroCommandEnv({ BASE_PATH: '/', NODE_ENV: 'development' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
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
  it('serves the bundle built from the rendered case and issue pages, drafts included', async () => {
    const sources = await readContentSources(root);
    const meta = await fetch(`${origin}/pagefind/cjk/meta.json`).then((r) => r.json());
    expect(meta.pages).toBe(sources.cases.length + sources.issues.length);
    expect((await fetch(`${origin}/pagefind/pagefind-entry.json`)).ok).toBe(true);
    expect((await fetch(`${origin}/pagefind/cjk/nothing-here.json`)).status).toBe(404);
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
});
