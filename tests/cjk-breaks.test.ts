import { describe, expect, it } from 'vitest';
import { addQuoteBreaks, quoteBreaksInText } from '../src/lib/cjk-breaks.ts';

describe('quoteBreaksInText', () => {
  it('lets a line break before an opening and after a closing curly quote between Han characters', () => {
    expect(quoteBreaksInText('会“2×4”团队')).toBe('会<wbr>“2×4”<wbr>团队');
    expect(quoteBreaksInText('打造“劳模工匠之家”为目标')).toBe('打造<wbr>“劳模工匠之家”<wbr>为目标');
  });

  it('allows the break after closing punctuation and between two quotations', () => {
    expect(quoteBreaksInText('时期，“2×4”')).toBe('时期，<wbr>“2×4”');
    expect(quoteBreaksInText('“疫情防控”“戴口罩”')).toBe('“疫情防控”<wbr>“戴口罩”');
  });

  it('never puts closing punctuation at a line start or opening punctuation at a line end', () => {
    expect(quoteBreaksInText('“发光发热”。')).toBe('“发光发热”。');
    expect(quoteBreaksInText('（“共享社”）')).toBe('（“共享社”）');
    expect(quoteBreaksInText('“红马甲”（志愿者）')).toBe('“红马甲”<wbr>（志愿者）');
  });

  it('leaves Western quotes and apostrophes alone', () => {
    expect(quoteBreaksInText('say “hello” don’t')).toBe('say “hello” don’t');
  });

  it('keeps the text itself unchanged', () => {
    const text = '在疫情防控的最关键时期，“2×4”团队开展“疫情防控劳模先行”、“戴口罩、强防疫”劳模志愿者在行动活动6场次';
    expect(quoteBreaksInText(text).replaceAll('<wbr>', '')).toBe(text);
  });
});

describe('addQuoteBreaks', () => {
  it('works on text between tags and leaves attributes and code alone', () => {
    expect(addQuoteBreaks('<p title="会“2”团">会“2”团<code>会“b”团</code>会“2”团</p>')).toBe(
      '<p title="会“2”团">会<wbr>“2”<wbr>团<code>会“b”团</code>会<wbr>“2”<wbr>团</p>',
    );
  });
});
