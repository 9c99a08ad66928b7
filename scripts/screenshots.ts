/**
 * `npm run screenshots`: pictures of the built site as readers see it, for a person to look at.
 * Serves dist/ on 127.0.0.1, opens it in headless Chromium and writes PNGs to .cache/screenshots/ (ignored by git):
 *   article-390.png / article-390-full.png   the longest article on a 390 px phone
 *   article-1280.png / article-1280-full.png the same article on a 1280 px desktop
 *   home-1280.png, issue-1280.png, print-a4-screen.png, city-390.png, regions-1280.png
 *   feed-390.png, feed-1280.png                the city and site feeds as a browser shows them (public/rss.xsl)
 *   search-390.png / search-1280.png          /search/?q=劳模 (first screen), results loaded
 *   search-near-390-full.png / search-near-1280-full.png   a near miss (湖州劳模协会): the labelled second list
 *   search-filters-390.png                    the 筛选 disclosure opened on a phone
 *   pdf-<issue>-p1.png                        page 1 of the issue's PDF (pdftoppm), rendered first if missing
 *
 *   npm run screenshots -- [--dist dist] [--case <id>] [--issue <id>]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';
import { printableIssues, renderIssuePdfs } from './pdf.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, case: { type: 'string' }, issue: { type: 'string' } } });
const distDir = resolve(values.dist!);
const outDir = resolve('.cache/screenshots');
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`${distDir} 里没有构建好的网站：请先运行 npm run build。`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });

const casesDir = join(distDir, 'cases');
const caseIds = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, 'index.html')));
const longest = caseIds.sort((a, b) => statSync(join(casesDir, b, 'index.html')).size - statSync(join(casesDir, a, 'index.html')).size)[0];
const caseId = values.case ?? longest;
const issueId = values.issue ?? printableIssues(distDir)[0];
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const server = await serveStatic(distDir, { base });
const browser = await launchChromium();
const written: string[] = [];
try {
  type Shot = { full?: boolean; height?: number; waitFor?: string; click?: string };
  const shoot = async (path: string, name: string, width: number, { full = false, height = 900, waitFor, click }: Shot = {}) => {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: width < 500 ? 2 : 1 });
    await page.goto(server.url + path.replace(/^\//, ''), { waitUntil: 'load' });
    if (waitFor) await page.waitForSelector(waitFor);
    if (click) await page.click(click);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: full });
    written.push(file);
    await page.close();
  };
  if (caseId) {
    await shoot(`cases/${caseId}/`, 'article-390', 390, { height: 844 });
    await shoot(`cases/${caseId}/`, 'article-390-full', 390, { full: true, height: 844 });
    await shoot(`cases/${caseId}/`, 'article-1280', 1280);
    await shoot(`cases/${caseId}/`, 'article-1280-full', 1280, { full: true });
  }
  await shoot('', 'home-1280', 1280, { full: true });
  await shoot('regions/wenzhou/', 'city-390', 390, { full: true, height: 844 });
  await shoot('regions/', 'regions-1280', 1280, { full: true });
  // A feed opened in the browser (public/rss.xsl), and an old address (content/redirects.yaml), on a phone.
  await shoot('regions/wenzhou/rss.xml', 'feed-390', 390, { full: true, height: 844 });
  await shoot('rss.xml', 'feed-1280', 1280);
  const results = '#search-results li';
  await shoot(`search/?q=${encodeURIComponent('劳模')}`, 'search-390', 390, { height: 844, waitFor: results });
  await shoot(`search/?q=${encodeURIComponent('劳模')}`, 'search-1280', 1280, { waitFor: results });
  await shoot(`search/?q=${encodeURIComponent('湖州劳模协会')}`, 'search-near-390-full', 390, { full: true, height: 844, waitFor: '#search-near-results li' });
  await shoot(`search/?q=${encodeURIComponent('湖州劳模协会')}`, 'search-near-1280-full', 1280, { full: true, waitFor: '#search-near-results li' });
  await shoot(`search/?q=${encodeURIComponent('劳模')}`, 'search-filters-390', 390, { height: 844, waitFor: results, click: '#search-filters-toggle' });
  if (issueId) {
    await shoot(`issues/${issueId}/`, 'issue-1280', 1280, { full: true });
    await shoot(`issues/${issueId}/print/`, 'print-a4-screen', 1280);
    const pdf = join(distDir, 'issues', `${issueId}.pdf`);
    const pdfFile = existsSync(pdf) ? pdf : (await renderIssuePdfs({ distDir, outDir, ids: [issueId], browser, base }))[0]!.file;
    const prefix = join(outDir, `pdf-${issueId}-p1`);
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdfFile, prefix]);
    written.push(`${prefix}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`截图（案例 ${caseId}，专版 ${issueId}）：\n${written.map((file) => `  ${file}`).join('\n')}`);

