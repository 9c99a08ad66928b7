import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figureFromBlock, figurePattern, figureToBlock, notePattern, noteToBlock } from '../src/lib/cms/body-components.ts';
import { loadDeskConfig } from '../src/lib/cms/desk-config.ts';
import { loadDesk, openAndSave, type DeskCollection } from '../scripts/lib/decap-roundtrip.ts';

const config = loadDeskConfig(process.cwd(), {}) as { collections: DeskCollection[] };
const cases = config.collections.find((item) => item.name === 'cases')!;
const issues = config.collections.find((item) => item.name === 'issues')!;
const files = (dir: string, extension: string) => readdirSync(dir).filter((name) => name.endsWith(extension)).sort().map((name) => `${dir}/${name}`);

describe('opening and saving through the desk changes nothing (Decap’s own serializers)', () => {
  it('finds the 21 cases and 5 issues', () => {
    expect(files('content/cases', '.mdx')).toHaveLength(21);
    expect(files('content/issues', '.yaml')).toHaveLength(5);
  });

  it.each(files('content/cases', '.mdx'))('%s', async (file) => {
    const text = readFileSync(file, 'utf8');
    expect(await openAndSave(text, cases), `${file} 不是编辑台保存的格式：运行 npm run desk:normalise`).toBe(text);
  });

  it.each(files('content/issues', '.yaml'))('%s', async (file) => {
    const text = readFileSync(file, 'utf8');
    expect(await openAndSave(text, issues), `${file} 不是编辑台保存的格式：运行 npm run desk:normalise`).toBe(text);
  });
});

describe('photos and notes in the body', () => {
  const body = [
    '## 小标题',
    '',
    '<Figure src="./images/qidong-yishi.jpg" caption="启动仪式现场，“红五月”活动。" />',
    '',
    '正文一段。',
    '',
    '<Figure src="./images/a.jpg" alt="两位劳模在车间" caption="说明里有 &quot;直引号&quot;。" />',
    '',
    '<Figure caption="只有说明，照片待补。" awaitingPhoto />',
    '',
    '{/* 原版此句在分栏处中断，照原样保留。 */}',
  ].join('\n');
  const file = `---\ntitle: 标题\n---\n${body}\n`;

  it('keeps figures with and without a photo, and notes, through the rich-text editor', async () => {
    expect(await openAndSave(file, cases)).toBe(file);
  });

  it('the editor sees the photo, caption and note as fields', async () => {
    const desk = await loadDesk();
    const slate = JSON.stringify(desk.markdownToSlate(body));
    expect(slate).toContain('"shortcode":"figure"');
    expect(slate).toContain('"src":"./images/qidong-yishi.jpg"');
    expect(slate).toContain('"caption":"说明里有 \\"直引号\\"。"');
    expect(slate).toContain('"shortcode":"note"');
  });

  it('writes exactly the site’s figure syntax', () => {
    expect(figureToBlock({ src: './images/x.jpg', caption: '说明。', alt: '' })).toBe('<Figure src="./images/x.jpg" caption="说明。" />');
    expect(figureToBlock({ src: '', caption: '说明。' })).toBe('<Figure caption="说明。" awaitingPhoto />');
    expect(figureToBlock({ src: 'images/x.jpg', caption: '说明。' })).toBe('<Figure src="./images/x.jpg" caption="说明。" />');
    expect(figureToBlock({ src: './images/x.jpg', caption: '两行\n说明' })).toBe('<Figure src="./images/x.jpg" caption="两行 说明" />');
    const match = '<Figure caption="a &quot;b&quot;" awaitingPhoto />'.match(figurePattern)!;
    expect(figureFromBlock(match)).toEqual({ src: '', caption: 'a "b"', alt: '' });
    expect('<Figure src={img} caption="x" />').not.toMatch(figurePattern);
    expect(noteToBlock({ note: '不能 */ 提前结束' })).toBe('{/* 不能 *／ 提前结束 */}');
    expect(noteToBlock({ note: '不能 */ 提前结束' })).toMatch(notePattern);
  });
});
