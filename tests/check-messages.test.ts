/** Pure logic behind `npm run check`'s messages: YAML errors, encodings, field labels, typography scope, redirects. */
import { describe, expect, it } from 'vitest';
import { describeAstroCheckSummary, translateAstroCheckOutput } from '../src/lib/astro-check-output.ts';
import { utf8Problem } from '../src/lib/content-check/encoding.ts';
import { fileNameProblem, suggestedFileName } from '../src/lib/content-check/entry-rules.ts';
import { bodyFieldName, fieldName, redirectFieldName } from '../src/lib/content-check/field-labels.ts';
import { missingRedirectProblems } from '../src/lib/content-check/missing-redirects.ts';
import { parseMdxSource, parseYamlSource } from '../src/lib/content-check/parse-source.ts';
import { applyFixes, betweenChinese, protectedSpans, typographyFixes } from '../src/lib/content-check/typography.ts';
import { explainYamlError } from '../src/lib/content-check/yaml-errors.ts';

describe('YAML errors in Chinese', () => {
  const first = (text: string) => {
    const [error] = parseYamlSource(text).errors;
    return { ...error, ...explainYamlError({ ...error, code: error.code! }) };
  };

  it('gives line, column and a fix for the mistakes editors make', () => {
    expect(first('title: 标题: 副题\n')).toMatchObject({ line: 1, code: 'BLOCK_AS_IMPLICIT_KEY', message: '值里有冒号，被当成了新的字段' });
    expect(first('title: 标题: 副题\n').hint).toContain('请给整个值加引号');
    expect(first('source:\n\tpublication: 专版\n')).toMatchObject({ line: 2, column: 1, message: '缩进用了 Tab（制表符）' });
    expect(first('title: 一\ntitle: 二\n')).toMatchObject({ line: 2, column: 1, message: '同一个字段写了两次' });
    expect(first('title: "没有闭合\ndate: 2022\n')).toMatchObject({ message: '双引号没有闭合' });
    expect(first("title: '没有闭合\n")).toMatchObject({ message: '单引号没有闭合' });
    expect(first('source:\n  publication: 专版\n   page: 第3版\n').message).toMatch(/缩进|冒号/);
  });

  it('tells a forgotten colon, an over-indented line, an unclosed bracket and text after a quote apart', () => {
    expect(first('title 标题\ndate: 2022\n')).toMatchObject({ line: 1, message: '这一行缺少冒号，应写作 “字段名: 值”' });
    expect(first('title: 标题\n  subtitle: 副题\n')).toMatchObject({ message: '下一行缩进多了，被当成了这个值的一部分' });
    expect(first('title: [未闭合\ncases:\n  - a\n').message).toContain('方括号 [ 或花括号 { 没有闭合');
    expect(first('title: "标题"副题\n')).toMatchObject({ message: '引号后面还有文字' });
  });

  it('keeps the original message for a code it does not know', () => {
    expect(explainYamlError({ code: 'SOMETHING_NEW', message: 'Odd thing' })).toMatchObject({ message: '格式错误（Odd thing）' });
  });

  it('reads a frontmatter after a byte-order mark and with CRLF line ends, with lines counted in the file', () => {
    const parsed = parseMdxSource('\uFEFF---\r\ntitle: 标题\r\nregion: anji\r\n---\r\n\r\n正文。\r\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual({ title: '标题', region: 'anji' });
    expect(parsed.lineOf(['region'])).toBe(3);
    expect(parseMdxSource('---\ntitle: 标题: 副题\n---\n').errors[0]).toMatchObject({ line: 2, code: 'BLOCK_AS_IMPLICIT_KEY' });
  });
});

describe('encodings', () => {
  it('finds the first byte that is not UTF-8 and recognises GBK', () => {
    expect(utf8Problem(Buffer.from('---\ntitle: 标题\n'))).toBeUndefined();
    expect(utf8Problem(Buffer.from('\uFEFF---\n'))).toBeUndefined();
    const gbk = Buffer.concat([Buffer.from('---\ntitle: ab'), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from('\n')]);
    expect(utf8Problem(gbk)).toEqual({ line: 2, column: 10, looksLikeGbk: true });
  });
});

describe('field labels', () => {
  it('reads list items and component attributes in Chinese', () => {
    expect(fieldName(['region'])).toBe('region（地区）');
    expect(fieldName(['source', 'publication'])).toBe('source.publication（刊物）');
    expect(fieldName(['topics', 1])).toBe('第 2 个话题（topics）');
    expect(fieldName(['cases', 0])).toBe('第 1 篇文章（cases）');
    expect(redirectFieldName(1, 'to')).toBe('第 2 条跳转的新网址（to）');
    expect(bodyFieldName('Figure src（图片）')).toBe('图片（<Figure> 的 src）');
    expect(bodyFieldName('正文')).toBe('正文');
  });
});

describe('typography only in Chinese prose', () => {
  const fixed = (text: string) => applyFixes(text, typographyFixes(text, [{ start: 0, end: text.length, field: '正文' }]));

  it('leaves bare URLs, autolinks, link destinations, e-mail addresses and inline code alone', () => {
    expect(fixed('见 https://example.com/search?q=劳模,工匠 页面')).toBe('见 https://example.com/search?q=劳模,工匠 页面');
    expect(fixed('见 www.example.com/劳模,工匠。好,的')).toBe('见 www.example.com/劳模,工匠。好，的');
    expect(fixed('见<https://a.cn/x?a=中,文>页面')).toBe('见<https://a.cn/x?a=中,文>页面');
    expect(fixed('见[报道](https://a.cn/中,文)页面,好')).toBe('见[报道](https://a.cn/中,文)页面，好');
    expect(fixed('代码 `中,文` 不改,这里改')).toBe('代码 `中,文` 不改，这里改');
    expect(protectedSpans('写信到 zhang@example.com 吧')).toEqual([[4, 21]]);
  });

  it('changes a comma only between Chinese, not in an English clause or a number', () => {
    expect(fixed('会议 starts at 10:30, 会议在三楼,请准时')).toBe('会议 starts at 10:30, 会议在三楼，请准时');
    expect(fixed('共有3,000人,很多')).toBe('共有3,000人，很多');
    expect(fixed('时间12:30,比分3:2。')).toBe('时间12:30，比分3:2。');
    expect(fixed('他说 Hello, world 然后走了')).toBe('他说 Hello, world 然后走了');
    expect(betweenChinese('10月,目前', 3)).toBe(true);
    expect(betweenChinese('at 10:30, 会议', 8)).toBe(false);
  });
});

describe('file names', () => {
  it('suggests the pinyin name for capitals, spaces and Chinese', () => {
    expect(suggestedFileName('平阳 协会')).toBe('ping-yang-xie-hui');
    expect(suggestedFileName('PingYang')).toBe('pingyang');
    expect(suggestedFileName('！！', '乐清市总工会')).toBe('yue-qing-shi-zong-gong-hui');
    expect(fileNameProblem('content/cases/pingyang-2x4.mdx', 'pingyang-2x4.mdx', {})).toBeUndefined();
    expect(fileNameProblem('content/cases/平阳.mdx', '平阳.mdx', { slug: 'pingyang' })).toBeUndefined();
    expect(fileNameProblem('content/cases/平阳.mdx', '平阳.mdx', {})?.hint).toContain('git mv "content/cases/平阳.mdx" content/cases/ping-yang.mdx');
    expect(fileNameProblem('content/issues/专版.yaml', '专版.yaml', {})?.hint).toContain('git mv "content/issues/专版.yaml" content/issues/zhuan-ban.yaml。');
  });
});

describe('published cases that lose their address', () => {
  const before = { ref: 'origin/main', cases: [{ id: 'old', file: 'content/cases/old.mdx', title: '标题' }, { id: 'kept', file: 'content/cases/kept.mdx' }] };

  it('asks for a redirect to the renamed case, or to the issues list for a deleted one', () => {
    const renamed = missingRedirectProblems(before, { caseIds: new Set(['new', 'kept']), cases: [{ id: 'new', title: '标题' }, { id: 'kept' }], rules: [] });
    expect(renamed).toHaveLength(1);
    expect(renamed[0]!.hint).toContain('- from: /cases/old/\n        to: /cases/new/');
    const deleted = missingRedirectProblems(before, { caseIds: new Set(['kept']), cases: [{ id: 'kept' }], rules: [] });
    expect(deleted[0]!.message).toContain('已删除');
    expect(deleted[0]!.hint).toContain('to: /issues/');
  });

  it('is satisfied by a redirect from the old address', () => {
    expect(missingRedirectProblems(before, { caseIds: new Set(['kept']), cases: [], rules: [{ from: '/cases/old/', to: '/issues/' }] })).toEqual([]);
  });
});

describe('astro check output', () => {
  it('drops the telemetry notice and progress lines, keeps diagnostics, and puts the summary in Chinese', () => {
    const output = [
      '\u001b[2m18:40:25\u001b[22m [content] Syncing content',
      '▶ Astro collects anonymous usage data.',
      '18:40:25 [check] Getting diagnostics for Astro files in /x...',
      'src/pages/a.astro:3:7 - error ts(2322): Type number is not assignable to type string.',
      '',
      'Result (157 files): ',
      '- 1 error',
      '- 0 warnings',
      '- 2 hints',
      '',
    ].join('\n');
    const { lines, summary } = translateAstroCheckOutput(output);
    expect(lines).toEqual(['src/pages/a.astro:3:7 - error ts(2322): Type number is not assignable to type string.']);
    expect(summary).toEqual({ files: 157, errors: 1, warnings: 0, hints: 2 });
    expect(describeAstroCheckSummary(summary!)).toBe('代码检查未通过（astro check）：检查了 157 个文件：1 个错误，0 个警告，2 个提示。请把上面的错误交给网站维护人员。');
  });
});

describe('a redirect list that is not UTF-8', () => {
  it('is reported as such instead of as garbled rules', async () => {
    const { checkContent } = await import('../src/lib/content-check/check-content.ts');
    const problems = checkContent({
      regions: { file: 'content/regions.json', text: '[]' },
      topics: { file: 'content/topics.yaml', text: '[]' },
      cases: [],
      issues: [],
      redirects: { file: 'content/redirects.yaml', text: '- from: /a/\n  to: /\uFFFD/\n', encoding: { line: 2, column: 7, looksLikeGbk: true } },
    });
    expect(problems.map((problem) => [problem.file, problem.line, problem.message.slice(0, 13)])).toEqual([['content/redirects.yaml', 2, '文件不是 UTF-8 编码']]);
  });
});

describe('files the site would not read', () => {
  it('reports a case saved as .md or .mdx.txt and an issue saved as .yml, and an unclosed frontmatter', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, cpSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readContentSources } = await import('../src/lib/content-check/read-sources.ts');
    const { checkContent } = await import('../src/lib/content-check/check-content.ts');
    const dir = mkdtempSync(join(tmpdir(), 'laomo-unread-'));
    try {
      mkdirSync(join(dir, 'content/cases/images'), { recursive: true });
      mkdirSync(join(dir, 'content/issues'), { recursive: true });
      cpSync(join(import.meta.dirname, '../content/regions.json'), join(dir, 'content/regions.json'));
      cpSync(join(import.meta.dirname, '../content/topics.yaml'), join(dir, 'content/topics.yaml'));
      for (const name of ['cases/a.md', 'cases/b.mdx.txt', 'issues/c.yml', 'cases/images/photo.jpg', 'cases/.DS_Store']) writeFileSync(join(dir, 'content', name), 'x');
      writeFileSync(join(dir, 'content/cases/open.mdx'), '---\ntitle: 没有结束\n\n正文。\n');
      const problems = checkContent(await readContentSources(dir));
      expect(problems.filter((problem) => problem.field === '文件名').map((problem) => problem.file).sort()).toEqual(['content/cases/a.md', 'content/cases/b.mdx.txt', 'content/issues/c.yml']);
      expect(problems.find((problem) => problem.file === 'content/cases/b.mdx.txt')!.hint).toContain('请改名为 b.mdx');
      expect(problems.find((problem) => problem.file === 'content/cases/open.mdx')!.message).toContain('缺少第二个 --- 行');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
