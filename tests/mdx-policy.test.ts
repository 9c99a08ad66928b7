import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkMdxTree, type PolicyNode } from '../src/lib/mdx-policy/check-tree.ts';
import { bareIdentifier, imageImports, isCommentOnly, stringLiteral } from '../src/lib/mdx-policy/javascript.ts';
import { mdxPolicyPlugin, MdxPolicyError, remarkMdxPolicy } from '../src/lib/mdx-policy/satteri-plugin.ts';
import { compile as compileWithRemark } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { isAllowedUrl, isImagePath, normalizeUrl } from '../src/lib/mdx-policy/urls.ts';
import { isKnownUpstreamWarning, filterKnownWarnings } from '../src/lib/build-warnings.ts';
import { renderFigure } from '../src/lib/import/render.ts';
import { marker, refused } from './fixtures/mdx-refused.ts';

const root = resolve(import.meta.dirname, '..');
const features = { smartPunctuation: false, gfm: { footnotes: { label: '注释', backLabel: '返回正文' } } };
const violations = (body: string) => checkMdxTree(mdxToMdast(body, { features }) as PolicyNode);

/** The build's compile, with the plugin as astro.config.mjs wires it, for a file at content/cases/a.mdx. */
async function compile(body: string, { file = 'content/cases/a.mdx', frontmatter = {} as Record<string, unknown> } = {}) {
  return mdxToJs(body, {
    features,
    jsxImportSource: 'astro',
    fileURL: pathToFileURL(join(root, file)),
    mdastPlugins: [mdxPolicyPlugin({ trustedDirs: [join(root, 'src')], root })],
    data: { astro: { frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } },
  });
}


