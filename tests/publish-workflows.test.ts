/**
 * The publish workflows of the three kinds of git server — GitHub (.github/workflows), a self-hosted Gitea
 * (.gitea/workflows) or Forgejo (.forgejo/workflows), and GitLab (.gitlab-ci.yml) — parsed as YAML: each checks,
 * builds with `npm run build` and the site address from a CI variable, tests, and deploys only from main, only a
 * complete build, through the one deploy script. deploy/publish.sh itself runs here against a local folder.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';

const root = resolve(import.meta.dirname, '..');
const read = (path: string) => YAML.parse(readFileSync(join(root, path), 'utf8')) as Record<string, any>;

interface Command {
  /** The shell text of one step (or one line of a GitLab script). */
  run: string;
  /** When the step runs, if not always: the step's or job's `if`, or the GitLab job's rules. */
  condition: string;
  env: Record<string, string>;
}

const deployCommand = 'bash deploy/publish.sh dist';
const markerCheck = /test -f dist\/\.build-complete && test -f dist\/index\.html \|\| \{[^}]*exit 1; \}/;

/** Actions workflows (GitHub, Gitea, Forgejo): the jobs in the order `needs` gives, their steps in order. */
function actionsCommands(workflow: Record<string, any>): Command[] {
  const jobs = Object.entries(workflow.jobs as Record<string, any>);
  const ordered: [string, any][] = [];
  while (ordered.length < jobs.length) {
    const next = jobs.find(([name, job]) => !ordered.some(([done]) => done === name) && [job.needs ?? []].flat().every((need: string) => ordered.some(([done]) => done === need)));
    if (!next) throw new Error('jobs depend on each other in a circle');
    ordered.push(next);
  }
  return ordered.flatMap(([, job]) =>
    (job.steps as any[])
      .filter((step) => step.run)
      .map((step) => ({ run: String(step.run), condition: [job.if, step.if].filter(Boolean).join(' && '), env: { ...workflow.env, ...job.env, ...step.env } })),
  );
}

/** GitLab: the jobs in the order of `stages`, each script line a command. */
function gitlabCommands(pipeline: Record<string, any>): Command[] {
  const jobs = Object.entries(pipeline).filter(([, job]) => job && typeof job === 'object' && 'script' in job);
  return (pipeline.stages as string[]).flatMap((stage) =>
    jobs
      .filter(([, job]) => job.stage === stage)
      .flatMap(([, job]) =>
        (job.script as string[]).map((run) => ({ run, condition: job.rules ? JSON.stringify(job.rules) : '', env: { ...pipeline.variables, ...job.variables } })),
      ),
  );
}

const workflows: [string, () => Command[]][] = [
  ['.github/workflows/publish.yml', () => actionsCommands(read('.github/workflows/publish.yml'))],
  ['.gitea/workflows/publish.yml', () => actionsCommands(read('.gitea/workflows/publish.yml'))],
  ['.forgejo/workflows/publish.yml', () => actionsCommands(read('.forgejo/workflows/publish.yml'))],
  ['.gitlab-ci.yml', () => gitlabCommands(read('.gitlab-ci.yml'))],
];

describe.each(workflows)('%s', (_file, commandsOf) => {
  const commands = commandsOf();
  const at = (test: (run: string) => boolean) => commands.findIndex((command) => test(command.run));
  const deploy = at((run) => run.includes(deployCommand));

  it('checks, builds with npm run build, tests, and deploys with deploy/publish.sh, in that order', () => {
    expect(at((run) => run.includes('npm run check -- --code'))).toBeGreaterThanOrEqual(0);
    expect(at((run) => run.trim() === 'npm run build')).toBeGreaterThanOrEqual(0);
    expect(deploy).toBeGreaterThan(at((run) => run.includes('npm run check -- --code')));
    expect(deploy).toBeGreaterThan(at((run) => run.trim() === 'npm run build'));
    expect(deploy).toBeGreaterThan(at((run) => run.trim() === 'npm test'));
  });

  it('refuses a dist/ without the completion marker after building and again right before deploying', () => {
    const build = at((run) => run.trim() === 'npm run build');
    const checks = commands.map((command, index) => (markerCheck.test(command.run) ? index : -1)).filter((index) => index >= 0);
    expect(checks.some((index) => index > build)).toBe(true);
    expect(checks.some((index) => index < deploy)).toBe(true);
    // The deploy script refuses on its own too (tested below), whatever the workflow around it does.
    expect(readFileSync(join(root, 'deploy/publish.sh'), 'utf8')).toMatch(/if \[ ! -f "\$dist\/\.build-complete" \]/);
  });

  it('deploys only from main, never from a pull/merge request', () => {
    const condition = commands[deploy]!.condition;
    expect(condition).toMatch(/refs\/heads\/main|\$CI_DEFAULT_BRANCH/);
    expect(condition).toMatch(/pull_request|merge_request_event/);
    // The checks, the build and the tests run on pull requests too: only the deploy (job) has a condition.
    expect(commands.filter((command) => command.condition && command.condition !== condition)).toEqual([]);
  });

  it('takes the site address and the deploy secrets from CI settings, never from the file', () => {
    const env = commands[deploy]!.env;
    if (_file === '.gitlab-ci.yml') {
      // GitLab hands CI/CD variables to every job's environment; the file must not set them.
      for (const name of ['SITE_URL', 'DEPLOY_HOST', 'DEPLOY_SSH_KEY']) expect(Object.keys(read(_file).variables)).not.toContain(name);
      expect(commands.some((command) => /-z "\$SITE_URL"/.test(command.run))).toBe(true);
    } else {
      const workflowEnv = commands.find((command) => command.run.trim() === 'npm run build')!.env;
      expect(workflowEnv.SITE_URL).toBe('${{ vars.SITE_URL }}');
      for (const name of ['DEPLOY_HOST', 'DEPLOY_USER', 'DEPLOY_PATH', 'DEPLOY_SSH_KEY', 'DEPLOY_KNOWN_HOSTS']) expect(env[name]).toBe(`\${{ secrets.${name} }}`);
    }
  });
});

