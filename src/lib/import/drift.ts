/**
 * Drifted headlines: the layout sometimes prints an article's first paragraphs above its own headline, so
 * they seem to end the previous article (page 004: the 赵巧巧 paragraphs before `隔离点的24小时贴心“管家”`).
 *
 * Walking back from the end of article A (the one before B's headline), a paragraph is moved into B when
 * - it shares a four-character run with B's headline or first paragraph that occurs nowhere else on the
 *   page (a name or phrase particular to B, not common words like 外来务工), or its exact duplicate was
 *   printed inside B (and removed as a duplicate), and
 * - it shares no four-character run with A's own headline or first paragraph.
 * The walk stops at the first paragraph that does not meet both; one that has evidence both ways is
 * flagged. Moved paragraphs go right after B's first (byline) paragraph, in their printed order.
 */
import type { Article, Removal, Repair, Unit, Warning } from './types.ts';
import { excerpt } from './types.ts';
import { matchByline, normalizeForCompare } from './text-shape.ts';

function grams(text: string, n = 4): Set<string> {
  const clean = normalizeForCompare(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= clean.length; i += 1) out.add(clean.slice(i, i + n));
  return out;
}

function shares(a: Set<string>, b: Set<string>): boolean {
  for (const g of a) if (b.has(g)) return true;
  return false;
}

/** The headline lines and first paragraph: what an article is about. */
function identityTexts(article: Article): string[] {
  const first = article.body.find((u) => u.kind === 'para');
  const headline = article.headline ? [article.headline.kicker, article.headline.title, article.headline.subtitle] : [];
  return [...headline, first?.text].filter((t): t is string => Boolean(t));
}

function identity(article: Article): Set<string> {
  return grams(identityTexts(article).join('|'));
}

export function moveDriftedParagraphs(
  articles: Article[],
  removals: Removal[],
  repairs: Repair[],
  warnings: Warning[],
): Unit[] {
  const allMoved: Unit[] = [];
  for (let b = 1; b < articles.length; b += 1) {
    const next = articles[b];
    const previous = articles[b - 1];
    if (!next.headline) continue;
    const nextEnd = articles[b + 1]?.line ?? Number.POSITIVE_INFINITY;
    const duplicatedInNext = new Set(
      removals
        .filter((r) => r.kind === 'duplicate' && r.line >= next.line && r.line < nextEnd)
        .map((r) => normalizeForCompare(r.text)),
    );
    const nextId = identity(next);
    const previousId = identity(previous);
    const nextIdUnits = new Set(identityTexts(next));
    const firstParaIndex = previous.body.findIndex((u) => u.kind === 'para');

    const moved: Unit[] = [];
    for (let i = previous.body.length - 1; i > firstParaIndex; i -= 1) {
      const unit = previous.body[i];
      if (unit.kind === 'caption') continue;
      if (unit.kind !== 'para') break;
      const g = grams(unit.text);
      const elsewhere = grams(
        articles
          .flatMap((a) => [...identityTexts(a).filter((t) => !nextIdUnits.has(t)), ...a.body.map((u) => (nextIdUnits.has(u.text) || u === unit ? '' : u.text))])
          .join('|'),
      );
      const particular = new Set([...nextId].filter((gram) => !elsewhere.has(gram)));
      const forNext = shares(g, particular) || duplicatedInNext.has(normalizeForCompare(unit.text));
      const forPrevious = shares(g, previousId);
      if (forNext && !forPrevious) {
        moved.unshift(unit);
        continue;
      }
      if (forNext && moved.length > 0) {
        warnings.push({
          line: unit.line,
          message: '这一段可能也属于下一篇（其标题错位到了正文之后），未移动，请核对',
          excerpt: excerpt(unit.text),
        });
      }
      break;
    }
    if (moved.length === 0) continue;
    allMoved.push(...moved);

    previous.body = previous.body.filter((u) => !moved.includes(u));
    const insertAt = next.body.findIndex((u) => u.kind === 'para' && matchByline(u.text));
    next.body.splice(insertAt >= 0 ? insertAt + 1 : 0, 0, ...moved);
    for (const unit of moved) {
      repairs.push({
        kind: 'moved',
        line: unit.line,
        message: `段落印在了所属文章标题之前（标题错位），已移到《${next.headline.title}》${insertAt >= 0 ? '导语段之后' : '开头'}，请核对段落顺序`,
        excerpt: excerpt(unit.text),
      });
    }
  }
  return allMoved;
}
