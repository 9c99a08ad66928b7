/**
 * Splits the repaired units of a page into the page header (title, subtitle, editor's note) and articles.
 * An article starts at
 * - a headline group (two or more heading lines in a row),
 * - a single heading line in the `单位: 标题` form, or followed by a byline paragraph,
 * - a byline paragraph (`本报讯 记者…报道`) with no headline above it (headline lost in layout).
 * Any other heading line inside an article is a section heading. When the articles of a page are all
 * introduced by `单位: 标题` headings, a different headline group on top is the page headline and the
 * paragraphs under it are the lead, which becomes the editor's note.
 */
import type { Article, PageHeader, Removal, Repair, Unit, Warning } from './types.ts';
import { excerpt } from './types.ts';
import { readHeadline } from './headline.ts';
import { matchByline, matchNoteLabel, matchOrgHeading } from './text-shape.ts';

export interface PageStructure {
  header: PageHeader;
  articles: Article[];
}

interface Start {
  index: number;
  headline: Unit[];
  org: boolean;
}

export function splitPage(
  units: Unit[],
  repairs: Repair[],
  removals: Removal[],
  warnings: Warning[],
): PageStructure {
  const starts = findArticleStarts(units);
  const header: PageHeader = {};

  let bodyFrom = 0;
  const firstStart = starts[0]?.index ?? units.length;

  // Page headline from Markdown, or from heading lines above everything else.
  let cursor = 0;
  const topHeadings: Unit[] = [];
  while (cursor < firstStart && units[cursor].kind === 'heading') {
    topHeadings.push(units[cursor]);
    cursor += 1;
  }
  if (topHeadings.length > 0) {
    const md1 = topHeadings.findIndex((u) => u.mdLevel === 1);
    if (md1 >= 0) {
      header.title = topHeadings[md1].text;
      const sub = topHeadings[md1 + 1];
      if (sub && sub.mdLevel >= 2) header.subtitle = sub.text;
      else cursor = md1 + 1;
      if (sub && sub.mdLevel >= 2) cursor = md1 + 2;
    } else {
      Object.assign(header, pageHeadline(topHeadings.map((u) => u.text)));
    }
  }

  // Editor's note right under the page headline.
  if (units[cursor]?.kind === 'note-label') {
    const label = units[cursor];
    const note = matchNoteLabel(label.text)!;
    removals.push({ kind: 'to-field', line: label.line, text: note.label, reason: '“编者按”标签，内容移入 editorNote' });
    if (note.rest) {
      header.editorNote = note.rest;
      cursor += 1;
    } else if (units[cursor + 1]?.kind === 'para') {
      header.editorNote = units[cursor + 1].text;
      cursor += 2;
    } else cursor += 1;
    repairs.push({ kind: 'to-field', line: label.line, message: '编者按移入期次文件的 editorNote（按一段处理）', excerpt: excerpt(header.editorNote ?? '') });
  }
  bodyFrom = cursor;

  // Top group followed by `单位: 标题` articles: it is the page headline, its paragraphs the lead.
  const orgStarts = starts.filter((s) => s.org).length;
  if (!header.title && starts[0] && !starts[0].org && starts[0].index === bodyFrom && orgStarts >= 2) {
    const top = starts.shift()!;
    Object.assign(header, pageHeadline(top.headline.map((u) => u.text)));
    const end = starts[0].index;
    const lead = units.slice(top.index + top.headline.length, end);
    const paras = lead.filter((u) => u.kind === 'para');
    if (paras.length > 0) {
      header.editorNote = paras.map((u) => u.text).join('\n\n');
      header.editorNoteUnlabelled = true;
      warnings.push({
        line: paras[0].line,
        message: '版面标题下的导语未标“编者按”，已作为期次的 editorNote，请核对',
        excerpt: excerpt(header.editorNote),
      });
    }
    for (const stray of lead.filter((u) => u.kind !== 'para')) {
      // Captions under the page headline have no article; keep them in the review list.
      warnings.push({ line: stray.line, message: '导语区有无法归类的行（未写入任何文件），请编辑处理', excerpt: stray.text });
      removals.push({ kind: 'to-field', line: stray.line, text: stray.text, reason: '导语区无法归类的行，列在报告中' });
    }
    bodyFrom = end;
  }

  const articles: Article[] = [];
  // Content before the first article start (after the header) is an article without its own headline.
  const preEnd = starts[0]?.index ?? units.length;
  const pre = units.slice(bodyFrom, preEnd);
  if (pre.some((u) => u.kind === 'para')) {
    articles.push({ body: sectionise(pre), line: pre[0].line });
  } else {
    for (const u of pre) warnings.push({ line: u.line, message: '版面开头有无法归类的行', excerpt: u.text });
  }

  starts.forEach((start, n) => {
    const end = starts[n + 1]?.index ?? units.length;
    const headlineUnits = start.headline;
    const body = units.slice(start.index + headlineUnits.length, end);
    const article: Article = { body: sectionise(body), line: units[start.index].line };
    if (headlineUnits.length > 0) {
      article.headline = readHeadline(headlineUnits.map((u) => u.text));
      const orgUnit = headlineUnits.find((u) => matchOrgHeading(u.text));
      if (orgUnit) {
        const org = matchOrgHeading(orgUnit.text)!;
        removals.push({ kind: 'to-field', line: orgUnit.line, text: org.prefix, reason: '标题中的单位名移入 organisation' });
        repairs.push({ kind: 'to-field', line: orgUnit.line, message: '标题“单位: 标题”中的单位名移入 organisation', excerpt: org.organisation });
      }
    }
    articles.push(article);
  });
  return { header, articles };
}

function pageHeadline(lines: string[]): PageHeader {
  const h = readHeadline(lines);
  return { kicker: h.kicker, title: h.title, subtitle: h.subtitle };
}

/** Heading units inside an article are section headings; nothing else changes. */
function sectionise(units: Unit[]): Unit[] {
  return units.map((u) => (u.kind === 'note-label' ? { ...u, kind: 'para' as const } : u));
}

function findArticleStarts(units: Unit[]): Start[] {
  const starts: Start[] = [];
  let i = 0;
  while (i < units.length) {
    const unit = units[i];
    if (unit.kind === 'heading' && unit.mdLevel === 0) {
      let j = i;
      while (j < units.length && units[j].kind === 'heading' && units[j].mdLevel === 0) j += 1;
      const run = units.slice(i, j);
      let k = j;
      while (k < units.length && units[k].kind === 'caption') k += 1;
      const next = units[k];
      const org = run.some((u) => matchOrgHeading(u.text));
      const bylineNext = next?.kind === 'para' && Boolean(matchByline(next.text));
      if (run.length >= 2 || org || bylineNext) starts.push({ index: i, headline: run, org });
      i = j;
      continue;
    }
    if (unit.kind === 'para' && matchByline(unit.text)) {
      const previous = starts.at(-1);
      const coveredByHeadline =
        previous && previous.headline.length > 0 && units.slice(previous.index + previous.headline.length, i).every((u) => u.kind === 'caption');
      if (!coveredByHeadline) starts.push({ index: i, headline: [], org: false });
    }
    i += 1;
  }
  return starts;
}
