/**
 * The MDX allow-list through the real commands, on a temporary copy of the project with a malicious case:
 * `npm run check` and `npm run build` both refuse it naming file:line in Chinese, `astro dev` shows the error
 * instead of the page, nothing in it runs (no marker file) and no `javascript:` reaches dist. Then, without
 * it, a build prints no head-inject warning while other warnings still show.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCommandEnv, freePort } from './support/child-process.ts';

const root = resolve(import.meta.dirname, '..');
let dir: string;
const attackFile = 'content/cases/zz-attack.mdx';
const markers = ['marker-attribute', 'marker-comment', 'marker-export'];
const markerPath = (name: string) => join(dir, name);

/** Frontmatter on lines 1–11, the attacks from line 13 on, one every other line. */
function attackCase(): string {
  const write = (name: string) => `process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(markerPath(name))},"x")`;
  return [
    '---',
    'title: 正文安全检查用例',
    'organisation: 平阳县劳模协会',
    'region: pingyang',
    'topics:',
    '  - zhiyuan-fuwu',
    'source:',
    '  publication: 劳模工匠专版',
    'date: 2023-01-01',
    'datePrecision: year',
    '---',
    '',
    `<span title={${write('marker-attribute')}||"x"}>文字</span>`, // 13
    '',
    `{/* 注释 */ ${write('marker-comment')} /* 完 */}`, // 15
    '',
    '<a href={"javascript:alert(2)"}>点击</a>', // 17
    '',
    '正文[链接][a]。', // 19
    '',
    '[a]: javascript:alert(1)', // 21
    '',
    '<a href="&#106;avascript:alert(3)">点击</a>', // 23
    '',
    `export const x = ${write('marker-export')};`, // 25
    '',
  ].join('\n');
}
const attackLines = [13, 15, 17, 21, 23, 25];

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: astroCommandEnv({ NODE_ENV: 'production' }), timeout: 300_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'laomo-mdx-policy-'));
  const skip = new Set(['node_modules', 'dist', '.astro', '.git', '.cache']);
  cpSync(root, dir, { recursive: true, filter: (source) => !skip.has(relative(root, source).split(/[\\/]/)[0]!) });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, attackFile), attackCase());
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a case with code, script URLs and exports', () => {
  it('fails npm run check, naming each line in Chinese', () => {
    const { status, output } = run('npm', ['run', 'check']);
    expect(status).not.toBe(0);
    for (const line of attackLines) expect(output).toContain(`${attackFile}:${line}  正文  [错误]`);
    expect(output).toContain('<span> 的属性 title 不能写成 {…} 代码');
    expect(output).toContain('会被当作代码执行');
    expect(output).toContain('链接定义的地址不允许：javascript:alert(1)');
    expect(output).toContain('允许的写法：');
  }, 300_000);

  it('shows the error in astro dev instead of the page, running nothing', async () => {
    const port = await freePort();
    const dev = spawn(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: dir,
      env: astroCommandEnv({ NODE_ENV: 'development' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    dev.stdout!.on('data', (chunk) => (output += chunk));
    dev.stderr!.on('data', (chunk) => (output += chunk));
    try {
      let response: Response | undefined;
      for (let tries = 0; !response; tries++) {
        if (dev.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
        response = await fetch(`http://127.0.0.1:${port}/cases/zz-attack/`, { signal: AbortSignal.timeout(60_000) }).catch(() => undefined);
        if (!response) {
          if (tries > 480) throw new Error(`astro dev did not start:\n${output}`);
          await new Promise((resolveWait) => setTimeout(resolveWait, 250));
        }
      }
      const page = await response.text();
      expect(response.status).toBe(500);
      expect(`${page}\n${output}`).toContain(`${attackFile}:13`);
      expect(`${page}\n${output}`).toContain('不能写成 {…} 代码');
      for (const name of markers) expect(existsSync(markerPath(name))).toBe(false);
    } finally {
      dev.kill('SIGTERM');
    }
  }, 300_000);

  it('fails npm run build the same way: nothing runs, no javascript: URL is published', () => {
    const { status, output } = run('npm', ['run', 'build']);
    expect(status).not.toBe(0);
    expect(output).toContain(`${attackFile}:13`);
    expect(output).toContain('<span> 的属性 title 不能写成 {…} 代码');
    expect(output).toContain('链接定义的地址不允许：javascript:alert(1)');
    for (const name of markers) expect(existsSync(markerPath(name))).toBe(false);
    for (const file of filesUnder(join(dir, 'dist'))) {
      if (/\.(?:html|js|xml|json)$/.test(file)) expect([file, /javascript:/i.test(readFileSync(file, 'utf8'))]).toEqual([file, false]);
    }
  }, 300_000);
});

describe('build output without the malicious case', () => {
  it('has no head-inject warning per MDX file nor the desk bundle’s known warnings, and still shows other warnings', () => {
    rmSync(join(dir, attackFile));
    // A page using eval: Rolldown warns about it, and that warning must still reach the output.
    writeFileSync(join(dir, 'src/pages/warning-probe.astro'), "---\nconst value = eval('1 + 1');\n---\n<p>{value}</p>\n");
    const { status, output } = run(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build']);
    expect(status, output).toBe(0);
    // The per-MDX-file warning about Astro's own directive is gone, and so are the desk bundle's known ones: its
    // packages' "use client" and eval, and the size of its one chunk (src/lib/build-warnings.ts).
    expect(output).not.toMatch(/MODULE_LEVEL_DIRECTIVE[^\n]*astro:head-inject/);
    expect(output).not.toContain('use astro:head-inject');
    expect(output).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(output).not.toMatch(/node_modules\/(?:gray-matter|@iarna\/toml|js-sha256)\//);
    expect(output).not.toContain('Some chunks are larger than');
    expect(output).not.toContain('externalized for browser compatibility');
    // The same kind of warning from the site's own code still shows.
    expect(output).toMatch(/\[WARN\][^\n]*eval/i);
    expect(output).toContain('src/pages/warning-probe.astro');
  }, 300_000);
});
