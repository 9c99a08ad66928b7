/**
 * The built site in real headless Chromium, served on 127.0.0.1: every page type renders, axe-core finds no
 * accessibility violation, no request leaves the machine, article pages run no script, the Chinese body text is
 * set after clreq, and the print view hides its toolbar when printed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const dist = inject('distDir');
const dirs = (path: string) =>
  existsSync(join(dist, path)) ? readdirSync(join(dist, path), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(dist, path, d.name, 'index.html'))).map((d) => d.name).sort() : [];
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

// The pages to visit, found in the build itself: one of each kind, and every page of the kinds that matter most.
const caseIds = dirs('cases');
const issueIds = dirs('issues');
const cities = dirs('regions');
const counties = cities.flatMap((city) => dirs(`regions/${city}`).filter((name) => !/^\d+$/.test(name)).map((county) => `regions/${city}/${county}/`));
const topics = dirs('topics');
const pagedLists = [...cities.map((city) => `regions/${city}`), ...topics.map((topic) => `topics/${topic}`)].flatMap((path) =>
  dirs(path).filter((name) => /^\d+$/.test(name)).map((page) => `${path}/${page}/`),
);
// Lists of cities and topics: those with cases and one without (the others render from the same template).
const withCases = (paths: string[]) => {
  const full = paths.filter((path) => html(path).includes('class="card"'));
  return [...full, ...paths.filter((path) => !full.includes(path)).slice(0, 1)];
};
const pageTypes: Record<string, string[]> = {
  home: [''],
  article: caseIds.map((id) => `cases/${id}/`),
  'issue index': ['issues/'],
  issue: issueIds.map((id) => `issues/${id}/`),
  'print A4': issueIds.map((id) => `issues/${id}/print/`),
  'print A3': issueIds.slice(0, 1).map((id) => `issues/${id}/print/?size=a3`),
  'region index': ['regions/'],
  city: withCases(cities.map((city) => `regions/${city}/`)),
  county: withCases(counties),
  'paginated list': pagedLists,
  'topic index': ['topics/'],
  topic: withCases(topics.map((topic) => `topics/${topic}/`)),
  archive: ['archive/', ...dirs('archive').map((year) => `archive/${year}/`)],
  about: ['about/'],
};

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const offsite: string[] = [];

beforeAll(async () => {
  server = await serveStatic(dist);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1') return route.continue();
    offsite.push(route.request().url());
    return route.abort();
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit { page: Page; status: number; failed: string[]; scripts: string[]; consoleErrors: string[] }

async function visit(path: string, { viewport }: { viewport?: { width: number; height: number } } = {}): Promise<Visit> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const failed: string[] = [];
  const scripts: string[] = [];
  const consoleErrors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failed.push(`${request.failure()?.errorText} ${request.url()}`));
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const response = await page.goto(server.url + path, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, status: response?.status() ?? 0, failed, scripts, consoleErrors };
}

describe('every page type in Chromium', () => {
  it('found pages of every type in the build', () => {
    for (const [type, paths] of Object.entries(pageTypes)) {
      if (type === 'paginated list') continue; // only once a list outgrows a page
      expect(paths.length, type).toBeGreaterThan(0);
    }
  });

  for (const [type, paths] of Object.entries(pageTypes)) {
    if (paths.length === 0) continue;
    describe(type, () => {
      for (const path of paths) {
        it(`/${path} renders, passes axe and stays on this machine`, async () => {
          const { page, status, failed, scripts, consoleErrors } = await visit(path);
          try {
            expect(status).toBe(200);
            expect(await page.locator('h1').count()).toBe(1);
            expect((await page.locator('h1').innerText()).trim()).not.toBe('');
            expect(failed).toEqual([]);
            expect(consoleErrors).toEqual([]);
            if (type === 'article') {
              expect(scripts).toEqual([]);
              expect(await page.evaluate(() => document.scripts.length)).toBe(0);
            }
            const { violations } = await new AxeBuilder({ page }).analyze();
            expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
          } finally {
            await page.close();
          }
        });
      }
    });
  }

  it('answers an unknown address with the Chinese 404 page, which passes axe too', async () => {
    const { page, status } = await visit('no-such-page/');
    try {
      expect(status).toBe(404);
      expect(await page.locator('h1').innerText()).toBe('页面未找到');
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(offsite).toEqual([]);
  });
});

// The longest article: the most lines to get wrong.
const longestCase = [...caseIds].sort((a, b) => html(`cases/${b}`).length - html(`cases/${a}`).length)[0];

describe('Chinese body text (W3C clreq)', () => {
  it('is justified serif text with line-height 1.5–2, a 2em first-line indent and strict line breaking', async () => {
    const { page } = await visit(`cases/${longestCase}/`, { viewport: { width: 390, height: 844 } });
    try {
      const style = await page.evaluate(() => {
        const body = document.querySelector('.article-body')!;
        const paragraph = body.querySelector('p')!;
        const s = getComputedStyle(body);
        const p = getComputedStyle(paragraph);
        return {
          fontFamily: s.fontFamily,
          lineHeightRatio: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
          textAlign: s.textAlign,
          indentRatio: parseFloat(p.textIndent) / parseFloat(p.fontSize),
          lineBreak: s.getPropertyValue('line-break'),
          textSpacingTrim: s.getPropertyValue('text-spacing-trim'),
          uiFont: getComputedStyle(document.querySelector('.site-nav')!).fontFamily,
          serifAvailable: document.fonts.check('16px "Noto Serif CJK SC"', '劳模'),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      expect(style.fontFamily).toMatch(/^"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", STSong, SimSun/);
      expect(style.uiFont).toMatch(/^"Noto Sans CJK SC"/);
      expect(style.serifAvailable).toBe(true);
      expect(style.lineHeightRatio).toBeGreaterThanOrEqual(1.5);
      expect(style.lineHeightRatio).toBeLessThanOrEqual(2);
      expect(style.textAlign).toBe('justify');
      expect(style.indentRatio).toBeCloseTo(2, 5);
      expect(style.lineBreak).toBe('strict');
      expect(style.textSpacingTrim).toBe('space-first');
      expect(style.overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  });

  for (const width of [390, 1280]) {
    it(`starts no line with closing punctuation and ends none with opening punctuation at ${width} px`, async () => {
      const { page } = await visit(`cases/${longestCase}/`, { viewport: { width, height: 900 } });
      try {
        const result = await page.evaluate(() => {
          const closing = new Set([...'，。、；：？！）》」』〉】”’％']);
          const opening = new Set([...'（《「『〈【“‘']);
          const bad: string[] = [];
          let lines = 0;
          for (const paragraph of document.querySelectorAll('.article-body p, .editor-note p')) {
            const chars: { ch: string; top: number }[] = [];
            const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent ?? '';
              for (let i = 0; i < text.length; i += 1) {
                if (/\s/.test(text[i]!)) continue;
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const rect = range.getClientRects()[0];
                if (rect) chars.push({ ch: text[i]!, top: rect.top });
              }
            }
            for (let i = 1; i < chars.length; i += 1) {
              if (chars[i]!.top - chars[i - 1]!.top > 4) {
                lines += 1;
                if (closing.has(chars[i]!.ch)) bad.push(`行首“${chars[i]!.ch}”：…${chars.slice(Math.max(0, i - 6), i + 4).map((c) => c.ch).join('')}…`);
                if (opening.has(chars[i - 1]!.ch)) bad.push(`行尾“${chars[i - 1]!.ch}”：…${chars.slice(Math.max(0, i - 6), i + 4).map((c) => c.ch).join('')}…`);
              }
            }
          }
          return { bad, lines };
        });
        expect(result.lines).toBeGreaterThan(width < 500 ? 20 : 5);
        expect(result.bad).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe('print view of a special issue', () => {
  it('shows a print button on screen and hides all navigation when printed', async () => {
    const { page } = await visit(`issues/${issueIds[0]}/print/`);
    try {
      await expect(page.getByRole('button', { name: '打印本版' }).isVisible()).resolves.toBe(true);
      // The button works, from a script file: the site's CSP (deploy/nginx) allows no inline script.
      expect(await page.evaluate(() => [...document.scripts].filter((script) => !script.src).length)).toBe(0);
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void (window as unknown as { printed: number }).printed++;
      });
      await page.getByRole('button', { name: '打印本版' }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      expect(await page.locator('.site-header, .site-nav').count()).toBe(0);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.print-toolbar').isVisible()).toBe(false);
      const breaks = await page.evaluate(() => ({
        header: getComputedStyle(document.querySelector('.print-article-header')!).breakAfter,
        headerInside: getComputedStyle(document.querySelector('.print-article-header')!).breakInside,
        figure: document.querySelector('.news-figure') ? getComputedStyle(document.querySelector('.news-figure')!).breakInside : 'avoid',
      }));
      expect(breaks).toEqual({ header: 'avoid', headerInside: 'avoid', figure: 'avoid' });
    } finally {
      await page.close();
    }
  });

  it('shows the A3 sheet at ?size=a3, fitted, and sends the old /print/a3/ address there', async () => {
    const old = await context.newPage();
    try {
      await old.goto(`${server.url}issues/${issueIds[0]}/print/a3/`);
      await old.waitForURL(/\/print\/\?size=a3$/);
    } finally {
      await old.close();
    }
    const { page } = await visit(`issues/${issueIds[0]}/print/?size=a3`);
    try {
      await page.waitForFunction(() => document.documentElement.dataset.fit === 'done');
      const state = await page.evaluate(() => ({
        a3: document.documentElement.classList.contains('print-a3'),
        size: Number(document.documentElement.dataset.fitSize),
        current: document.querySelector('[aria-current="page"]')?.textContent,
      }));
      expect(state.a3).toBe(true);
      expect(state.size).toBeGreaterThanOrEqual(7.5);
      expect(state.current).toContain('A3');
    } finally {
      await page.close();
    }
  });

  it('hides navigation when an ordinary article is printed', async () => {
    const { page } = await visit(`cases/${caseIds[0]}/`);
    try {
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.site-header', '.site-footer', '.breadcrumbs']) expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      expect(await page.locator('h1').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('prints a case of an issue as masthead, headlines, text, source line and QR code, without any navigation', async () => {
    const caseInIssue = caseIds.find((id) => html(`cases/${id}/`).includes('class="issue-bar"'))!;
    const { page } = await visit(`cases/${caseInIssue}/`);
    try {
      const navigation = ['.site-header', '.site-footer', '.breadcrumbs', '.issue-bar', '.article-aside', '.issue-nav', '.related', '.source-topics', 'input[type="search"]'];
      const printed = ['.print-masthead', 'h1', '.article-body p', '.article-source', '.print-qr svg'];
      // On screen: navigation and the bar are there, the masthead and QR code are print-only.
      for (const selector of ['.issue-bar', '.breadcrumbs']) expect(await page.locator(selector).first().isVisible(), `screen ${selector}`).toBe(true);
      for (const selector of ['.print-masthead', '.print-qr']) expect(await page.locator(selector).first().isVisible(), `screen ${selector}`).toBe(false);
      await page.emulateMedia({ media: 'print' });
      for (const selector of navigation) {
        const all = page.locator(selector);
        for (let index = 0; index < (await all.count()); index += 1) expect(await all.nth(index).isVisible(), `print ${selector}`).toBe(false);
      }
      for (const selector of printed) expect(await page.locator(selector).first().isVisible(), `print ${selector}`).toBe(true);
    } finally {
      await page.close();
    }
  });
});
