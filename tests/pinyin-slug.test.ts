import { describe, expect, it } from 'vitest';
import { toPinyinSlug } from '../src/lib/pinyin-slug.ts';

describe('toPinyinSlug', () => {
  it('uses the reviewed readings of place names', () => {
    expect(toPinyinSlug('乐清')).toBe('yueqing');
    expect(toPinyinSlug('莲都区')).toBe('lianduqu');
    expect(toPinyinSlug('乐清市总工会', { separator: '-' })).toBe('yue-qing-shi-zong-gong-hui');
    expect(toPinyinSlug('浙江乐清工匠', { separator: '-' })).toBe('zhe-jiang-yue-qing-gong-jiang');
  });

  it('leaves the same characters alone inside another word', () => {
    expect(toPinyinSlug('快乐清单', { separator: '-' })).toBe('kuai-le-qing-dan');
    expect(toPinyinSlug('欢乐清晨', { separator: '-' })).toBe('huan-le-qing-chen');
  });

  it('keeps digits and Latin letters and cuts at maxSyllables', () => {
    expect(toPinyinSlug('“2×4”组织架构充分发挥劳模专长', { separator: '-', maxSyllables: 6 })).toBe('2-4-zu-zhi-jia-gou');
    expect(toPinyinSlug('AI跳绳')).toBe('aitiaosheng');
  });
});