describe('the build caches', () => {
  // Astro's incremental-build cache (pages, share images, compiled MDX): without it every published build is a cold one.
  const cached = ['node_modules/.astro'];
  const strip = (path: string) => path.replace(/\/$/, '');
  it.each(['.github/workflows/publish.yml', '.gitea/workflows/publish.yml', '.forgejo/workflows/publish.yml'])('%s restores them before npm run build', (path) => {
    const steps = Object.values(read(path).jobs as Record<string, any>).flatMap((job) => job.steps as any[]);
    const cache = steps.findIndex((step) => String(step.uses ?? '').startsWith('actions/cache@'));
    const build = steps.findIndex((step) => step.run === 'npm run build');
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(build);
    expect(String(steps[cache].with.path).trim().split('\n').map(strip)).toEqual(cached);
  });
  it('.gitlab-ci.yml keeps them for the build job', () => {
    const caches = [read('.gitlab-ci.yml').build.cache].flat();
    expect(caches.flatMap((cache: any) => cache.paths).map(strip)).toEqual(expect.arrayContaining(cached));
  });
});

describe('Gitea and Forgejo run the same steps', () => {
  it('differ only in the runner label', () => {
    const gitea = read('.gitea/workflows/publish.yml');
    const forgejo = read('.forgejo/workflows/publish.yml');
    expect(gitea.jobs.publish['runs-on']).toBe('ubuntu-latest');
    expect(forgejo.jobs.publish['runs-on']).toBe('docker');
    expect({ ...forgejo, jobs: { publish: { ...forgejo.jobs.publish, 'runs-on': 'x' } } }).toEqual({ ...gitea, jobs: { publish: { ...gitea.jobs.publish, 'runs-on': 'x' } } });
  });

  it('build the desk for the git server from the CMS_* variables', () => {
    const env = read('.gitea/workflows/publish.yml').jobs.publish.env;
    for (const name of ['CMS_BACKEND', 'CMS_BASE_URL', 'CMS_REPO', 'CMS_APP_ID']) expect(env[name]).toBe(`\${{ vars.${name} }}`);
  });
});

describe('deploy/publish.sh', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'publish-sh-'));
    // A stand-in for ssh that runs the remote command here: rsync and the switch work on a local "server" folder.
    // rsync calls it as `fake-ssh -l user host command…`, the script as `fake-ssh user@host command`.
    writeFileSync(join(dir, 'fake-ssh'), '#!/usr/bin/env bash\nwhile [ $# -gt 0 ]; do case "$1" in -l|-i|-o|-p) shift 2 ;; -*) shift ;; *) shift; break ;; esac; done\nexec bash -c "$*"\n');
    chmodSync(join(dir, 'fake-ssh'), 0o755);
    mkdirSync(join(dir, 'dist/cases'), { recursive: true });
    writeFileSync(join(dir, 'dist/index.html'), '<h1>新版</h1>');
    writeFileSync(join(dir, 'dist/cases/a.html'), 'a');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const publish = (revision: string) =>
    spawnSync('bash', [join(root, 'deploy/publish.sh'), join(dir, 'dist')], {
      encoding: 'utf8',
      env: { ...process.env, DEPLOY_SSH: join(dir, 'fake-ssh'), DEPLOY_HOST: 'server', DEPLOY_USER: 'web', DEPLOY_PATH: join(dir, 'srv'), DEPLOY_REVISION: revision },
    });

  it('refuses a build without dist/.build-complete and touches nothing on the server', () => {
    const result = publish('aaaaaaaa');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('构建不完整（缺少');
    expect(existsSync(join(dir, 'srv'))).toBe(false);
  });

  it('names the settings that are missing, in Chinese', () => {
    writeFileSync(join(dir, 'dist/.build-complete'), '');
    const result = spawnSync('bash', [join(root, 'deploy/publish.sh'), join(dir, 'dist')], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('没有设置 DEPLOY_HOST DEPLOY_USER DEPLOY_PATH DEPLOY_SSH_KEY DEPLOY_KNOWN_HOSTS');
  });

  it('uploads a complete build into releases/, switches current to it, and links unchanged files to the last release', () => {
    writeFileSync(join(dir, 'dist/.build-complete'), '');
    const first = publish('1111111111');
    expect(first.status, first.stderr).toBe(0);
    const current = readlinkSync(join(dir, 'srv/current'));
    expect(current).toMatch(/^releases\/\d{14}-11111111$/);
    expect(readFileSync(join(dir, 'srv/current/index.html'), 'utf8')).toBe('<h1>新版</h1>');
    expect(existsSync(join(dir, 'srv/current/.build-complete'))).toBe(false);

    writeFileSync(join(dir, 'dist/index.html'), '<h1>第二版</h1>');
    const second = publish('2222222222');
    expect(second.status, second.stderr).toBe(0);
    expect(readlinkSync(join(dir, 'srv/current'))).toMatch(/-22222222$/);
    expect(readFileSync(join(dir, 'srv/current/index.html'), 'utf8')).toBe('<h1>第二版</h1>');
    expect(readdirSync(join(dir, 'srv/releases'))).toHaveLength(2);
    // The unchanged page is the same file in both releases (hard link), not a second copy.
    expect(statSync(join(dir, 'srv/current/cases/a.html')).ino).toBe(statSync(join(dir, 'srv', current, 'cases/a.html')).ino);
  });
});
