import { describe, expect, it } from 'vitest';
import { readerDateNote } from '../src/lib/date-note.ts';
import { defaultGapNote, gapMark } from '../src/lib/gap.ts';

describe('the gap mark (<Gap>)', () => {
  it('puts the note in full-width brackets', () => {
    expect(gapMark('原版此处文字不全')).toBe('（原版此处文字不全）');
    expect(gapMark('（原版此处字迹不清）')).toBe('（原版此处字迹不清）');
  });
  it('falls back to the default note', () => {
    expect(gapMark()).toBe(`（${defaultGapNote}）`);
    expect(gapMark('  ')).toBe('（原版此处文字不全）');
  });
});

describe('the date note for readers', () => {
  it('drops the editors’ to-do and keeps the explanation', () => {
    expect(readerDateNote('原版未印日期。编者按称2021年底征集案例，推断刊于2022年，待核实。')).toBe('原版未印日期。编者按称2021年底征集案例，推断刊于2022年。');
    expect(readerDateNote('推断刊于2023年（待核实）')).toBe('推断刊于2023年。');
  });
  it('leaves a note without a to-do as written', () => {
    const note = '原版未印日期。正文记述“1月10日下午”的事，推断刊于2022年1月。';
    expect(readerDateNote(note)).toBe(note);
  });
  it('shows nothing for an empty note', () => {
    expect(readerDateNote(undefined)).toBeUndefined();
    expect(readerDateNote('待核实。')).toBeUndefined();
  });
});
