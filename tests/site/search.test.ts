/**
 * Site search on the real build, in headless Chromium: the Pagefind bundle and CJK sidecar are there and
 * index exactly the published articles and issues; the search page answers the query set
 * (scripts/search/queries.ts, expectations derived from the built pages, see scripts/search/truth.ts)
 * with every page that contains the query, exact matches first and the title/lead page in the top 3, and
 * the near misses with their intended page first in the labelled second list; the page works from the
 * header form, highlights the whole phrase, counts what it shows, filters with counts, says when a query
 * is only punctuation, labels issue results 专版, has one search box and does not shift on a phone;
 * other pages load no search code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { runInPage, scoreNearMiss, scoreQuery, sidecarPageUrls, trackPayload, isSearchRequest, type NearMissScore, type QueryScore } from '../../scripts/search/harness.ts';
import { allQueries, nearMissQueries } from '../../scripts/search/queries.ts';
import { truthPages, type TruthPage } from '../../scripts/search/truth.ts';
import { readExpectedContent } from './site-content.ts';
import { decodePagefindFile, pagefindLanguage } from '../../src/integrations/pagefind-index.ts';

const dist = inject('distDir');
const bundle = join(dist, 'pagefind');

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let searchPage: Page;
let truth: TruthPage[];
let pageUrls: string[];

beforeAll(async () => {
  truth = truthPages(dist);
  pageUrls = sidecarPageUrls(bundle);
  server = await serveStatic(dist);
  browser = await launchChromium();
  context = await browser.newContext();
  // Loopback only.
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  searchPage = await context.newPage();
  await searchPage.goto(`${server.url}search/`);
  await searchPage.waitForFunction('typeof window.__laomoSearch === "function"');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the search index', () => {
  it('indexes exactly the published articles and issues, without Pagefind’s own segmentation', async () => {
    const { publishedCases, publishedIssues } = await readExpectedContent();
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
    // The sidecar does the searching; Pagefind gives the fragments, which carry the text unsegmented.
    expect(Object.keys(entry.languages)).toEqual([pagefindLanguage]);
    const fragments = readdirSync(join(bundle, 'fragment'));
    expect(fragments.length).toBe(pageUrls.length);
    for (const name of fragments) expect(JSON.parse(decodePagefindFile(readFileSync(join(bundle, 'fragment', name)))).content, name).not.toContain('\u200b');
    expect([...pageUrls].sort()).toEqual([...publishedCases.map((c) => `/cases/${c.id}/`), ...publishedIssues.map((i) => `/issues/${i.id}/`)].sort());
    expect(truth.map((page) => page.url).sort()).toEqual([...pageUrls].sort());
  });
});

describe('search quality on the real content', () => {
  const scores: QueryScore[] = [];
  beforeAll(async () => {
    for (const query of allQueries(truth)) scores.push(scoreQuery(query, await runInPage(searchPage, 'sidecar', query.q, pageUrls), truth));
  });
  const failing = (predicate: (score: QueryScore) => boolean) => scores.filter((score) => !predicate(score)).map((score) => `${score.q} (${score.found}/${score.expected}, ${score.returned} returned)`);

  it('returns every page that contains the query, for every query', () => {
    expect(scores.length).toBeGreaterThan(20);
    expect(failing((score) => score.recall === 1)).toEqual([]);
  });

  it('returns only pages that contain it, so exact matches are never drowned', () => {
    expect(failing((score) => score.precision === 1 && score.exactFirst)).toEqual([]);
  });

  it('puts the page with the query in its headline or lead in the top 3, and a headline query’s page first', () => {
    expect(failing((score) => score.top3 !== false)).toEqual([]);
    expect(failing((score) => score.kind !== 'headline' || score.top1 === true)).toEqual([]);
  });
});

describe('near misses on the real content', () => {
  const scores: NearMissScore[] = [];
  beforeAll(async () => {
    for (const query of nearMissQueries) scores.push(scoreNearMiss(query, await runInPage(searchPage, 'sidecar', query.q, pageUrls), truth));
  });

  it('lists every intended page in the second list, one of them first', () => {
    expect(scores.length).toBe(nearMissQueries.length);
    const failing = scores.filter((s) => s.intended === 0 || s.found !== s.intended || s.firstAt !== 1);
    expect(failing.map((s) => `${s.q}: ${s.found}/${s.intended} listed, first at ${s.firstAt}`)).toEqual([]);
  });
});

describe('the search page', () => {
  it('is reached from the header form of any page without JavaScript, and shows highlighted results', async () => {
    const page = await context.newPage();
    const name = '董振方';
    await page.goto(server.url);
    await page.fill('input[name="q"]', name);
    await page.press('input[name="q"]', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForSelector('#search-results li');
    const expected = truth.filter((p) => p.text.includes(name)).map((p) => p.url);
    const links = await page.$$eval('#search-results li h2 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.sort()).toEqual(expected.sort());
    const marks = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set([name]));
    expect(await page.textContent('#search-status')).toContain(`找到 ${expected.length} 篇`);
    await page.close();
  });

  it('marks the whole phrase as printed, and finds simplified text from a traditional query', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('共享社幸福里')}`);
    await page.waitForSelector('#search-results mark');
    expect(await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent))).toContain('共享社·幸福里');
    await page.goto(`${server.url}search/?q=${encodeURIComponent('技術服務隊')}`);
    await page.waitForSelector('#search-results mark');
    expect(new Set(await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent)))).toEqual(new Set(['技术服务队']));
    await page.close();
  });

  it('filters by city with counts, and keeps the filter in the address', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('劳模')}`);
    await page.waitForSelector('#search-results li');
    const options = await page.$$eval('select[name="city"] option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
    const cities = options.filter(([value]) => value);
    expect(cities.length).toBeGreaterThan(0);
    const [city, label] = cities[0];
    const count = Number(/（(\d+)）/.exec(label)![1]);
    await page.selectOption('select[name="city"]', city);
    await page.waitForFunction((n) => document.querySelector('#search-status')?.textContent?.includes(`找到 ${n} 篇`), count);
    expect(new URL(page.url()).searchParams.get('city')).toBe(city);
    await page.close();
  });

  it('filters by 专版 keyed by issue id, showing the title', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('劳模')}`);
    await page.waitForSelector('#search-results li');
    const options = (await page.$$eval('select[name="issue"] option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']))).filter(([value]) => value);
    expect(options.length).toBeGreaterThan(0);
    for (const [value, label] of options) {
      expect(value).toMatch(/^[a-z0-9-]+$/);
      expect(label).toMatch(/^《[^》]+》.*（\d+）$/);
    }
    const [issue, label] = options[0];
    await page.selectOption('select[name="issue"]', issue);
    await page.waitForFunction((n) => document.querySelector('#search-status')?.textContent?.includes(`找到 ${n} 篇`), Number(/（(\d+)）$/.exec(label)![1]));
    expect(new URL(page.url()).searchParams.get('issue')).toBe(issue);
    await page.close();
  });

  const statusOf = (page: Page) => page.textContent('#search-status');
  const openQuery = async (q: string) => {
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => /找到|没有|请输入/.test(document.querySelector('#search-status')?.textContent ?? ''));
    return page;
  };
  const linksIn = (page: Page, list: string) => page.$$eval(`${list} li a`, (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

  it('counts what it shows: a long query some pages only seem to contain is counted after checking, in the status and the filters', async () => {
    // 杭州劳模工匠协会: every 4-gram is in a page that prints 杭州市劳模工匠协会, the phrase itself in none.
    const page = await openQuery('杭州劳模工匠协会');
    expect(await statusOf(page)).toContain('没有完全匹配');
    expect(await page.$$('#search-results li')).toHaveLength(0);
    const counted = await page.$$eval('#search-filters option', (os) => os.filter((o) => /（\d+）/.test(o.textContent ?? '')).length);
    expect(counted).toBe(0);
    expect(await page.textContent('#search-near-heading')).toContain('以下文章包含查询中的部分词语');
    expect(await linksIn(page, '#search-near-results')).toContain('/cases/hangzhou-laomo-gongjiang-xiehui/');
    // A long term that is there: the count is the number of results, without 约.
    const phrase = '金牌技术服务队';
    await page.goto(`${server.url}search/?q=${encodeURIComponent(phrase)}`);
    await page.waitForSelector('#search-results li');
    const shown = await page.$$('#search-results li');
    expect(await statusOf(page)).toBe(`找到 ${shown.length} 篇包含“${phrase}”的文章。`);
    await page.close();
  });

  it('says a query of punctuation only has nothing to search for, and lists nothing', async () => {
    for (const q of ['%', '“”、。']) {
      const page = await openQuery(q);
      expect(await statusOf(page)).toContain('请输入要搜索的文字');
      expect(await page.$$('#search-results li, #search-near-results li')).toHaveLength(0);
      await page.close();
    }
  });

  it('shows a near miss in a labelled second list, never among the exact results', async () => {
    const page = await openQuery('湖州劳模协会');
    await page.waitForSelector('#search-near-results li');
    expect(await page.$$('#search-results li')).toHaveLength(0);
    expect(await statusOf(page)).toBe('没有完全匹配“湖州劳模协会”的文章。');
    expect(await page.textContent('#search-near-heading')).toBe('以下文章包含查询中的部分词语（不完全匹配，最接近的 10 篇）：');
    expect((await linksIn(page, '#search-near-results'))[0]).toBe('/cases/huzhou-laomo-xiehui/');
    expect(await page.$$eval('#search-near-results li:first-child mark', (ms) => ms.map((m) => m.textContent))).toContain('湖州市劳动模范协会');
    await page.close();
  });

  it('finds an issue by its 编者按, labelled 专版 and filterable by type', async () => {
    const page = await openQuery('踔厉奋发');
    expect(await linksIn(page, '#search-results')).toEqual(['/issues/laomo-xiehui-jiaoliu-wenzhou/']);
    expect(await page.textContent('#search-results li .result-type')).toBe('专版');
    expect(await page.$$eval('select[name="type"] option', (os) => os.map((o) => o.textContent))).toEqual(['全部', '专版（1）']);
    await page.close();
  });

  it('has one search box and does not shift as results arrive on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) w.shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('劳模')}`);
    await page.waitForSelector('#search-results li');
    expect(await page.$$('input[type="search"]')).toHaveLength(1);
    // Filters folded behind 筛选 until asked for.
    expect(await page.isVisible('select[name="city"]')).toBe(false);
    await page.click('#search-filters-toggle');
    expect(await page.isVisible('select[name="city"]')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.05);
    await phone.close();
  });

  it('loads a small payload for a cold query', async () => {
    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    const { payload, settle } = trackPayload(page, isSearchRequest);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('技术服务队')}`);
    await page.waitForSelector('#search-results li');
    await settle();
    expect(payload.bytes).toBeLessThan(150 * 1024);
    await fresh.close();
  });

  it('is the only page that loads search code', () => {
    for (const path of ['index.html', ...truth.slice(0, 3).map((p) => `${p.url.slice(1)}index.html`)]) {
      const html = readFileSync(join(dist, path), 'utf8');
      expect(html).not.toMatch(/<script\b[^>]*type="module"/);
      expect(html).not.toContain('pagefind/');
      expect(html).toMatch(/<form class="header-search"[^>]*action="[^"]*search\/"[^>]*method="get"/);
    }
    expect(readFileSync(join(dist, 'search/index.html'), 'utf8')).toMatch(/<script\b[^>]*type="module"/);
  });
});
