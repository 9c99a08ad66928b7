/**
 * A synthetic corpus for `npm run bench:search`: N article pages made from the real paragraphs of the
 * site's content (content/cases/*.mdx; also the original source pages in content/sources when they
 * are there), shaped like the built case pages: the same <article data-pagefind-body> and the same
 * data-pagefind-* attributes (src/lib/search/page-data.ts). Deterministic for a size and seed.
 * Written to a temp dir, never committed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { caseSearchAttributes, type RegionStep } from '../../src/lib/search/page-data.ts';
import { formatChineseDate } from '../../src/lib/dates.ts';
import { issueFilterAttribute } from '../../src/lib/search/issue-filter.ts';

const root = resolve(import.meta.dirname, '../..');

export interface CorpusArticle {
  id: string;
  title: string;
  subtitle?: string;
  organisation: string;
  editorNote?: string;
  trail: RegionStep[];
  topics: string[];
  /** The issue it appeared in: the 专版 filter is keyed by the id, as on the site (src/lib/search/issue-filter.ts). */
  issue?: { id: string; title: string };
  date: Date;
  paragraphs: string[];
}

export function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cjk = /[\u3400-\u9fff]/;

/** Real text: headlines and paragraphs of the content files, plus the raw source pages if present. */
export function realText(): { titles: string[]; paragraphs: string[]; organisations: string[] } {
  const titles = new Set<string>();
  const paragraphs = new Set<string>();
  const organisations = new Set<string>();
  const casesDir = join(root, 'content/cases');
  for (const name of existsSync(casesDir) ? readdirSync(casesDir).filter((n) => n.endsWith('.mdx')).sort() : []) {
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(casesDir, name), 'utf8'));
    if (!match) continue;
    const field = (key: string) => new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(match[1])?.[1]?.trim().replace(/^["']|["']$/g, '');
    const title = field('title');
    if (title) titles.add(title);
    const organisation = field('organisation');
    if (organisation) organisations.add(organisation);
    for (const block of match[2].split(/\n\s*\n/)) {
      const line = block.replace(/<[^>]+>/g, '').replace(/^#+\s*/, '').replace(/\s*\n\s*/g, '').trim();
      if (line.length >= 30 && cjk.test(line)) paragraphs.add(line);
    }
  }
  const shared = resolve(root, 'content/sources');
  if (existsSync(shared)) {
    for (const name of readdirSync(shared).filter((n) => n.endsWith('.txt')).sort()) {
      for (const raw of readFileSync(join(shared, name), 'utf8').split('\n')) {
        const line = raw.replace(/^#+\s*/, '').trim();
        if (line.length >= 30 && cjk.test(line)) paragraphs.add(line);
      }
    }
  }
  return { titles: [...titles], paragraphs: [...paragraphs], organisations: [...organisations] };
}

const cities: [string, string[]][] = [
  ['杭州市', ['上城区', '西湖区', '临安区', '建德市']],
  ['温州市', ['平阳县', '洞头区', '乐清市', '文成县']],
  ['湖州市', ['吴兴区', '德清县', '安吉县']],
  ['金华市', ['婺城区', '永康市', '东阳市']],
  ['衢州市', ['柯城区', '江山市']],
  ['台州市', ['玉环市', '临海市']],
  ['绍兴市', ['诸暨市', '上虞区']],
];
const topics = ['志愿服务', '技术帮扶', '乡村振兴', '疫情防控', '创新工作室', '宣讲', '关爱帮扶', '技能竞赛', '共同富裕', '协会建设'];

export function generateCorpus(size: number, seed = 20240501): CorpusArticle[] {
  const random = mulberry32(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const { titles, paragraphs, organisations } = realText();
  if (paragraphs.length === 0) throw new Error('没有可用的正文段落（content/cases 为空）');
  const articles: CorpusArticle[] = [];
  for (let i = 0; i < size; i++) {
    const [city, counties] = pick(cities);
    const county = pick(counties);
    const body: string[] = [];
    for (let p = 6 + Math.floor(random() * 8); p > 0; p--) body.push(pick(paragraphs));
    const date = new Date(Date.UTC(2019 + Math.floor(random() * 5), Math.floor(random() * 12), 1 + Math.floor(random() * 27)));
    articles.push({
      id: `a${String(i).padStart(5, '0')}`,
      // Real headlines repeat across the corpus; the number keeps each page's headline its own.
      title: `${pick(titles.length ? titles : ['劳模工匠专版'])}（${i + 1}）`,
      subtitle: random() < 0.4 ? `${county}${pick(['劳模协会', '总工会'])}工作交流` : undefined,
      organisation: organisations.length && random() < 0.5 ? pick(organisations) : `${county}${pick(['劳模协会', '总工会'])}`,
      editorNote: random() < 0.25 ? pick(paragraphs) : undefined,
      trail: [{ name: '浙江省', kind: 'province' }, { name: city, kind: 'city' }, { name: county, kind: 'county' }],
      topics: [...new Set([pick(topics), pick(topics)])],
      issue: random() < 0.6 ? corpusIssue(1 + Math.floor(random() * 60)) : undefined,
      date,
      paragraphs: body,
    });
  }
  return articles;
}

const corpusIssue = (number: number) => ({ id: `zhuanban-${number}`, title: `劳模工匠专版第${number}期` });

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escape(value)}"`);

/** The article as the site renders it (src/pages/cases/[id].astro), with the same search attributes. */
export function articleHtml(article: CorpusArticle): string {
  const search = caseSearchAttributes({ trail: article.trail, date: article.date, datePrecision: 'day' });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(article.title)} | 浙江劳模工匠</title></head><body>
<header class="site-header"><a href="/">浙江劳模工匠</a></header>
<main id="main"><article class="article" data-pagefind-body${attr('data-pagefind-sort', search.article.sort)}${attr('data-pagefind-filter', search.article.filter)}${attr('data-pagefind-meta', search.article.meta)}>
<header class="article-header"${attr('data-pagefind-filter', search.header.filter)}${attr('data-pagefind-meta', search.header.meta)}><h1>${escape(article.title)}</h1>${article.subtitle ? `<p class="subtitle">${escape(article.subtitle)}</p>` : ''}
<p class="byline"${attr('data-pagefind-filter', search.byline.filter)}${attr('data-pagefind-meta', search.byline.meta)}><span>${escape(article.organisation)}</span><span><time>${formatChineseDate(article.date)}</time></span></p></header>
${article.editorNote ? `<aside class="editor-note"><p><strong>编者按：</strong>${escape(article.editorNote)}</p></aside>` : ''}
<div class="article-body"${attr('data-pagefind-filter', search.body.filter)}>${article.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</div>
<footer class="article-source" data-pagefind-ignore><dl><div><dt>出处</dt><dd>劳模工匠专版</dd></div>
<div><dt>话题</dt><dd><ul class="tags">${article.topics.map((t) => `<li><a href="#" data-pagefind-filter="topic">${escape(t)}</a></li>`).join('')}</ul></dd></div></dl></footer>
</article>
${article.issue ? `<nav class="issue-nav"><p>刊于专版 <a href="#"${attr('data-pagefind-filter', issueFilterAttribute(article.issue.id))} data-pagefind-meta="issue">《${escape(article.issue.title)}》</a></p></nav>` : ''}
</main></body></html>`;
}

export function writeCorpus(dir: string, articles: CorpusArticle[]) {
  for (const article of articles) {
    const path = join(dir, 'cases', article.id);
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'index.html'), articleHtml(article));
  }
}
