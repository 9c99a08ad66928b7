/**
 * An estimate, from character counts alone, of how tall a special issue is set on one A3 sheet at the smallest
 * body size (六号, 7.5 pt) in its densest layout (all articles through 7 columns of 13 characters), for
 * `npm run check`, which cannot run a browser. It errs on the long side: every paragraph ends on a full line, a
 * headline line counts as a line and a half, and a margin is added, so an issue it passes fits when measured
 * (`npm run pdf` measures it in Chromium and gives the true figure).
 */
import { printGeometry } from './print-fit.ts';

export interface IssueTextArticle {
  title: string;
  subtitle?: string;
  kicker?: string;
  byline?: string;
  editorNote?: string;
  /** The MDX body (after the frontmatter). */
  body: string;
}

export interface IssueText {
  title: string;
  subtitle?: string;
  kicker?: string;
  editorNote?: string;
  articles: IssueTextArticle[];
}

export interface SheetEstimate {
  /** Estimated height at the smallest size, in mm, and the height of the sheet's text area. */
  heightMm: number;
  availableMm: number;
  /** Estimated overflow as a fraction of the sheet (0 when it should fit). */
  overflow: number;
  /** Characters of body text counted. */
  chars: number;
}

// At 7.5 pt, line height 1.55: one line 4.1 mm; 7 columns of (271 − 6 × 5) / 7 = 34.4 mm, 13 characters.
const lineMm = 7.5 * 1.55 * (25.4 / 72);
const columns = 7;
const charsPerLine = 13;
/** Headlines (about 10 pt) take about 9 characters and 1.5 body lines per line. */
const headlineChars = 9;
const headlineLines = 1.5;
/** Masthead, issue headline and footer, in mm at the smallest size; the editor's note is added by its length. */
const fixedMm = 48;
const noteCharsPerLine = 105;
const noteLineMm = 4.1;
const safety = 1.04;

const length = (text: string | undefined) => (text ? [...text.replace(/\s+/g, '')].length : 0);
const linesOf = (text: string | undefined, perLine: number) => (text ? Math.ceil(length(text) / perLine) : 0);

/** Paragraphs, subheads and photos of an MDX body, as printed (a caption without a photo is not printed). */
export function bodyBlocks(body: string): { paragraphs: string[]; subheads: string[]; photos: number } {
  const paragraphs: string[] = [];
  const subheads: string[] = [];
  let photos = 0;
  for (const block of body.split(/\r?\n\s*\r?\n/)) {
    const text = block.trim();
    if (!text) continue;
    if (/^<Figure\b/.test(text)) {
      if (/\ssrc=/.test(text)) photos += 1;
      continue;
    }
    if (/^(import|export)\s/.test(text) || /^<\/?[A-Za-z]/.test(text)) continue;
    const heading = /^#{1,6}\s+(.*)$/s.exec(text);
    const plain = (heading ? heading[1]! : text)
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`>#|]/g, '')
      .replace(/^\s*[-+]\s+/gm, '');
    if (heading) subheads.push(plain);
    else paragraphs.push(...plain.split(/\r?\n/).filter((line) => line.trim()));
  }
  return { paragraphs, subheads, photos };
}

export function estimateA3Sheet(issue: IssueText): SheetEstimate {
  let lines = 0;
  let chars = 0;
  issue.articles.forEach((article, index) => {
    if (index > 0) lines += 2; // rule and space between articles
    lines += Math.ceil(length(article.title) / headlineChars) * headlineLines;
    lines += linesOf(article.kicker, charsPerLine) + linesOf(article.subtitle, charsPerLine - 2) + linesOf(article.byline, charsPerLine + 3) + 0.5;
    if (article.editorNote && article.editorNote !== issue.editorNote) lines += linesOf(article.editorNote, charsPerLine) + 1;
    const { paragraphs, subheads, photos } = bodyBlocks(article.body);
    for (const paragraph of paragraphs) {
      chars += length(paragraph);
      lines += Math.ceil((length(paragraph) + 2) / charsPerLine); // first-line indent of two characters
    }
    for (const subhead of subheads) lines += Math.ceil(length(subhead) / (charsPerLine - 1)) * 1.2 + 1;
    lines += photos * 14;
  });
  const headMm = fixedMm + linesOf(issue.subtitle, 30) * 6 + linesOf(issue.kicker, 40) * 5 + (issue.editorNote ? 6 + linesOf(issue.editorNote, noteCharsPerLine) * noteLineMm : 0);
  // Balanced columns end within a line or two of each other.
  const heightMm = (headMm + (lines / columns + 1) * lineMm) * safety;
  const availableMm = printGeometry.a3.heightMm;
  return { heightMm, availableMm, overflow: Math.max(0, heightMm / availableMm - 1), chars };
}
