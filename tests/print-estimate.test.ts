/**
 * `npm run check` reports an issue too long for one A3 sheet, from an estimate by character counts that errs on
 * the long side (the PDF step measures; tests/site/pdf.test.ts holds the measured side).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyBlocks, estimateA3Sheet, type IssueTextArticle } from '../src/lib/print-estimate.ts';

const root = join(import.meta.dirname, '..');
const paragraph = (chars: number) => '劳'.repeat(chars);
const article = (paragraphs: number, chars = 120): IssueTextArticle => ({
  title: '劳模工匠志愿服务进企业',
  byline: '某某市劳模协会',
  body: Array.from({ length: paragraphs }, () => paragraph(chars)).join('\n\n'),
});

describe('bodyBlocks', () => {
  it('counts paragraphs, subheads and photos; a caption waiting for its photo is not printed', () => {
    const body = 'import photo from "./images/a.jpg";\n\n第一段。\n\n## 小标题\n\n第二段，**加粗**和[链接](https://example.org)。\n\n<Figure caption="等待配图。" awaitingPhoto />\n\n<Figure src={photo} caption="有照片。" />\n';
    expect(bodyBlocks(body)).toEqual({ paragraphs: ['第一段。', '第二段，加粗和链接。'], subheads: ['小标题'], photos: 1 });
  });
});

describe('estimateA3Sheet', () => {
  it('finds today’s length of issue (about 4,000 characters) fits one sheet at 六号', () => {
    const estimate = estimateA3Sheet({ title: '专版', articles: [article(8), article(8), article(8), article(8)] });
    expect(estimate.chars).toBe(3840);
    expect(estimate.overflow).toBe(0);
    expect(estimate.heightMm).toBeLessThan(estimate.availableMm);
  });

  it('reports an issue of 12,000 characters as overflowing, by how much', () => {
    const estimate = estimateA3Sheet({ title: '专版', articles: [article(50), article(50)] });
    expect(estimate.overflow).toBeGreaterThan(0.2);
    expect(estimate.heightMm).toBeCloseTo(estimate.availableMm * (1 + estimate.overflow), 6);
  });

  it('grows with the text, and counts short paragraphs as whole lines', () => {
    const few = estimateA3Sheet({ title: '专版', articles: [article(10, 130)] });
    const many = estimateA3Sheet({ title: '专版', articles: [article(130, 10)] });
    expect(few.chars).toBe(many.chars);
    expect(many.heightMm).toBeGreaterThan(few.heightMm);
  });
});

describe('npm run check on an issue too long for one A3 sheet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laomo-long-issue-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('warns in Chinese, naming the issue and the estimated overflow, and still passes', () => {
    cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
    cpSync(join(root, 'src/pages'), join(dir, 'src/pages'), { recursive: true });
    // One very long article (the 温州 articles four times over) in an issue of its own.
    const source = readFileSync(join(root, 'content/cases/pingyang-2x4-zuzhi-jiagou.mdx'), 'utf8');
    const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
    const long = `---\n${frontmatter!.replace(/^title: .*$/m, 'title: "一篇很长的文章"')}\n---\n${Array.from({ length: 12 }, () => body).join('\n')}`;
    writeFileSync(join(dir, 'content/cases/hen-chang-de-wenzhang.mdx'), long);
    writeFileSync(join(dir, 'content/issues/hen-chang-de-zhuanban.yaml'), readFileSync(join(root, 'content/issues/laomo-xiehui-jiaoliu-wenzhou.yaml'), 'utf8')
      .replace(/^number: .*\n/m, '').replace(/^title: .*$/m, 'title: "很长的专版"').replace(/^cases:\n(  - .*\n)+/m, 'cases:\n  - "hen-chang-de-wenzhang"\n').replace(/^  part: .*$/m, '  part: "长篇"'));
    const result = spawnSync(process.execPath, [join(root, 'scripts/check.ts'), '--root', dir, '--all'], { encoding: 'utf8' });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    const line = output.split('\n').find((text) => text.includes('hen-chang-de-zhuanban.yaml'));
    expect(line).toMatch(/专版 hen-chang-de-zhuanban 可能排不进一张 A3：按字数估计（正文约 \d+ 字），即使正文用最小字号六号（7\.5 磅），也超出一版约 \d+%/);
    expect(output).toContain('npm run pdf 会在浏览器中实测');
  });
});
