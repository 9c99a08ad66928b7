/** Generated files are valid: YAML parses to the intended strings, MDX compiles and keeps the text. */
import { compile } from '@mdx-js/mdx';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeInput } from '../src/lib/import/decode.ts';
import { importPage } from '../src/lib/import/pipeline.ts';
import { escapeMdxText, renderCaseMdx, renderFigure, unescapeMdxText, yamlString } from '../src/lib/import/render.ts';

describe('YAML and MDX escaping', () => {
  it('quotes strings with “”, ：, #, colons and quotes safely', () => {
    for (const value of ['平阳县劳模协会: “2×4”', '# 不是注释', '他说："好"', 'a\\b', '- 列表', 'yes']) {
      expect(parse(`title: ${yamlString(value)}`)).toEqual({ title: value });
    }
  });

  it('keeps line breaks, tabs, control and separator characters inside one line of YAML', () => {
    for (const value of ['两\n行', '制表\t符', '响铃\u0007', '行分隔\u2028段分隔\u2029', 'NEL\u0085', '\uFEFF开头']) {
      const line = `title: ${yamlString(value)}`;
      expect(line).not.toContain('\n');
      expect(parse(line)).toEqual({ title: value });
    }
  });

  it('escapes MDX-special characters and block starts, as character references where the desk would drop a backslash', () => {
    expect(escapeMdxText('{a} <b> 1<2')).toBe('&#123;a&#125; &lt;b&gt; 1&lt;2');
    expect(escapeMdxText('# 标题')).toBe('\\# 标题');
    expect(escapeMdxText('- 项')).toBe('\\- 项');
    expect(escapeMdxText('+ 项')).toBe('&#43; 项');
    expect(escapeMdxText('> 引')).toBe('&gt; 引');
    expect(escapeMdxText('1. 第一')).toBe('1&#46; 第一');
    expect(escapeMdxText('a_b *c* [d] \\ &lt;')).toBe('a&#95;b \\*c\\* \\[d] &#92; &amp;lt;');
    for (const text of ['{a} <b> 1<2', '# 标题', '1) 一', 'a_b *c* [d] \\ &lt; ~ | `x`', '&#92; &amp;']) expect(unescapeMdxText(escapeMdxText(text))).toBe(text);
    expect(renderFigure('他说"好"')).toBe('<Figure caption="他说&quot;好&quot;" awaitingPhoto />');
  });

  it('writes text the desk saves back unchanged (Decap’s own Markdown serializer)', async () => {
    const { openAndSave } = await import('../scripts/lib/decap-roundtrip.ts');
    const { deskCollections } = await import('../scripts/lib/desk-format.ts');
    const { cases } = deskCollections(process.cwd());
    const lines = ['{x} <y> *强* _调_ `码` [链](接) ~删~ a|b & 1<2 \\ &amp; &#92;', '# 不是标题', '- 不是列表', '+ 不是列表', '= 不是', '> 不是引用', '1. 不是列表', '12) 不是', '2万余条. 2021年', 'a_b_c ~~d~~'];
    const body = [...lines.map(escapeMdxText), renderFigure('他说"好" & {x} <y>')].join('\n\n');
    const file = `---\ntitle: t\n---\n${body}\n`;
    expect(await openAndSave(file, cases)).toBe(file);
  });

  it('renders frontmatter keys in the agreed order', () => {
    const mdx = renderCaseMdx({
      id: 'x', kicker: '引', title: '题', subtitle: '副', organisation: '', region: 'zhejiang', byline: '记者甲',
      sourceFile: 'f.txt', year: 2022, body: [],
    });
    const keys = mdx.split('---')[1].split('\n').filter((l) => /^\w+:/.test(l)).map((l) => l.split(':')[0]);
    expect(keys).toEqual(['kicker', 'title', 'subtitle', 'organisation', 'region', 'topics', 'byline', 'source', 'date', 'datePrecision', 'dateNote', 'draft']);
    expect(mdx).toContain('organisation: "" # TODO');
  });

  it('compiles text full of special characters back to the same text', async () => {
    const text = '{x} <y> *强* _调_ `码` [链](接) ~删~ a|b & 1<2';
    const mdx = renderCaseMdx({ id: 'x', title: 't', organisation: 'o', region: 'zhejiang', sourceFile: 'f', year: 2022,
      body: [{ kind: 'para', text, line: 1, mdLevel: 0, pieces: [text], lines: [1] }] });
    const code = String(await compile(mdx.split('\n---\n')[1]));
    expect(code).toContain(JSON.stringify(text).slice(1, -1));
  });
});

describe('outputs of the five real pages', () => {
  const dir = new URL('../content/sources/', import.meta.url);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    it(`${name}: frontmatter and issue parse as YAML, bodies compile as MDX`, async () => {
      const decoded = decodeInput(readFileSync(new URL(name, dir)));
      if (!decoded.ok) throw new Error(decoded.message);
      const { files } = importPage(decoded.text, decoded.encoding, { fileName: name });
      for (const file of files) {
        if (file.path.endsWith('.yaml')) {
          const data = parse(file.content);
          expect(data.title).toBeTruthy();
          expect(data.cases.length).toBeGreaterThan(0);
          expect(data.draft).toBe(true);
          continue;
        }
        const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file.content)!;
        const data = parse(front);
        expect(data.title).toBeTruthy();
        expect(data.source).toEqual({ publication: '劳模工匠专版', file: name });
        expect(data.datePrecision).toBe('year');
        await expect(compile(body)).resolves.toBeTruthy();
      }
    });
  }
});
