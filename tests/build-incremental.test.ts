/**
 * `npm run build` twice in a row (experimental.incrementalBuild with page keys, src/lib/page-key.ts, and the MDX
 * compile cache): the second build copies the pages nothing changed for and renders again every page something
 * it shows changed for — the article, an article it lists as related, its issue's title (also on the issue's
 * print page), content/site.yaml.
 * Run through the real command on a temporary copy of the project with its own caches.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCommandEnv } from './support/child-process.ts';
import { copyProjectForBuild } from './support/project-copy.ts';

let project: string;

function build() {
  const result = spawnSync(process.execPath, [join(project, 'scripts/build.ts'), '--skip-pdf'], { cwd: project, encoding: 'utf8', env: astroCommandEnv({ NO_COLOR: '1' }), timeout: 400_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).toBe(0);
  const restored = new Set([...output.matchAll(/├─ (\S+) \((?:restored|cached)\)/g)].map((match) => match[1]!));
  return { output, restored };
}

const page = (path: string) => readFileSync(join(project, 'dist', path), 'utf8');
const htmlFiles = () => readdirSync(join(project, 'dist'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
const casePage = (id: string) => page(`cases/${id}/index.html`);
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(project, path), change(readFileSync(join(project, path), 'utf8')));
/** The ids of the articles a case page lists as related. */
const relatedIds = (html: string) => [...(html.split('id="related-heading"')[1] ?? '').matchAll(/href="\/cases\/([^/"]+)\/"/g)].map((match) => match[1]!);

beforeAll(() => {
  project = copyProjectForBuild('laomo-build-incremental-');
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('npm run build after an edit', () => {
  it('copies unchanged pages and renders again every page the edit shows on', { timeout: 1_500_000 }, () => {
    const cold = build();
    expect(cold.restored.size).toBe(0);
    const cases = readdirSync(join(project, 'content/cases')).filter((name) => name.endsWith('.mdx')).map((name) => name.replace(/\.mdx$/, ''));

    // 1. An issue's title: every article of that issue shows it in its 刊于 bar and issue box.
    const issueFile = 'content/issues/laomo-xiehui-jiaoliu-wenzhou.yaml';
    const inIssue = [...readFileSync(join(project, issueFile), 'utf8').matchAll(/^ {2}- (\S+)$/gm)].map((match) => match[1]!);
    expect(inIssue.length).toBeGreaterThan(0);
    const untouched = cases.find((id) => !inIssue.includes(id))!;
    const untouchedBefore = casePage(untouched);
    edit(issueFile, (text) => text.replace(/^title: .*$/m, 'title: 增量构建测试专版标题'));
    const afterIssue = build();
    for (const id of inIssue) {
      expect(afterIssue.restored.has(`/cases/${id}/index.html`), id).toBe(false);
      expect(casePage(id), id).toContain('增量构建测试专版标题');
    }
    expect(afterIssue.restored.has(`/cases/${untouched}/index.html`), afterIssue.output.slice(-3000)).toBe(true);
    expect(casePage(untouched)).toBe(untouchedBefore);
    // Its print page too; another issue's print page is copied.
    expect(afterIssue.restored.has('/issues/laomo-xiehui-jiaoliu-wenzhou/print/index.html')).toBe(false);
    expect(page('issues/laomo-xiehui-jiaoliu-wenzhou/print/index.html')).toContain('增量构建测试专版标题');
    expect(afterIssue.restored.has('/issues/zhiyuan-fuwu-yue-2021/print/index.html')).toBe(true);

    // 2. An article's title: its own page, its share image and every page listing it as related.
    const [edited, listedBy] = cases.flatMap((id) => relatedIds(casePage(id)).map((related) => [related, id] as const))[0]!;
    const linking = htmlFiles().filter((path) => page(path).includes(`href="/cases/${edited}/"`));
    // Its region's and its topics' lists, the home page, the archive, related lists …
    expect(linking.some((path) => path.startsWith('topics/')) && linking.some((path) => path.startsWith('regions/'))).toBe(true);
    edit(`content/cases/${edited}.mdx`, (text) => text.replace(/^title: .*$/m, 'title: "增量构建测试文章标题"'));
    const afterCase = build();
    // Every page that lists the article shows its new title (the old one can also be an issue's title).
    for (const path of linking) expect(page(path), path).toContain('增量构建测试文章标题');
    expect([...afterCase.restored].some((path) => path.startsWith('/topics/') || path.startsWith('/regions/'))).toBe(true);
    expect(casePage(edited)).toContain('增量构建测试文章标题');
    expect(afterCase.restored.has(`/share/cases/${edited}.png`)).toBe(false);
    expect(afterCase.restored.has(`/cases/${listedBy}/index.html`)).toBe(false);
    expect(casePage(listedBy)).toContain('增量构建测试文章标题');
    expect(afterCase.output).toMatch(/MDX 编译缓存：复用 \d+ 篇，重新编译 1 篇/);

    // 3. content/site.yaml (the footer's ICP number): every page.
    edit('content/site.yaml', (text) => text.replace(/^icp:.*$/m, 'icp: 浙ICP备12345678号-1'));
    const afterSettings = build();
    expect([...afterSettings.restored].filter((path) => path.startsWith('/cases/'))).toEqual([]);
    for (const id of cases) expect(casePage(id), id).toContain('浙ICP备12345678号-1');
  });
});
