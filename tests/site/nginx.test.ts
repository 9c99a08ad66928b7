/**
 * The deployment config (deploy/nginx/) serving the real build: Debian's nginx on 127.0.0.1 at a free port,
 * with a temporary prefix, the config's own server block (only `listen` and `root` replaced) and its
 * security-header snippet. Checks pages, clean URLs, the Chinese 404, a redirect, caching, gzip, the headers,
 * and — in Chromium — that pages and the site search work under the Content-Security-Policy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { contentPaths } from '../../src/lib/content-paths.ts';
import { loadAstroRedirects } from '../../src/lib/redirects-file.ts';
import { freePort } from '../support/child-process.ts';

const root = resolve(import.meta.dirname, '../..');
const dist = inject('distDir');
const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const serverConfig = readFileSync(join(root, 'deploy/nginx/laomo.conf'), 'utf8');
const headerSnippet = readFileSync(join(root, 'deploy/nginx/snippets/laomo-security-headers.conf'), 'utf8');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  raw: Buffer;
}

let prefix: string;
let nginx: ChildProcess | undefined;
let port: number;

function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
        resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body, raw });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The production server block with only `listen` and `root` changed, inside a minimal main config. */
function testConfig(): string {
  const server = serverConfig
    .replace(/^\s*listen\s+\[::\]:80;\s*$/m, '')
    .replace(/^(\s*)listen\s+80;\s*$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root\s+[^;]+;/m, `$1root ${dist};`);
  expect(server).toContain(`listen 127.0.0.1:${port};`);
  expect(server).toContain(`root ${dist};`);
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'tmp', name)};`;
  return `daemon off;
