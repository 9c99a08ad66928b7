/**
 * Drifted headlines: the layout sometimes prints an article's first paragraphs above its own headline, so
 * they seem to end the previous article (page 004: the 赵巧巧 paragraphs before `隔离点的24小时贴心“管家”`).
 *
 * For each article B with a headline, the paragraphs at the very end of the article A before it are
 * candidates when they mention B's protagonist — a three-character name used at least three times in B
 * and in no other article of the page (赵巧巧; common words like 劳模工 drop out) — or when their exact
 * duplicate was printed inside B (and removed as a duplicate). The run of candidates is moved only when
 * it is unambiguous:
 * - the names it mentions do not appear anywhere else in A (else it is a shared subject: left alone), and
 * - no candidate shares a four-character phrase with A's own headline or first paragraph (else flagged). Moved paragraphs go right after B's first (byline)
 * paragraph, in their printed order.
 */
import type { Article, Removal, Repair, Unit, Warning } from './types.ts';
import { excerpt } from './types.ts';
import { HAN, matchByline, normalizeForCompare } from './text-shape.ts';

const PROTAGONIST_MIN_MENTIONS = 3;

function grams(text: string, n: number): string[] {
  const clean = normalizeForCompare(text);
  const out: string[] = [];
  for (let i = 0; i + n <= clean.length; i += 1) out.push(clean.slice(i, i + n));
  return out;
}

function articleTexts(article: Article): string[] {
  const h = article.headline;
  return [h?.kicker, h?.title, h?.subtitle, ...article.body.map((u) => u.text)].filter((t): t is string => Boolean(t));
}

/** Three-character Han names used at least three times in the article and never in `others`. */
function protagonists(article: Article, others: Article[]): Set<string> {
  const counts = new Map<string, number>();
  for (const gram of grams(articleTexts(article).join('|'), 3)) {
    if ([...gram].every((c) => HAN.test(c))) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  const elsewhere = new Set(grams(others.flatMap(articleTexts).join('|'), 3));
  return new Set([...counts].filter(([g, n]) => n >= PROTAGONIST_MIN_MENTIONS && !elsewhere.has(g)).map(([g]) => g));
}

/** Four-character phrases of the headline and first paragraph: what the article says it is about. */
function identity(article: Article): Set<string> {
  const first = article.body.find((u) => u.kind === 'para');
  const h = article.headline;
  return new Set(grams([h?.kicker, h?.title, h?.subtitle, first?.text].filter(Boolean).join('|'), 4));
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
    const names = protagonists(next, articles.filter((a) => a !== next && a !== previous));
    const mentions = (unit: Unit) => grams(unit.text, 3).filter((g) => names.has(g));

    const firstParaIndex = previous.body.findIndex((u) => u.kind === 'para');
    const run: Unit[] = [];
    for (let i = previous.body.length - 1; i > firstParaIndex; i -= 1) {
      const unit = previous.body[i];
      if (unit.kind === 'caption') continue;
      if (unit.kind !== 'para') break;
      if (mentions(unit).length === 0 && !duplicatedInNext.has(normalizeForCompare(unit.text))) break;
      run.unshift(unit);
    }
    if (run.length === 0) continue;

    const used = new Set(run.flatMap(mentions));
    const rest = previous.body.filter((u) => !run.includes(u));
    const restGrams = new Set(grams([previous.headline?.title ?? '', ...rest.map((u) => u.text)].join('|'), 3));
    const hasDuplicateEvidence = run.some((u) => duplicatedInNext.has(normalizeForCompare(u.text)));
    // A name A itself also uses is a shared subject, not a sign of drift.
    if ([...used].some((name) => restGrams.has(name)) && !hasDuplicateEvidence) continue;
    const ownId = identity(previous);
    if (run.some((u) => grams(u.text, 4).some((g) => ownId.has(g)))) {
      for (const unit of run) {
        warnings.push({
          line: unit.line,
          message: `这一段可能属于下一篇《${next.headline.title}》（标题错位），但它也呼应本篇标题或导语，未移动，请核对`,
          excerpt: excerpt(unit.text),
        });
      }
      continue;
    }

    previous.body = rest;
    const insertAt = next.body.findIndex((u) => u.kind === 'para' && matchByline(u.text));
    next.body.splice(insertAt >= 0 ? insertAt + 1 : 0, 0, ...run);
    allMoved.push(...run);
    for (const unit of run) {
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
