import { pinyin } from 'pinyin-pro';

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
 * A key applies only where a word starts (Intl.Segmenter): 乐清市 is yue-qing-shi, but 快乐清单 stays
 * kuai-le-qing-dan, because there 乐 belongs to the word 快乐.
 */
export const reviewedReadings: Record<string, string> = {
  乐清: 'yue qing',
  莲都: 'lian du',
};

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const reviewedKeys = Object.keys(reviewedReadings).sort((a, b) => b.length - a.length);

/** Syllables of a text, with reviewed readings applied to keys that start a word. */
function syllablesOf(text: string): string[] {
  const wordStarts = new Set([...wordSegmenter.segment(text)].map((segment) => segment.index));
  const syllables: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) syllables.push(...pinyin(pending, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }));
    pending = '';
  };
  for (let at = 0; at < text.length; ) {
    const key = wordStarts.has(at) ? reviewedKeys.find((candidate) => text.startsWith(candidate, at)) : undefined;
    if (key) {
      flush();
      syllables.push(...reviewedReadings[key].split(' '));
      at += key.length;
    } else {
      pending += text[at];
      at += 1;
    }
  }
  flush();
  return syllables;
}

export interface SlugOptions {
  /** Put between syllables: '' for place names (`yueqing`), '-' for readable ids (`zu-zhi-jia-gou`). */
  separator?: string;
  /** Cut the slug after this many syllables. */
  maxSyllables?: number;
}

/** Lower-case ASCII slug of a Chinese text: pinyin without tones, digits and Latin letters kept. */
export function toPinyinSlug(text: string, { separator = '', maxSyllables }: SlugOptions = {}): string {
  const syllables = syllablesOf(text)
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
  const kept = maxSyllables ? syllables.slice(0, maxSyllables) : syllables;
  return kept.join(separator);
}
