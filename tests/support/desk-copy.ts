/**
 * A throw-away git copy of the project with the desk running on it (`npm run desk -- --repo COPY`), for the
 * end-to-end test: whatever the desk commits lands in the copy, never in the working tree. The copy holds the
 * working tree as it is (committed or not, minus ignored files) as one commit on `main`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { astroCommandEnv, freePort } from './child-process.ts';

const root = resolve(import.meta.dirname, '../..');

export interface DeskCopy {
  repo: string;
  siteUrl: string;
  proxyUrl: string;
  git(...args: string[]): string;
  stop(): Promise<void>;
}

/** `prepare` runs in the copy before its one commit (e.g. `npm run import` there, as an editor would). */
export async function startDeskOnCopy({ prepare }: { prepare?: (repo: string) => void } = {}): Promise<DeskCopy> {
  const parent = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  const repo = join(parent, 'site');
  const run = (...args: string[]) => {
    const result = spawnSync('git', args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  const files = run('-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    try {
      mkdirSync(dirname(join(repo, file)), { recursive: true });
      cpSync(join(root, file), join(repo, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted, not yet committed
    }
  }
  run('-C', repo, 'init', '--quiet', '--initial-branch=main');
  symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'));
  // The symlink is a file to git, which `node_modules/` in .gitignore does not match.
  appendFileSync(join(repo, '.git/info/exclude'), 'node_modules\n');
  prepare?.(repo);
  run('-C', repo, 'config', 'user.name', '编辑台测试');
  run('-C', repo, 'config', 'user.email', 'desk-test@example.org');
  run('-C', repo, 'add', '--all');
  run('-C', repo, 'commit', '--quiet', '-m', '测试用副本');

  const sitePort = await freePort();
  const proxyPort = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['scripts/desk.ts', '--repo', repo, '--port', String(sitePort), '--proxy-port', String(proxyPort)], {
    cwd: root,
    env: astroCommandEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const siteUrl = await new Promise<string>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = /(http:\/\/127\.0\.0\.1:\d+)\/admin\//.exec(output);
      if (address) done(address[1]!);
    });
    child.on('exit', (code) => fail(new Error(`npm run desk 退出（${code}）：\n${output}`)));
  });

  return {
    repo,
    siteUrl,
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    git: (...args: string[]) => run('-C', repo, ...args),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGINT');
        await exited;
      }
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
