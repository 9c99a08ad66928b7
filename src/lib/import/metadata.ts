/** Facts about an article that the importer can only guess: organisation, byline, year, odd characters. */
import type { Article } from './types.ts';
import { matchByline } from './text-shape.ts';

const ORG_SUFFIX = '(?:劳模工匠协会|劳动模范协会|劳模协会|总工会|工会|集团)';
/** At the start of a headline line: `杭州临安区总工会做好…`, `安吉工会持续…`, `浙能集团劳模…`. */
const ORG_AT_START = new RegExp(`^[\\u4e00-\\u9fff]{1,8}?${ORG_SUFFIX}`);
/**
 * In running text, with a place name of two characters plus 市/县/区 (Zhejiang's cities and counties),
 * possibly two levels: `衢州市总工会`, `杭州市临安区总工会`, `文成县总工会`.
 */
const ORG_IN_TEXT = /((?:[\u4e00-\u9fff]{2}(?:市|县|区)){1,2}[\u4e00-\u9fff]{0,5}?(?:劳模工匠协会|劳动模范协会|劳模协会|总工会))/;

export function guessOrganisation(article: Article): string {
  if (article.headline?.organisation) return article.headline.organisation;
  const headlineLines = [article.headline?.subtitle, article.headline?.title, article.headline?.kicker].filter(
    (line): line is string => Boolean(line),
  );
  for (const line of headlineLines) {
    const m = ORG_AT_START.exec(line);
    if (m) return m[0];
  }
  for (const unit of article.body) {
    if (unit.kind !== 'para') continue;
    const byline = matchByline(unit.text);
    const text = byline ? unit.text.slice(byline.prefix.length) : unit.text;
    const m = ORG_IN_TEXT.exec(text);
    if (m) return m[1];
  }
  return '';
}

export function bylineOf(article: Article): string | undefined {
  const first = article.body.find((u) => u.kind === 'para');
  return first ? matchByline(first.text)?.byline : undefined;
}

/** Latest year 20xx printed as a year (`2022年`) anywhere in the texts. */
export function latestYear(texts: string[]): number | undefined {
  let latest: number | undefined;
  for (const text of texts) {
    for (const m of text.matchAll(/(?<!\d)(20\d{2})(?=\s*年)/g)) {
      const year = Number(m[1]);
      if (latest === undefined || year > latest) latest = year;
    }
  }
  return latest;
}

/**
 * Traditional-only characters that turn up in simplified newspaper text by input-method accident
 * (`和諧`). Only flagged: the editor decides.
 */
const TRADITIONAL =
  '諧們個這來時對會學國發動團業區縣義實為與關開過長東門問間見車書話說讀請從體氣電後進勞員傳務幫產製術藝術經濟職導榮獎賽權護醫療戰鬥環變現點線條擊憶廣場歡慶觀覽聯絡愛屬優質頭買賣寫錄維機構網絡調創設';

export function findTraditionalCharacters(text: string): string[] {
  return [...new Set([...text].filter((c) => TRADITIONAL.includes(c)))];
}
