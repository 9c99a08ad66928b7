/**
 * Drafts and scheduled entries stay off the production build — pages, search index, feeds, sitemap — but show
 * in `npm run dev`. The project is copied to a temporary folder with the fixtures of tests/fixtures/drafts/
 * as its only cases and issues (node_modules linked, not copied), built once, and searched for each fixture's
 * unique marker words. Published fixtures are the control: their markers must be found in the same places.
 * Last, a malformed file added to the copy must fail both the check and the build, by name and field.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/content-check/check-content.ts';
import { readContentSources } from '../../src/lib/content-check/read-sources.ts';
import { astroCommandEnv as commandEnv, freePort } from '../support/child-process.ts';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/drafts');
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

const published = { id: 'fixture-published', markers: ['已发布夹具文章甲', '已发布标记词琥珀'] };
const hidden = [
  { id: 'fixture-draft', why: 'draft', markers: ['草稿夹具文章乙', '草稿标记词翡翠'] },
  { id: 'fixture-scheduled', why: 'future date', markers: ['定时夹具文章丙', '定时标记词玛瑙'] },
];
const hiddenIssue = { id: 'fixture-issue-draft', markers: ['草稿夹具专版丁'] };

let project: string;
let dist: string;
/** Every file of the build as text; Pagefind's gzip-compressed chunks decompressed. */
let files: Map<string, string>;

function readAll(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (/\.(png|jpe?g|webp|avif|ico|woff2?|pdf)$/.test(entry.name)) continue;
    let data = readFileSync(path);
    if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data);
    out.set(relative(dir, path), data.toString('utf8'));
  }
  return out;
}
const filesContaining = (text: string) => [...files].filter(([, content]) => content.includes(text)).map(([path]) => path);

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'laomo-drafts-'));
  for (const path of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(root, path))) cpSync(join(root, path), join(project, path), { recursive: true });
  }
  mkdirSync(join(project, 'content'));
  for (const path of ['regions.json', 'topics.yaml']) cpSync(join(root, 'content', path), join(project, 'content', path));
  cpSync(join(fixtures, 'cases'), join(project, 'content/cases'), { recursive: true });
  cpSync(join(fixtures, 'issues'), join(project, 'content/issues'), { recursive: true });
  // node_modules: each package linked, but the folder itself is the copy's own, so Astro's caches
  // (node_modules/.astro, .vite) stay apart from the real project's.
  mkdirSync(join(project, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(root, 'node_modules', name), join(project, 'node_modules', name));
  }
  dist = join(project, 'dist');
  execFileSync(process.execPath, [astro, 'build'], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'], env: commandEnv() });
  files = readAll(dist);
}, 600_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('drafts and scheduled entries in the production build', () => {
  it('builds the published fixture, with its words in the page, search index, feed and sitemap', () => {
    expect(existsSync(join(dist, 'cases', published.id, 'index.html'))).toBe(true);
    expect(filesContaining(published.markers[1]!)).toContain(`cases/${published.id}/index.html`);
    const withTitle = filesContaining(published.markers[0]!);
    if (existsSync(join(dist, 'pagefind'))) expect(withTitle.some((path) => path.startsWith('pagefind/'))).toBe(true);
    if (existsSync(join(dist, 'rss.xml'))) expect(withTitle).toContain('rss.xml');
    const sitemap = [...files].filter(([path]) => path.startsWith('sitemap')).map(([, text]) => text).join('\n');
    if (sitemap) expect(sitemap).toContain(`/cases/${published.id}/`);
  });

  for (const entry of hidden) {
    it(`leaves out a case kept back by its ${entry.why}: no page, and nothing anywhere mentions it`, () => {
      expect(existsSync(join(dist, 'cases', entry.id))).toBe(false);
      for (const marker of [...entry.markers, `/cases/${entry.id}/`]) expect(filesContaining(marker), marker).toEqual([]);
    });
  }

  it('leaves out a draft issue, and a published issue does not list its unpublished cases', () => {
    expect(existsSync(join(dist, 'issues', hiddenIssue.id))).toBe(false);
    for (const marker of [...hiddenIssue.markers, `/issues/${hiddenIssue.id}/`]) expect(filesContaining(marker), marker).toEqual([]);
    const issue = readFileSync(join(dist, 'issues/fixture-issue-published/index.html'), 'utf8');
    expect(issue).toContain(published.markers[0]);
    for (const entry of hidden) expect(issue).not.toContain(entry.markers[0]);
  });

  it('is listed by npm run check as not published, without blocking', async () => {
    const { problems } = runChecks(await readContentSources(project));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const unpublished = problems.filter((problem) => problem.severity === 'info').map((problem) => problem.file);
    expect(unpublished.sort()).toEqual(['content/cases/fixture-draft.mdx', 'content/cases/fixture-scheduled.mdx', 'content/issues/fixture-issue-draft.yaml']);
  });
});