describe('MDX allow-list', () => {
  it.each(refused)('refuses %s', (_name, body, line) => {
    const found = violations(body);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.line).toBe(line);
    expect(found[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(found[0]!.hint).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts what editors write: prose, links, footnotes, tables, a photo by path or import, comments and plain tags', () => {
    const body = [
      "import photo from './images/photo.jpg';",
      "import detail from './images/2023/detail.webp';",
      '',
      '## 小标题',
      '',
      '正文[^1]，见[协会网站](https://example.com/a?b=1#c)、[本站](/cases/x/)、[上文](#小标题)、[相对](../x/)、[邮件](mailto:a@example.com)、[电话](tel:+86-571-1234)。',
      '',
      '<Figure src={photo} caption="志愿服务活动。" alt="志愿者合影" />',
      '',
      '<Figure src="./images/2023/desk-upload.jpg" caption="编辑台上传的照片。" />',
      '',
      '<Figure caption="等待配图。" awaitingPhoto />',
      '',
      '<Figure caption={"含\\"直引号\\"和{花括号}的说明。"} awaitingPhoto />',
      '',
      '{/* 原版此句在分栏处中断 */}',
      '',
      '……做了积极的探索和努<Gap note="原版此处文字不全" />',
      '',
      '<Gap note={"原版此处文字不全"} />',
      '',
      '第一行<br />第二行，H<sub>2</sub>O，10<sup>3</sup>，<strong>重点</strong>，<a href="https://example.com/" title="说明">链接</a>。',
      '',
      '![现场照片](./images/photo.jpg)',
      '',
      '| 栏目 | 说明 |',
      '| --- | --- |',
      '| 甲 | 乙 |',
      '',
      '[^1]: 注释。',
      '',
      '[定义]: https://example.com/',
    ].join('\n');
    expect(violations(body)).toEqual([]);
  });

  it('accepts the captions npm run import writes, quotes, braces and angle brackets included', () => {
    for (const caption of ['普通说明。', '含"直引号"的说明', '含{花括号}和<尖括号>的说明\\']) {
      expect(violations(renderFigure(caption))).toEqual([]);
    }
  });

  it('accepts every published case and the about page', () => {
    const dir = join(root, 'content/cases');
    const files = readdirSync(dir).filter((name) => name.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(20);
    for (const name of [...files.map((file) => join(dir, file)), join(root, 'src/pages/about.mdx')]) {
      const body = readFileSync(name, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (frontmatter) => frontmatter.replace(/[^\n]/g, ''));
      expect({ name, found: violations(body) }).toEqual({ name, found: [] });
    }
  });

  it('refuses a frontmatter layout, which the compiler would import', () => {
    const found = checkMdxTree(mdxToMdast('正文。', { features }) as PolicyNode, { frontmatter: { layout: '../../src/x.astro' }, frontmatterLine: () => 4 });
    expect(found).toMatchObject([{ line: 4, field: 'layout（版式）' }]);
  });
});

describe('URLs as a browser reads them', () => {
  it('decodes character references and drops controls and whitespace the URL parser drops', () => {
    expect(normalizeUrl(' &#106;ava&#x09;script&colon;alert(1)\n')).toBe('javascript:alert(1)');
    expect(normalizeUrl('&amp;#106;avascript:x')).toBe('javascript:x');
    expect(normalizeUrl('\u0001https://example.com/ ')).toBe('https://example.com/');
  });

  it('allows only http(s), mailto, tel and site-relative forms', () => {
    for (const url of ['https://example.com/', 'HTTP://example.com', 'mailto:a@b.cn', 'tel:123', '/cases/', './a', '../b/', '#注释', ' https://example.com/']) {
      expect([url, isAllowedUrl(url)]).toEqual([url, true]);
    }
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//evil.example', '/\\evil.example', 'https:evil', 'www.example.com', 'x.html', '', '\u00a0javascript:x', '&#x6a;avascript:x', 'java\u0000script:x']) {
      expect([url, isAllowedUrl(url)]).toEqual([url, false]);
    }
  });

  it('takes image paths only from ./images/, without traversal, queries or escapes', () => {
    expect(isImagePath('./images/a.jpg')).toBe(true);
    expect(isImagePath('./images/2023/a.JPEG')).toBe(true);
    expect(isImagePath('./images/照片 1.jpg')).toBe(true);
    for (const path of ['./images/../a.jpg', './images/./a.jpg', './images//a.jpg', './images/a.jpg?raw', './images/a.jpg#x', './images/%2e%2e/a.jpg', './images/a.svg', '../images/a.jpg', 'images/a.jpg', './images/a\\..\\b.jpg']) {
      expect([path, isImagePath(path)]).toEqual([path, false]);
    }
  });
});

describe('JavaScript, parsed', () => {
  it('counts a {…} as a comment only when the parsed program is empty', () => {
    expect(isCommentOnly('/* 注释 */')).toBe(true);
    expect(isCommentOnly('/* a */ // b\n')).toBe(true);
    expect(isCommentOnly(`/* 注释 */ ${marker} /* 完 */`)).toBe(false);
    expect(isCommentOnly('/* a */;')).toBe(false);
    expect(isCommentOnly('<!-- a -->')).toBe(false);
    expect(isCommentOnly('#!/bin/sh\n')).toBe(false);
    expect(isCommentOnly('/* unterminated')).toBe(false);
    expect(isCommentOnly('// a\u2028alert(1)')).toBe(false);
  });

  it('reads a bare identifier and nothing more', () => {
    expect(bareIdentifier(' photo ')).toBe('photo');
    expect(bareIdentifier('/* c */ photo')).toBe('photo');
    for (const code of ['photo.src', 'photo()', '"photo"', 'photo, x', 'photo; x']) expect(bareIdentifier(code)).toBeUndefined();
  });

  it('reads one string literal and nothing more', () => {
    expect(stringLiteral(' "含\\"引号\\"" ')).toBe('含"引号"');
    for (const code of ['`x`', '"a" + "b"', '"a"; x()', 'x', '("a")()']) expect(stringLiteral(code)).toBeUndefined();
  });

  it('lists default image imports and reports every other statement', () => {
    const result = imageImports("import a from './images/a.jpg';\nimport b from \"./images/b.png\"\nexport const c = 1;", new Set());
    expect(result.images).toEqual([{ name: 'a', path: './images/a.jpg' }, { name: 'b', path: './images/b.png' }]);
    expect(result.problems).toEqual([{ statement: 'export const c = 1;', reason: 'not-import' }]);
  });
});

describe('the plugin in the build’s MDX compile', () => {
  it.each(refused)('refuses %s, at the same line as the check', async (_name, body, line) => {
    const error = await compile(body).then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(MdxPolicyError);
    expect((error as MdxPolicyError).line).toBe(line);
    expect((error as Error).message).toContain(violations(body)[0]!.message);
  });

  it('compiles every published case', async () => {
    const dir = join(root, 'content/cases');
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.mdx'))) {
      const body = readFileSync(join(dir, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (frontmatter) => frontmatter.replace(/[^\n]/g, ''));
      await expect(compile(body, { file: `content/cases/${name}` })).resolves.toBeTruthy();
    }
  });

  it('throws before any code is emitted, naming file:line and what is allowed, in Chinese', async () => {
    const body = `正文。\n\n<span title={${marker}||"x"}>…</span>\n\n[a]: javascript:alert(1)\n`;
    const error = await compile(body).then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(MdxPolicyError);
    const message = (error as Error).message;
    expect(message).toContain('content/cases/a.mdx:3  正文  <span> 的属性 title 不能写成 {…} 代码');
    expect(message).toContain('content/cases/a.mdx:5  正文  链接定义的地址不允许：javascript:alert(1)');
    expect(message).toContain('允许的写法：');
    expect((error as { line?: number }).line).toBe(3);
  });

  it('refuses a frontmatter layout the compiler would import', async () => {
    await expect(compile('正文。', { frontmatter: { layout: '../../src/evil.astro' } })).rejects.toThrow(/layout/);
  });

  it('compiles allowed content, leaves pages under src/ to their developers, and checks every other file', async () => {
    await expect(compile('正文[链接](https://example.com/)。\n\n{/* 注释 */}\n')).resolves.toBeTruthy();
    await expect(compile('<script>console.log(1)</script>', { file: 'src/pages/x.mdx' })).resolves.toBeTruthy();
    await expect(compile('<script>console.log(1)</script>', { file: 'content/cases/sub/x.mdx' })).rejects.toThrow(MdxPolicyError);
    // A symlink in content/ is compiled under its target's path.
    await expect(compile('<script>console.log(1)</script>', { file: 'docs/elsewhere.mdx' })).rejects.toThrow(MdxPolicyError);
    await expect(compile('<script>console.log(1)</script>', { file: 'src-evil/x.mdx' })).rejects.toThrow(MdxPolicyError);
  });
});

describe('the remark plugin (MARKDOWN_PROCESSOR=unified)', () => {
  const compileRemark = (body: string, file = 'content/cases/a.mdx') =>
    compileWithRemark({ value: body, path: join(root, file) }, { remarkPlugins: [remarkGfm, remarkMdxPolicy({ trustedDirs: [join(root, 'src')], root })] });

  // remark-mdx's own parser is older and refuses a few inputs itself (import attributes): a parse error at the line.
  it.each(refused)('refuses %s', async (_name, body, line) => {
    const error = await compileRemark(body).then(() => undefined, (thrown: unknown) => thrown);
    if (error instanceof MdxPolicyError) expect(error.line).toBe(line);
    else expect(error).toMatchObject({ line, message: expect.stringContaining('Could not parse') });
  });

  it('compiles allowed content and leaves src/ alone', async () => {
    await expect(compileRemark('正文[链接](https://example.com/)。\n\n{/* 注释 */}\n')).resolves.toBeTruthy();
    await expect(compileRemark('<script>console.log(1)</script>', 'src/pages/x.mdx')).resolves.toBeTruthy();
  });
});

describe('build warnings', () => {
  const headInject = {
    code: 'MODULE_LEVEL_DIRECTIVE',
    message: 'The semantics of the module level directive "use astro:head-inject" in "content/cases/a.mdx?astroPropagatedAssets" may not be preserved when bundling.',
  };

  it('hides only the known head-inject directive warning', () => {
    expect(isKnownUpstreamWarning(headInject)).toBe(true);
    expect(isKnownUpstreamWarning({ code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use client" in "x.js" may not be preserved' })).toBe(false);
    expect(isKnownUpstreamWarning({ code: 'EVAL', message: 'Use of eval "use astro:head-inject"' })).toBe(false);
    const passed: unknown[] = [];
    const other = { code: 'CIRCULAR_REEXPORT', message: 'x' };
    filterKnownWarnings(headInject, (warning) => passed.push(warning));
    filterKnownWarnings(other, (warning) => passed.push(warning));
    expect(passed).toEqual([other]);
  });

  it('hides the desk bundle’s "use client" and eval warnings only for its known packages', () => {
    const directive = (file: string) => ({ code: 'MODULE_LEVEL_DIRECTIVE', message: `The semantics of the module level directive "use client" in "${file}" may not be preserved when bundling.` });
    expect(isKnownUpstreamWarning(directive('node_modules/react-toastify/dist/react-toastify.esm.mjs'))).toBe(true);
    expect(isKnownUpstreamWarning(directive('node_modules/jotai/esm/react.mjs'))).toBe(true);
    expect(isKnownUpstreamWarning(directive('src/components/x.tsx'))).toBe(false);
    expect(isKnownUpstreamWarning(directive('node_modules/other/index.js'))).toBe(false);
    const evalIn = (id: string) => ({ code: 'EVAL', message: 'Use of direct `eval` function is strongly discouraged', id });
    expect(isKnownUpstreamWarning(evalIn('/repo/node_modules/gray-matter/lib/engines.js'))).toBe(true);
    expect(isKnownUpstreamWarning(evalIn('/repo/node_modules/js-sha256/src/sha256.js'))).toBe(true);
    expect(isKnownUpstreamWarning(evalIn('/repo/src/pages/warning-probe.astro'))).toBe(false);
    expect(isKnownUpstreamWarning({ code: 'EVAL', message: 'Use of direct `eval`' })).toBe(false);
    const externalized = (file: string) => ({ code: 'PLUGIN_WARNING', message: `Module "fs" has been externalized for browser compatibility, imported by "${file}". See …` });
    expect(isKnownUpstreamWarning(externalized('/repo/node_modules/zhlint/lib/report.js'))).toBe(true);
    expect(isKnownUpstreamWarning(externalized('/repo/src/lib/search/engine.ts'))).toBe(false);
  });
});
