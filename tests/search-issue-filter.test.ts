import { describe, expect, it } from 'vitest';
import { issueFilterAttribute, issueFilterLabels } from '../src/lib/search/issue-filter.ts';
import { articleHtml, generateCorpus } from '../scripts/search/corpus.ts';

describe('the 专版 search filter', () => {
  it('is keyed by id, so two issues with the same title stay two choices, told apart by part or date', () => {
    expect(issueFilterAttribute('laomo-2022-01')).toBe('issue:laomo-2022-01');
    const labels = issueFilterLabels([
      { id: 'a', title: '劳模风采', date: new Date('2022-01-01'), datePrecision: 'month' },
      { id: 'b', title: '劳模风采', date: new Date('2022-03-01'), datePrecision: 'month' },
      { id: 'c', title: '工匠之家', date: new Date('2022-01-01') },
      { id: 'd', title: '志愿服务', part: '之一', date: new Date('2022-01-01') },
      { id: 'e', title: '志愿服务', part: '之一', date: new Date('2022-02-01') },
    ]);
    expect(labels).toEqual({
      a: '《劳模风采》（2022年1月）',
      b: '《劳模风采》（2022年3月）',
      c: '《工匠之家》',
      d: '《志愿服务》（之一，d）',
      e: '《志愿服务》（之一，e）',
    });
  });

  it('is keyed the same way in the search benchmark’s corpus (scripts/search/corpus.ts)', () => {
    const article = generateCorpus(20).find((item) => item.issue)!;
    const html = articleHtml(article);
    expect(html).toContain(`data-pagefind-filter="${issueFilterAttribute(article.issue!.id)}"`);
    expect(html).toContain(`《${article.issue!.title}》`);
    expect(html).not.toContain('data-pagefind-filter="issue"');
  });
});
