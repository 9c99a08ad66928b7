/**
 * The query set of the search-quality harness. Fixed queries are real phrases readers would type
 * (names, places, units, activities; from the five source pages); `expect` says what a good answer
 * has, checked against the content, never a count. Derived queries come from the content itself:
 * every headline, every organisation, and short strings that start inside a longer word.
 */
import type { TruthPage } from './truth.ts';

export interface QualityQuery {
  q: string;
  /** For a query in traditional characters: the simplified text the ground truth looks for. */
  simplified?: string;
  /** Why it is in the set. */
  kind: 'name' | 'place' | 'phrase' | 'symbol' | 'inside-word' | 'traditional' | 'headline' | 'two-terms' | 'single-char';
}

export const fixedQueries: QualityQuery[] = [
  { q: '董振方', kind: 'name' },
  { q: '马长林', kind: 'name' },
  { q: '赵巧巧', kind: 'name' },
  { q: '陈立平', kind: 'name' },
  { q: '葛小青', kind: 'name' },
  { q: '平阳县', kind: 'place' },
  { q: '洞头', kind: 'place' },
  { q: '临安区', kind: 'place' },
  { q: '德清县', kind: 'place' },
  { q: '衢州', kind: 'place' },
  { q: '技术服务队', kind: 'phrase' },
  { q: '匠心卡', kind: 'phrase' },
  { q: '劳模工匠志愿服务月', kind: 'phrase' },
  { q: '共享社·幸福里', kind: 'phrase' },
  { q: '守好红色根脉', kind: 'phrase' },
  { q: '926工匠日', kind: 'phrase' },
  { q: '金牌技术服务队', kind: 'phrase' },
  { q: '线上运动会', kind: 'phrase' },
  { q: '2×4', kind: 'symbol' },
  { q: '228', kind: 'inside-word' },
  { q: '服务队', kind: 'inside-word' },
  { q: '工匠日', kind: 'inside-word' },
  { q: '勞模', simplified: '劳模', kind: 'traditional' },
  { q: '技術服務隊', simplified: '技术服务队', kind: 'traditional' },
  { q: '平陽縣', simplified: '平阳县', kind: 'traditional' },
  { q: '董振方 焊接', kind: 'two-terms' },
  { q: '湖州 创新工作室', kind: 'two-terms' },
  { q: '劳', kind: 'single-char' },
];

/** Headlines (the page whose headline it is must come first) and organisations of the content. */
export function derivedQueries(pages: TruthPage[]): QualityQuery[] {
  const seen = new Set(fixedQueries.map((query) => query.q));
  const queries: QualityQuery[] = [];
  for (const page of pages) {
    // The headline as printed (quotes and all): the harness ignores punctuation on both sides.
    const headline = page.title;
    if (headline.length >= 2 && !seen.has(headline)) {
      seen.add(headline);
      queries.push({ q: headline, kind: 'headline' });
    }
  }
  return queries;
}

export const allQueries = (pages: TruthPage[]) => [...fixedQueries, ...derivedQueries(pages)];