describe('a photo in a published case', () => {
  it('is served as responsive AVIF and WebP with its size, so nothing shifts, and keeps its caption', () => {
    const html = files.get(`cases/${published.id}/index.html`)!;
    const figure = /<figure[^>]*>([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    const sources = [...figure.matchAll(/<source[^>]*>/g)].map(([tag]) => tag);
    for (const format of ['avif', 'webp']) {
      const source = sources.find((tag) => tag.includes(`type="image/${format}"`)) ?? '';
      expect(source, format).toMatch(/srcset="[^"]+480w[^"]+800w[^"]+1200w"/);
    }
    const img = /<img[^>]*>/.exec(figure)?.[0] ?? '';
    expect(img).toMatch(/alt="夹具照片：一块红色"/);
    expect(img).toMatch(/width="\d+"/);
    expect(img).toMatch(/height="\d+"/);
    expect(figure).toContain('<figcaption>夹具照片的说明文字。</figcaption>');
    const built = readdirSync(join(dist, '_astro')).filter((name) => name.startsWith('fixture-photo'));
    expect(built.some((name) => name.endsWith('.avif'))).toBe(true);
    expect(built.some((name) => name.endsWith('.webp'))).toBe(true);
  });
});

describe('drafts in npm run dev', () => {
  it('shows the draft and the scheduled case to editors previewing locally', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const dev = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: commandEnv(),
    });
    let log = '';
    dev.stdout!.on('data', (chunk) => (log += chunk));
    dev.stderr!.on('data', (chunk) => (log += chunk));
    try {
      const fetchPage = async (path: string) => {
        for (let attempt = 0; attempt < 600; attempt += 1) {
          const response = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => undefined);
          if (response) return { status: response.status, text: await response.text() };
          if (dev.exitCode !== null) break;
          await new Promise((wait) => setTimeout(wait, 200));
        }
        throw new Error(`astro dev 没有响应：${log}`);
      };
      for (const entry of hidden) {
        const page = await fetchPage(`/cases/${entry.id}/`);
        expect(page.status, log).toBe(200);
        expect(page.text).toContain(entry.markers[0]);
      }
    } finally {
      if (dev.exitCode === null) dev.kill('SIGTERM');
    }
  });
});

describe('a malformed file', () => {
  it('fails the check and the build, naming the file and the field, and leaves the other files untouched', { timeout: 300_000 }, async () => {
    const contentFiles = () =>
      new Map(
        readdirSync(join(project, 'content'), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => [relative(project, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
      );
    const before = contentFiles();
    const bad = 'content/cases/fixture-malformed.mdx';
    writeFileSync(join(project, bad), '---\ntitle: 格式有误的文章\norganisation: 平阳县劳模协会\nregion: pingyang\nsource:\n  publication: 劳模工匠专版\ndate: 明天\n---\n\n正文。\n');
    try {
      const { problems } = runChecks(await readContentSources(project));
      const errors = problems.filter((problem) => problem.severity === 'error');
      expect(errors.map((problem) => `${problem.file}:${problem.line} ${problem.field}`)).toEqual([`${bad}:7 date（日期）`]);

      const build = spawnSync(process.execPath, [astro, 'build', '--outDir', join(project, 'dist-malformed')], { cwd: project, encoding: 'utf8', env: commandEnv() });
      expect(build.status).not.toBe(0);
      const output = build.stdout + build.stderr;
      expect(output).toContain('fixture-malformed');
      expect(output).toMatch(/date/);

      const after = contentFiles();
      after.delete(bad);
      expect(after).toEqual(before);
    } finally {
      rmSync(join(project, bad));
    }
  });
});
