import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkLinks } from './crawl.ts';
import { readExpectedContent, type ExpectedCase } from './site-content.ts';

const dist = inject('distDir');
const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))![1]!).origin;
let expected: Awaited<ReturnType<typeof readExpectedContent>>;
beforeAll(async () => {
  expected = await readExpectedContent();
});

describe('links and images of the whole built site', () => {
  it('has no broken internal link, image, stylesheet or fragment, and loads nothing from another host', () => {
    const { pages, problems, checked } = checkLinks(dist, '/', site);
    expect(pages.length).toBeGreaterThan(100);
    expect(checked).toBeGreaterThan(pages.length * 5);
    expect(problems).toEqual([]);
  });
});

const caseUrl = (entry: ExpectedCase) => `${site}/cases/${entry.id}/`;

describe('feeds and sitemap', () => {
  const unpublishedIds = () => expected.cases.filter((entry) => !entry.published).map((entry) => entry.id);

  it('lists every published case in the sitemap, and no draft, print view or 404', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(true);
    for (const entry of expected.publishedCases) expect(sitemap).toContain(`<loc>${caseUrl(entry)}</loc>`);
    for (const id of unpublishedIds()) expect(sitemap).not.toContain(`/cases/${id}/`);
    expect(sitemap).not.toContain('/print/');
    expect(sitemap).not.toContain('/admin/');
    expect(sitemap).not.toContain('404');
  });

  it('has a site feed with the newest published cases, absolute links and Chinese titles', () => {
    const rss = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(rss).toContain('<language>zh-cn</language>');
    const links = [...rss.matchAll(/<item><title>[^<]*<\/title><link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links.length).toBe(Math.min(50, expected.publishedCases.length));
    for (const link of links) expect(link).toMatch(new RegExp(`^${site}/cases/[^/]+/$`));
    for (const id of unpublishedIds()) expect(rss).not.toContain(`/cases/${id}/`);
  });

  it('has a feed per city, linked from the city page', () => {
    const cityPage = readFileSync(join(dist, 'regions/wenzhou/index.html'), 'utf8');
    expect(cityPage).toContain('<link rel="alternate" type="application/rss+xml" title="温州市 · 最新案例" href="/regions/wenzhou/rss.xml">');
    const feed = readFileSync(join(dist, 'regions/wenzhou/rss.xml'), 'utf8');
    expect(feed).toContain('<title>浙江劳模工匠 · 温州市</title>');
    const items = [...feed.matchAll(/<link>([^<]+\/cases\/[^<]+)<\/link>/g)].map((m) => m[1]!);
    const wenzhouCount = Number(/共 <strong>(\d+)<\/strong> 篇案例/.exec(cityPage)![1]);
    expect(items.length).toBe(Math.min(50, wenzhouCount));
  });
});

describe('meta for sharing and search engines', () => {
  it('gives each article a canonical URL, Open Graph and Twitter cards', () => {
    for (const entry of expected.publishedCases) {
      const html = readFileSync(join(dist, 'cases', entry.id, 'index.html'), 'utf8');
      expect(html).toContain(`<link rel="canonical" href="${caseUrl(entry)}">`);
      expect(html).toContain(`<meta property="og:url" content="${caseUrl(entry)}">`);
      expect(html).toContain('<meta property="og:type" content="article">');
      expect(html).toContain('<meta property="og:locale" content="zh_CN">');
      expect(html).toContain(`<meta property="og:title" content="${entry.title.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`);
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
      expect(html).toMatch(/<meta property="article:published_time" content="\d{4}(-\d{2}){0,2}">/);
    }
  });
});
