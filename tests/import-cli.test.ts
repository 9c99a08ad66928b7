/** The CLI end to end, in a temporary directory: never writes into content/. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = join(root, 'node_modules/.bin/node');
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url));

function cli(...args: string[]) {
  const result = spawnSync(node, [join(root, 'scripts/import.ts'), ...args], { encoding: 'utf8', cwd: root });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
});

describe('npm run import', () => {
  it('writes the case drafts and the issue file, with progress and the report', () => {
    const { code, out } = cli(fixture('small-page.txt'), '--out', dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^读取 .*small-page\.txt/m);
    expect(out).toContain('识别出 2 篇文章');
    expect(out).toContain(`写入 ${join(dir, 'cases/ping-yang-xian-lao-mo-xie-hui.mdx')}`);
    expect(out).toContain('文字核对通过');
    expect(out).toContain('接续被分栏打断的段落');
    expect(readdirSync(join(dir, 'cases')).sort()).toEqual(['dong-tou-qu-lao-mo-xie-hui.mdx', 'ping-yang-xian-lao-mo-xie-hui.mdx']);
    const issue = readFileSync(join(dir, 'issues/small-page.yaml'), 'utf8');
    expect(issue).toContain('cases:\n  - "ping-yang-xian-lao-mo-xie-hui"\n  - "dong-tou-qu-lao-mo-xie-hui"');
  });

  it('uses --issue for the issue file and refuses an unsuitable one', () => {
    expect(cli(fixture('small-page.txt'), '--out', dir, '--issue', '2022-wenzhou').code).toBe(0);
    expect(existsSync(join(dir, 'issues/2022-wenzhou.yaml'))).toBe(true);
    const bad = cli(fixture('small-page.txt'), '--out', dir, '--issue', '温州 第1期');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/期号/);
  });

  it('never overwrites an existing file without --force, and writes nothing at all then', () => {
    expect(cli(fixture('small-page.txt'), '--out', dir).code).toBe(0);
    const edited = join(dir, 'cases/ping-yang-xian-lao-mo-xie-hui.mdx');
    writeFileSync(edited, '编辑改过的内容');
    const other = join(dir, 'cases/dong-tou-qu-lao-mo-xie-hui.mdx');
    writeFileSync(other, '另一篇也改过');

    const refused = cli(fixture('small-page.txt'), '--out', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('已经存在');
    expect(refused.err).toContain(edited);
    expect(refused.err).toContain('--force');
    expect(refused.out).not.toContain('写入');
    expect(readFileSync(edited, 'utf8')).toBe('编辑改过的内容');
    expect(readFileSync(other, 'utf8')).toBe('另一篇也改过');

    const forced = cli(fixture('small-page.txt'), '--out', dir, '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('（覆盖）');
    expect(readFileSync(edited, 'utf8')).toMatch(/^---\n/);
  });

  it('imports a GB18030 file with CRLF line endings like the UTF-8 one', () => {
    const utf8Dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    copyFileSync(fixture('small-page.gb18030.txt'), join(dir, 'page.txt'));
    copyFileSync(fixture('small-page.txt'), join(utf8Dir, 'page.txt'));
    expect(cli(join(dir, 'page.txt'), '--out', dir).code).toBe(0);
    expect(cli(join(utf8Dir, 'page.txt'), '--out', utf8Dir).code).toBe(0);
    const name = 'cases/ping-yang-xian-lao-mo-xie-hui.mdx';
    expect(readFileSync(join(dir, name), 'utf8')).toBe(readFileSync(join(utf8Dir, name), 'utf8'));
  });

  it('refuses a missing, empty or binary file with a Chinese message and exit code 1', () => {
    const missing = cli(join(dir, 'nope.txt'), '--out', dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到文件');

    writeFileSync(join(dir, 'empty.txt'), '  \n\n ');
    const empty = cli(join(dir, 'empty.txt'), '--out', dir);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/空白|空的/);

    const binary = cli(fixture('binary.bin'), '--out', dir);
    expect(binary.code).toBe(1);
    expect(binary.err).toContain('二进制');
    expect(existsSync(join(dir, 'cases'))).toBe(false);
  });

  it('answers an unknown flag or a missing file argument with the usage in Chinese', () => {
    const unknown = cli('--overwrite', fixture('small-page.txt'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('不认识的参数：--overwrite');
    expect(unknown.err).toContain('用法：npm run import --');
    const none = cli();
    expect(none.code).toBe(1);
    expect(none.err).toContain('用法');
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('--force');
  });
});
