/**
 * The build's search index (indexBuiltSite, run by scripts/search-index.ts in `npm run build`): the Pagefind
 * binary over a built folder, then the CJK sidecar from its fragments. A tiny folder of built pages stands in
 * for dist/.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyPagesGlob, decodePagefindFile, indexBuiltSite, indexSite } from '../src/integrations/pagefind-index.ts';

const work = mkdtempSync(join(tmpdir(), 'laomo-search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><nav>导航栏里的字</nav>${body}</body></html>`;
const article = (title: string, text: string, date: string) =>
  page(`<article data-pagefind-body data-pagefind-meta="published:${date}"><h1 data-pagefind-meta="title">${title}</h1><p>${text}</p></article>`);

function builtSite(dir: string) {
  const files: Record<string, string> = {
    'index.html': page('<p>首页不进索引</p>'),
    'cases/a/index.html': article('技术服务队下乡', '平阳县劳模协会组织技术服务队。', '2024-01-02'),
    'cases/b/index.html': article('匠心卡发放', '共享社·幸福里的劳模工匠。', '2023-05-06'),
    'issues/i1/index.html': article('劳模工匠专版第1期', '技术服务队下乡；匠心卡发放。', '2024-02-03'),
    'issues/i1/print/index.html': page('<p>打印版不进索引：技术服务队下乡</p>'),
    'regions/pingyang/index.html': page('<p>平阳县的文章列表</p>'),
  };
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return files;
}

describe('indexBuiltSite', () => {
  it('indexes only the pages with data-pagefind-body, with the same fragments and sidecar as the in-memory index', async () => {
    const dist = join(work, 'dist');
    const files = builtSite(dist);
    const result = await indexBuiltSite(dist, join(dist, 'pagefind'));
    expect(await bodyPagesGlob(dist)).toBe('{cases/*/index.html,issues/*/index.html}');
    expect(result.pageCount).toBe(3);

    const fragments = readdirSync(join(dist, 'pagefind/fragment')).sort();
    const urls = fragments.map((name) => JSON.parse(decodePagefindFile(readFileSync(join(dist, 'pagefind/fragment', name)))).url).sort();
    expect(urls).toEqual(['/cases/a/', '/cases/b/', '/issues/i1/']);
    expect(JSON.parse(readFileSync(join(dist, 'pagefind/cjk/meta.json'), 'utf8'))).toMatchObject({ pages: 3 });

    const inMemory = await indexSite({ pages: Object.entries(files).map(([path, content]) => ({ url: '/' + path.replace(/index\.html$/, ''), content })) });
    expect([...inMemory.files.keys()].filter((path) => path.startsWith('fragment/')).map((path) => path.slice('fragment/'.length)).sort()).toEqual(fragments);
    for (const [path, bytes] of inMemory.files) {
      if (path.startsWith('cjk/')) expect(readFileSync(join(dist, 'pagefind', path), 'utf8'), path).toBe(Buffer.from(bytes).toString('utf8'));
    }
  });

  it('writes an empty bundle when no page has data-pagefind-body (the search page still loads)', async () => {
    const dist = join(work, 'empty');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), page('<p>首页</p>'));
    expect(await bodyPagesGlob(dist)).toBeUndefined();
    expect((await indexBuiltSite(dist, join(dist, 'pagefind'))).pageCount).toBe(0);
    expect(readdirSync(join(dist, 'pagefind'))).toContain('pagefind-entry.json');
    expect(JSON.parse(readFileSync(join(dist, 'pagefind/cjk/meta.json'), 'utf8'))).toMatchObject({ pages: 0 });
  });

  it('fails with Pagefind’s message when the folder cannot be indexed', async () => {
    await expect(indexBuiltSite(join(work, 'no-such-folder'), join(work, 'no-such-folder/pagefind'))).rejects.toThrow(/Pagefind/);
  });
});
