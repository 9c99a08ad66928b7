import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * Reviewed readings for place names that pinyin-pro gets wrong on its own (乐清 is yuè qīng, not lè qīng).
 * Keys are matched as whole words before the dictionary, so add the shortest name that fixes the reading.
 *
 * Review of the 102 Zhejiang divisions in content/regions.json (pinyin-pro 3.29.4, short names, against the
 * official romanisation): only the two below were read wrongly (lèqīng, liándōu). The other names with a
 * polyphonic character come out right on their own — 长兴 changxing, 淳安 chunan, 洞头 dongtou, 苍南 cangnan,
 * 龙港 longgang, 南湖 nanhu, 南浔 nanxun, 云和 yunhe, 景宁 jingning — as do the rare characters (嵊州 shengzhou,
 * 嵊泗 shengsi, 鄞州 yinzhou, 北仑 beilun, 瓯海 ouhai, 诸暨 zhuji, 拱墅 gongshu, 婺城 wucheng, 衢州 quzhou,
 * 岱山 daishan, 缙云 jinyun, 磐安 panan). They are deliberately not pinned here: a key applies inside any text,
 * and 长兴 would turn 增长兴旺 into zēng cháng. `scripts/regions.ts` fails if a future pinyin-pro reads any of
 * them differently from the committed ids; add the name here then.
 * Known side effect of a key: it also applies across a word boundary (快乐清单 → kuai-yue-qing-dan).
 */
export const reviewedReadings: Record<string, string> = {
  乐清: 'yue qing',
  莲都: 'lian du',
};

let readingsInstalled = false;
function installReviewedReadings(): void {
  if (readingsInstalled) return;
  customPinyin(reviewedReadings);
  readingsInstalled = true;
}

export interface SlugOptions {
  /** Put between syllables: '' for place names (`yueqing`), '-' for readable ids (`zu-zhi-jia-gou`). */
  separator?: string;
  /** Cut the slug after this many syllables. */
  maxSyllables?: number;
}

/** Lower-case ASCII slug of a Chinese text: pinyin without tones, digits and Latin letters kept. */
export function toPinyinSlug(text: string, { separator = '', maxSyllables }: SlugOptions = {}): string {
  installReviewedReadings();
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
  const kept = maxSyllables ? syllables.slice(0, maxSyllables) : syllables;
  return kept.join(separator);
}
