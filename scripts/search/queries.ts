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

/**
 * Near misses: what readers type when they half remember the printed words. Exact search rightly finds
 * nothing (the query is not in any page) and is not scored on them; instead the intended page must come
 * first in the labelled second list (pages containing part of the query). `intended` is text the
 * intended pages print (whitespace-separated parts must all occur, as in `pagesContaining`).
 */
export interface NearMissQuery {
  q: string;
  intended: string;
  /** What makes it a near miss. */
  why: string;
}

export const nearMissQueries: NearMissQuery[] = [
  { q: '湖州劳模协会', intended: '湖州市劳动模范协会', why: '简称：湖州→湖州市，劳模→劳动模范' },
  { q: '平阳劳模协会', intended: '平阳县劳模协会', why: '简称：平阳→平阳县' },
  { q: '劳模志愿服务月', intended: '劳模工匠志愿服务月', why: '漏字' },
  { q: '2x4', intended: '2×4', why: '字母 x 代替乘号 ×' },
  { q: '董振芳', intended: '董振方', why: '同音错字' },
  { q: '开尔新材料公司', intended: '开尔新材料有限公司', why: '单位名称不全' },
  { q: '诸暨技能大赛', intended: '诸暨 技能大赛', why: '词语在文中分开' },
  { q: '杭州劳模工匠协会', intended: '杭州市劳模工匠协会', why: '简称：杭州→杭州市' },
];