master_process off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
${server}
}
`;
}

const publishedCases = () => readdirSync(join(dist, 'cases'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
  );

beforeAll(async () => {
  if (!nginxBinary) throw new Error('找不到 nginx：以 root 运行 npm run setup:system（apt-get install nginx）。');
  prefix = mkdtempSync(join(tmpdir(), 'laomo-nginx-'));
  mkdirSync(join(prefix, 'snippets'));
  mkdirSync(join(prefix, 'tmp'));
  writeFileSync(join(prefix, 'snippets/laomo-security-headers.conf'), headerSnippet);
  port = await freePort();
  writeFileSync(join(prefix, 'nginx.conf'), testConfig());
  let log = '';
  nginx = spawn(nginxBinary, ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stderr!.on('data', (chunk) => (log += chunk));
  let starting = true;
  const exited = new Promise<never>((_, reject) =>
    nginx!.on('exit', (code) => {
      if (starting) reject(new Error(`nginx 退出（${code}）：${log}${existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''}`));
    }),
  );
  const ready = (async () => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (await get('/').then(() => true, () => false)) return;
      await new Promise((wait) => setTimeout(wait, 100));
    }
    throw new Error(`nginx 没有在 10 秒内响应：${log}`);
  })();
  await Promise.race([ready, exited]);
  starting = false;
}, 30_000);

afterAll(() => {
  if (nginx?.pid && nginx.exitCode === null) nginx.kill('SIGTERM');
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

describe('nginx with deploy/nginx/laomo.conf', () => {
  it('serves pages at clean URLs and adds the trailing slash with a relative 301', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.body).toContain('<html lang="zh-CN"');
    expect(home.headers['cache-control']).toBe('no-cache');
    const [id] = publishedCases();
    const bare = await get(`/cases/${id}`);
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe(`/cases/${id}/`);
    const page = await get(`/cases/${id}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1');
  });

  it('answers unknown addresses with the Chinese 404 page and status 404', async () => {
    const missing = await get('/cases/no-such-article-xyz/');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body).toContain('页面未找到');
    expect(missing.headers['content-security-policy']).toBeTruthy();
  });

  it('sends readers from an old address in content/redirects.yaml to its target', async (context) => {
    const redirects = Object.entries(loadAstroRedirects(join(root, contentPaths.redirects)));
    if (!redirects.length) context.skip();
    for (const [from, to] of redirects) {
      const old = await get(from);
      expect(old.status, from).toBe(200);
      expect(old.body).toContain(`<meta http-equiv="refresh" content="0;url=${to}">`);
      expect(old.body).toContain('<meta name="robots" content="noindex">');
      expect((await get(to)).status, to).toBe(200);
    }
  });

  it('sends the feeds’ stylesheet as XSL, so a browser applies it under nosniff', async () => {
    const xsl = await get('/rss.xsl');
    expect(xsl.status).toBe(200);
    expect(xsl.headers['content-type']).toMatch(/^text\/xsl/);
    expect(xsl.headers['x-content-type-options']).toBe('nosniff');
    const feed = await get('/rss.xml');
    expect(feed.headers['content-type']).toMatch(/xml/);
    expect(feed.body).toContain('<?xml-stylesheet href="/rss.xsl" type="text/xsl"?>');
  });

  it('sends the security headers on every kind of response', async () => {
    const css = readdirSync(join(dist, '_astro')).find((name) => name.endsWith('.css'))!;
    for (const path of ['/', `/_astro/${css}`, '/no-such-page/', '/pagefind/pagefind-entry.json']) {
      const { headers } = await get(path);
      const csp = String(headers['content-security-policy']);
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers.server).toBe('nginx');
    }
  });

  it('caches hashed assets and Pagefind chunks for a year, and revalidates pages and the search entry files', async () => {
    const asset = readdirSync(join(dist, '_astro'))[0];
    expect((await get(`/_astro/${asset}`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const pagefind = join(dist, 'pagefind');
    if (!existsSync(pagefind)) return;
    const fragment = readdirSync(join(pagefind, 'fragment'))[0];
    expect((await get(`/pagefind/fragment/${fragment}`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const meta = readdirSync(pagefind).find((name) => name.endsWith('.pf_meta'));
    if (meta) expect((await get(`/pagefind/${meta}`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/pagefind/pagefind-entry.json')).headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('compresses text with gzip', async () => {
    const css = readdirSync(join(dist, '_astro')).find((name) => name.endsWith('.css'))!;
    for (const path of ['/', `/_astro/${css}`]) {
      const reply = await get(path, { 'accept-encoding': 'gzip' });
      expect(reply.headers['content-encoding'], path).toBe('gzip');
      expect(reply.headers.vary).toContain('Accept-Encoding');
      expect(reply.raw.length).toBeLessThan(Buffer.byteLength(reply.body));
    }
    expect((await get('/')).headers['content-encoding']).toBeUndefined();
  });

  it('allows every inline script of the build by its hash, and the build has no inline event handlers', async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    const missing = new Map<string, string>();
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        if (!match[1]!.trim()) continue;
        const hash = `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`;
        if (!csp.includes(hash)) missing.set(hash, relative(dist, file));
      }
      expect(html.match(/<[a-z][^>]*\son[a-z]+\s*=/i)?.[0], relative(dist, file)).toBeUndefined();
    }
    expect(
      [...missing].map(([hash, file]) => `${file} 中的内联脚本不在 CSP 中：请把 ${hash} 加进 deploy/nginx/snippets/laomo-security-headers.conf 的 script-src`),
    ).toEqual([]);
  });

  it('works in Chromium under the Content-Security-Policy: pages, the print view, a redirect and the search', { timeout: 120_000 }, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Refused to load (Content Security Policy): ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      const base = `http://127.0.0.1:${port}`;
      const [id] = publishedCases();
      for (const path of ['/', `/cases/${id}/`, '/issues/', '/regions/', '/no-such-page/']) {
        await page.goto(base + path, { waitUntil: 'load' });
      }
      const print = htmlFiles(join(dist, 'issues')).find((file) => file.endsWith('/print/index.html'));
      if (print) await page.goto(`${base}/${relative(dist, print).replace(/index\.html$/, '')}`, { waitUntil: 'load' });

      const [from, to] = Object.entries(loadAstroRedirects(join(root, contentPaths.redirects)))[0] ?? [];
      if (from) {
        await page.goto(base + from);
        await page.waitForURL(base + to, { timeout: 10_000 });
      }

      if (existsSync(join(dist, 'search/index.html'))) {
        // A word from a published headline: the first two Chinese characters of the first case's <h1>.
        const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(readFileSync(join(dist, 'cases', id, 'index.html'), 'utf8'))![1]!;
        const word = heading.replace(/<[^>]+>/g, '').match(/[\u4e00-\u9fff]{2}/)![0];
        await page.goto(`${base}/search/?q=${encodeURIComponent(word)}`, { waitUntil: 'load' });
        await page.locator('#search-results li').first().waitFor({ timeout: 30_000 });
        expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
      }
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
