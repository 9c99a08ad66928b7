import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proveNothingLost } from '../src/lib/import/accounting.ts';
import { decodeInput } from '../src/lib/import/decode.ts';
import { importPage } from '../src/lib/import/pipeline.ts';

const pagesDir = new URL('../content/sources/', import.meta.url);
const pageFiles = readdirSync(pagesDir).filter((f) => f.endsWith('.txt')).sort();

function importFile(name: string) {
  const decoded = decodeInput(readFileSync(new URL(name, pagesDir)));
  if (!decoded.ok) throw new Error(decoded.message);
  return { text: decoded.text, ...importPage(decoded.text, decoded.encoding, { fileName: name }) };
}

describe('proveNothingLost on the five real pages', () => {
  it('finds all five pages', () => expect(pageFiles).toHaveLength(5));

  for (const name of pageFiles) {
    it(`accounts for every character of ${name}`, () => {
      const { text, files, report } = importFile(name);
      const proof = proveNothingLost(text, files, report);
      expect(proof.missing).toEqual([]);
      expect(proof.orderProblems).toEqual([]);
      expect(proof.ok).toBe(true);
    });
  }
});

describe('proveNothingLost catches losses', () => {
  const { text, files, report } = importFile('004_54fb161613d80c24.txt');
  const zhao = files.findIndex((f) => f.content.includes('隔离点的24小时'));

  it('fails when one character is dropped from an output', () => {
    const damaged = files.map((f, i) => (i === zhao ? { ...f, content: f.content.replace('任劳任怨', '任劳任') } : f));
    const proof = proveNothingLost(text, damaged, report);
    expect(proof.ok).toBe(false);
    expect(proof.missing).toEqual([{ char: '怨', count: 1 }]);
  });

  it('fails when a removed duplicate is not listed in the report', () => {
    const proof = proveNothingLost(text, files, { ...report, removals: report.removals.filter((r) => r.kind !== 'duplicate') });
    expect(proof.ok).toBe(false);
    expect(proof.missing.length).toBeGreaterThan(0);
  });

  it('fails when text inside a paragraph is reordered', () => {
    const damaged = files.map((f, i) =>
      i === zhao ? { ...f, content: f.content.replace('勤勤恳恳，任劳任怨', '任劳任怨，勤勤恳恳') } : f,
    );
    const proof = proveNothingLost(text, damaged, report);
    expect(proof.missing).toEqual([]);
    expect(proof.ok).toBe(false);
    expect(proof.orderProblems[0].problem).toMatch(/不相连/);
  });

  it('fails when paragraphs of an article are swapped', () => {
    const damaged = files.map((f) => {
      if (!f.path.startsWith('cases/wu-xing')) return f;
      const [front, rest] = f.content.split('\n---\n');
      const paras = rest.trim().split('\n\n');
      [paras[1], paras[2]] = [paras[2], paras[1]];
      return { ...f, content: `${front}\n---\n\n${paras.join('\n\n')}\n` };
    });
    const proof = proveNothingLost(text, damaged, report);
    expect(proof.ok).toBe(false);
    expect(proof.orderProblems.some((p) => /顺序/.test(p.problem))).toBe(true);
  });
});
