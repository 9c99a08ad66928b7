/**
 * The 数字报 habits on the built site (astro build alone, no PDFs): 期号 and series place on issue pages, the
 * issues list and the print header; 上一期 / 下一期 on every issue page; on every case of an issue a bar linking
 * its issue before the first paragraph of the body; without the PDF step no PDF link and no picture (nothing
 * that points at a missing file). The PDF step's links and page-1 picture are tested in pdf.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readExpectedContent, type ExpectedIssue } from './site-content.ts';

const dist = inject('distDir');
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

let issues: ExpectedIssue[] = [];

beforeAll(async () => {
  issues = (await readExpectedContent()).publishedIssues;
});

const pager = (html: string) => /<nav class="issue-pager"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);

describe('issue numbers and navigation', () => {
  it('gives every published issue a different 期号, shown on its page, in the list and on its print header', () => {
    expect(issues.length).toBeGreaterThan(1);
    const numbers = issues.map((issue) => {
      const match = /<p class="issue-number"><strong>第 (\d+) 期<\/strong>/.exec(page(`issues/${issue.id}`));
      expect(match, issue.id).not.toBeNull();
      return Number(match![1]);
    });
    expect(new Set(numbers).size).toBe(issues.length);
    const list = text(page('issues'));
    for (const number of numbers) expect(list).toContain(`第 ${number} 期`);
    issues.forEach((issue, index) => {
      const print = page(`issues/${issue.id}/print`);
      expect(text(/<header class="masthead">[\s\S]*?<\/header>/.exec(print)![0]), issue.id).toContain(`第 ${numbers[index]} 期`);
    });
  });

  it('puts 温州篇 in its series: “全省各市劳模协会工作交流 · 第 N 篇”, after 湖州篇', () => {
    const wenzhou = text(page('issues/laomo-xiehui-jiaoliu-wenzhou'));
    const huzhou = text(page('issues/laomo-xiehui-jiaoliu-huzhou'));
    expect(huzhou).toContain('全省各市劳模协会工作交流 · 第 1 篇');
    expect(wenzhou).toContain('全省各市劳模协会工作交流 · 第 2 篇');
    expect(text(page('issues/laomo-xiehui-jiaoliu-wenzhou/print'))).toContain('全省各市劳模协会工作交流 · 第 2 篇');
  });

  it('links every issue page to 上一期 or 下一期, to pages that exist, each step one number apart', () => {
    for (const issue of issues) {
      const html = page(`issues/${issue.id}`);
      const nav = pager(html);
      expect(nav, issue.id).toMatch(/上一期|下一期/);
      const own = Number(/第 (\d+) 期/.exec(html)![1]);
      for (const [, href, rel] of nav.matchAll(/<a href="([^"]+)" rel="(prev|next)"/g)) {
        expect(existsSync(join(dist, href!, 'index.html')), href).toBe(true);
        const theirs = Number(/第 (\d+) 期/.exec(page(href!))![1]);
        expect(theirs, `${issue.id} ${rel}`).toBe(rel === 'prev' ? own - 1 : own + 1);
      }
    }
  });

  it('links the parts of a series to each other (湖州篇 ↔ 温州篇)', () => {
    expect(hrefs(pager(page('issues/laomo-xiehui-jiaoliu-huzhou')))).toContain('/issues/laomo-xiehui-jiaoliu-wenzhou/');
    expect(hrefs(pager(page('issues/laomo-xiehui-jiaoliu-wenzhou')))).toContain('/issues/laomo-xiehui-jiaoliu-huzhou/');
  });

  it('without the PDF step shows no PDF link and no page-1 picture (nothing pointing at a missing file)', () => {
    for (const issue of issues) {
      const html = page(`issues/${issue.id}`);
      expect(html, issue.id).toContain('<span class="pdf-thumb-slot"');
      expect(html, issue.id).not.toMatch(/<img [^>]*page1/);
      expect(html, issue.id).not.toMatch(/<a [^>]*\.pdf"/);
    }
  });
});

describe('from an article to its issue', () => {
  it('opens every case of an issue with “刊于第 n 期《…》第 k 篇 · 打印版” before the first paragraph of the body', () => {
    for (const issue of issues) {
      issue.caseIds.forEach((caseId, index) => {
        const html = page(`cases/${caseId}`);
        const bar = /<nav class="issue-bar"[\s\S]*?<\/nav>/.exec(html);
        expect(bar, caseId).not.toBeNull();
        expect(bar![0]).toContain(`href="/issues/${issue.id}/"`);
        expect(bar![0]).toContain(`href="/issues/${issue.id}/print/"`);
        expect(text(bar![0])).toMatch(new RegExp(`^刊于第 \\d+ 期《${issue.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}》第 ${index + 1} 篇`));
        const body = html.indexOf('<div class="article-body"');
        const firstParagraph = html.indexOf('<p', body);
        expect(body, caseId).toBeGreaterThan(0);
        expect(bar!.index, caseId).toBeLessThan(firstParagraph);
        // Without the PDF step the slot is empty: no link to a PDF that is not there.
        expect(bar![0]).not.toMatch(/<a [^>]*\.pdf"/);
      });
    }
  });

  it('gives a printed case a masthead and a QR code of its own address (hidden on screen)', () => {
    const issue = issues[0]!;
    const html = page(`cases/${issue.caseIds[0]}`);
    expect(html).toContain('<p class="print-masthead"');
    expect(html).toMatch(/<figure class="print-qr"><svg[\s\S]*?<figcaption>扫码阅读网页版<br>https:\/\/laomo\.zjgh\.org\/cases\//);
  });
});
