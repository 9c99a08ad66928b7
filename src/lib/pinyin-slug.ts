import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * Reviewed readings for place names that pinyin-pro gets wrong on its own (乐清 is yuè qīng, not lè qīng).
 * Keys are matched as whole words before the dictionary, so add the shortest name that fixes the reading.
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
