/** npm run build builds into a new folder and replaces dist/ only when complete (scripts/build.ts). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { astroCommandEnv } from './support/child-process';

const root = resolve(import.meta.dirname, '..');
const node = join(root, 'node_modules/.bin/node');
const fakeBuild = join(root, 'tests/fixtures/build/fake-build.mjs');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-swap-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist/index.html'), '<h1>old</h1>');
  writeFileSync(join(dir, 'dist/old-only.html'), 'old');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function build(env: NodeJS.ProcessEnv = {}, ...steps: string[]) {
  const stepArgs = (steps.length ? steps : [`${node} ${fakeBuild} {out}`]).flatMap((step) => ['--step', step]);
  const result = spawnSync('npm', ['run', 'build', '--', '--dist', join(dir, 'dist'), ...stepArgs], {
    cwd: root,
    encoding: 'utf8',
    // As a person (or CI, with CI=true) runs it: the site address is set, so the prebuild step passes.
    env: astroCommandEnv(env),
  });
  return { code: result.status, output: result.stdout + result.stderr };
}
const listing = () => readdirSync(dir).sort();

describe('npm run build: dist/ is switched only when the build is complete', { timeout: 60_000 }, () => {
  it('a build that fails midway leaves dist/ exactly as it was, and no half-built folder', () => {
    const { code, output } = build({ FAKE_BUILD: 'fail' });
    expect(code).not.toBe(0);
    expect(output).toContain('构建没有完成');
    expect(output).toContain('保持原样');
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('<h1>old</h1>');
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['index.html', 'old-only.html']);
    expect(listing()).toEqual(['dist']);
  });

  it('a later step failing (the PDFs) also keeps the old dist/', () => {
    const { code } = build({}, `${node} ${fakeBuild} {out}`, `${node} -e process.exit(3)`);
    expect(code).toBe(3);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('<h1>old</h1>');
    expect(listing()).toEqual(['dist']);
  });

  it('a build that writes no index.html is not complete', () => {
    const { code, output } = build({}, `${node} -e 0`);
    expect(code).toBe(1);
    expect(output).toContain('没有 index.html');
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('<h1>old</h1>');
  });

  it('a complete build replaces dist/ whole (nothing of the old one left) and carries the completion marker', () => {
    const { code, output } = build();
    expect(code, output).toBe(0);
    expect(output).toContain('构建完成');
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['.build-complete', 'about.html', 'index.html']);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('<h1>new</h1>');
    expect(listing()).toEqual(['dist']);
  });

  it('repairs what a killed run left: a half-built folder goes, a dist/ moved aside comes back', () => {
    mkdirSync(join(dir, 'dist.building-99999'));
    writeFileSync(join(dir, 'dist.building-99999/index.html'), 'half');
    const { code } = build({ FAKE_BUILD: 'fail' });
    expect(code).not.toBe(0);
    expect(listing()).toEqual(['dist']);

    rmSync(join(dir, 'dist'), { recursive: true });
    mkdirSync(join(dir, 'dist.previous-99999'));
    writeFileSync(join(dir, 'dist.previous-99999/index.html'), '<h1>old</h1>');
    build({ FAKE_BUILD: 'fail' });
    expect(listing()).toEqual(['dist']);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('<h1>old</h1>');
    expect(existsSync(join(dir, 'dist/.build-complete'))).toBe(false);
  });
});

// The publish workflows (GitHub, Gitea, Forgejo, GitLab) and deploy/publish.sh: tests/publish-workflows.test.ts.
