/**
 * Ground truth for the search harness, independent of the search code: the text of each built article
 * and issue page (the `<article data-pagefind-body>` element), read from its HTML, and plain `String.includes`. Whitespace and punctuation (Unicode P*: quotes,
 * commas, the · in 共享社·幸福里) are ignored on both sides, so a reader need not retype them;
 * nothing else is folded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TruthPage {
  url: string;
  title: string;
  /** The first `leadChars` characters after the headline: subtitle, byline, 编者按, first paragraph. */
  lead: string;
  /** Headline and article text, whitespace removed. */
  text: string;
}

export const leadChars = 160;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
const decode = (html: string) =>
  html.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16))
    : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1)))
    : entities[name] ?? whole,
  );
export const squeeze = (text: string) => text.replace(/[\s\u200b\p{P}]+/gu, '');

/** Text of an article element as a reader sees it, minus parts marked data-pagefind-ignore. */
export function articleText(html: string): { title: string; text: string } | undefined {
  const start = html.search(/<article\b[^>]*data-pagefind-body/);
  if (start === -1) return undefined;
  let article = html.slice(start, html.indexOf('</article>', start));
  // Drop ignored elements (footer / aside / div … data-pagefind-ignore … up to their closing tag).
  article = article.replace(/<(\w+)\b[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/g, '');
  article = article.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/g, '');
  const title = squeeze(decode((/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(article)?.[1] ?? '').replace(/<[^>]+>/g, '')));
  const text = squeeze(decode(article.replace(/<[^>]+>/g, ' ')));
  return { title, text };
}

/** The searchable pages of a build: case pages and issue pages (专版). */
export function truthPages(dist: string, under: string[] = ['cases', 'issues']): TruthPage[] {
  const pages: TruthPage[] = [];
  for (const dir of under) {
    const root = join(dist, dir);
    if (!existsSync(root)) continue;
    for (const id of readdirSync(root).sort()) {
      const file = join(root, id, 'index.html');
      if (!existsSync(file)) continue;
      const article = articleText(readFileSync(file, 'utf8'));
      if (!article) continue;
      const afterTitle = article.text.startsWith(article.title) ? article.text.slice(article.title.length) : article.text;
      pages.push({ url: `/${dir}/${id}/`, title: article.title, lead: afterTitle.slice(0, leadChars), text: article.text });
    }
  }
  return pages;
}

/** Pages that contain the query as typed (whitespace-separated parts must all occur). */
export function pagesContaining(pages: TruthPage[], query: string): TruthPage[] {
  const parts = query.split(/\s+/).filter(Boolean).map(squeeze);
  return pages.filter((page) => parts.every((part) => page.text.includes(part)));
}

/** Pages that have every part of the query in their title or lead. */
export function pagesLeading(pages: TruthPage[], query: string): TruthPage[] {
  const parts = query.split(/\s+/).filter(Boolean).map(squeeze);
  return pages.filter((page) => parts.every((part) => page.title.includes(part) || page.lead.includes(part)));
}
