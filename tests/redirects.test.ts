import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentSources } from '../src/lib/content-check/check-content.ts';
import { followRedirects, normalizeSitePath, parseRedirects, validateRedirects } from '../src/lib/redirects.ts';
import { loadAstroRedirects } from '../src/lib/redirects-file.ts';

describe('redirect list', () => {
  it('normalises site paths and refuses addresses of other sites', () => {
    expect(normalizeSitePath('cases/old')).toBe('/cases/old/');
    expect(normalizeSitePath('/cases/old/index.html')).toBe('/cases/old/');
    expect(normalizeSitePath('/')).toBe('/');
    expect(normalizeSitePath('https://example.com/x/')).toBeUndefined();
    expect(normalizeSitePath('/a/../b/')).toBeUndefined();
  });

  it('reads the list with the line of each rule, and an empty or comment-only file as no rules', () => {
    const { rules, problems } = parseRedirects('# 说明\n- from: /cases/old/\n  to: cases/new\n');
    expect(problems).toEqual([]);
    expect(rules).toEqual([{ from: '/cases/old/', to: '/cases/new/', line: 2, toLine: 3 }]);
    expect(parseRedirects('# 只有注释\n')).toEqual({ rules: [], problems: [] });
  });

  it('names the line and field of a malformed rule', () => {
    const { problems } = parseRedirects('- from: /cases/old/\n- from: https://x.org/\n  to: /cases/a/\n  too: 1\n');
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [1, '第 1 条跳转的新网址（to）'],
      [4, '第 2 条跳转的字段 too'],
      [2, '第 2 条跳转的旧网址（from）'],
    ]);
  });

  it('follows chains and detects loops', () => {
    const rules = [{ from: '/a/', to: '/b/' }, { from: '/b/', to: '/c/' }];
    expect(followRedirects('/a/', rules)).toEqual({ to: '/c/', steps: ['/a/', '/b/', '/c/'] });
    expect(followRedirects('/a/', [{ from: '/a/', to: '/b/' }, { from: '/b/', to: '/a/' }])).toBe('loop');
  });

  it('refuses missing targets, unpublished targets, loops, duplicates and old paths that are still pages', () => {
    const site = { pages: new Set(['/cases/new/', '/cases/live/']), unpublished: new Map([['/cases/draft/', '是草稿']]) };
    const problems = validateRedirects(
      [
        { from: '/cases/old/', to: '/cases/new/', line: 1 },
        { from: '/cases/gone/', to: '/cases/nothing/', line: 3 },
        { from: '/cases/live/', to: '/cases/new/', line: 5 },
        { from: '/cases/x/', to: '/cases/y/', line: 7 },
        { from: '/cases/y/', to: '/cases/x/', line: 9 },
        { from: '/cases/old/', to: '/cases/live/', line: 11 },
        { from: '/cases/early/', to: '/cases/draft/', line: 13 },
      ],
      site,
    );
    expect(problems.map((problem) => [problem.line, problem.message.replace(/[：:].*$/, '')])).toEqual([
      [3, '目标 /cases/nothing/ 不存在'],
      [5, '旧网址 /cases/live/ 仍是一个现有的页面，跳转不会生效'],
      [7, '跳转形成循环'],
      [9, '跳转形成循环'],
      [11, '旧网址 /cases/old/ 重复，第 1 行已写过'],
      [13, '目标 /cases/draft/ 是草稿，读者会看到“页面未找到”'],
    ]);
  });

  it('gives Astro the final target of each old path, and fails the build on a malformed file with its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redirects-'));
    try {
      const file = join(dir, 'redirects.yaml');
      writeFileSync(file, '- from: /a/\n  to: /b/\n- from: /b/\n  to: /cases/c/\n');
      expect(loadAstroRedirects(file)).toEqual({ '/a/': '/cases/c/', '/b/': '/cases/c/' });
      expect(loadAstroRedirects(file, '/laomo/')).toEqual({ '/a/': '/laomo/cases/c/', '/b/': '/laomo/cases/c/' });
      expect(loadAstroRedirects(join(dir, 'none.yaml'))).toEqual({});
      writeFileSync(file, '- from: /a/\n');
      expect(() => loadAstroRedirects(file)).toThrow(/redirects\.yaml:1 {2}第 1 条跳转的新网址（to） {2}缺少必填字段/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('checkContent: redirects against the content', () => {
  const base: ContentSources = {
    regions: {
      file: 'content/regions.json',
      text: JSON.stringify([
        { id: 'zhejiang', code: '330000', name: '浙江省', shortName: '浙江', kind: 'province' },
        { id: 'wenzhou', code: '330300', name: '温州市', shortName: '温州', kind: 'city', parent: 'zhejiang' },
        { id: 'pingyang', code: '330326', name: '平阳县', shortName: '平阳', kind: 'county', parent: 'wenzhou' },
      ]),
    },
    topics: { file: 'content/topics.yaml', text: '- id: zhiyuan-fuwu\n  name: 志愿服务\n' },
    cases: [
      {
        file: 'content/cases/pingyang.mdx',
        relativePath: 'pingyang.mdx',
        text: '---\ntitle: 组织架构\norganisation: 平阳县劳模协会\nregion: pingyang\nsource:\n  publication: 劳模工匠专版\ndate: 2023-01-01\n---\n\n正文。\n',
      },
    ],
    issues: [],
    routes: ['index.astro', 'about.mdx', 'cases/[id].astro', 'issues/index.astro', 'issues/[id].astro', 'regions/[city]/[county].astro', 'print/[id].astro'],
  };
  const check = (text: string) => checkContent({ ...base, redirects: { file: 'content/redirects.yaml', text } });

  it('accepts redirects to cases, region pages, static pages and enumerable dynamic routes', () => {
    expect(check('- from: /cases/old/\n  to: /cases/pingyang/\n- from: /py/\n  to: /regions/wenzhou/pingyang/\n- from: /guanyu/\n  to: /about/\n- from: /dayin/\n  to: /print/x/\n')).toEqual([]);
  });

  it('reports a target that does not exist and an old path that is a live page, with file and line', () => {
    const problems = check('- from: /cases/old/\n  to: /cases/nothing/\n- from: /about/\n  to: /cases/pingyang/\n');
    expect(problems.map((problem) => `${problem.file}:${problem.line} ${problem.field}`)).toEqual([
      'content/redirects.yaml:2 第 1 条跳转的新网址（to）',
      'content/redirects.yaml:3 第 2 条跳转的旧网址（from）',
    ]);
  });
});
