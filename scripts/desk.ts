/**
 * `npm run desk`: the editors' desk on this computer. Starts the site (`astro dev`) and Decap's git proxy
 * (`decap-server` in git mode, the editorial workflow included), both on the loopback address only, and prints
 * the address to open. Saving in the desk writes the file and commits it in this repository. Ctrl-C stops both.
 *
 *   npm run desk                       site on 4321 (or the next free port), proxy on 8081 (or the next free)
 *   npm run desk -- --port 4400 --proxy-port 8090 --repo /path/to/copy
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultProxyPort } from '../src/lib/cms/backend.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4321' },
    'proxy-port': { type: 'string', default: String(defaultProxyPort) },
    repo: { type: 'string', default: process.cwd() },
  },
});
const repo = resolve(values.repo);
const host = '127.0.0.1';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, host, () => server.close(() => done(true)));
  });
}

async function firstFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`端口 ${from}–${from + 49} 都被占用了。请关掉其他程序，或用 --port 指定端口。`);
}

function git(...args: string[]) {
  return spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
}

const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
if (branch.status !== 0) {
  console.error(`编辑台需要一个 git 仓库：${repo} 不是。请在网站项目的文件夹里运行 npm run desk。`);
  process.exit(1);
}
const branchName = branch.stdout.trim();
if (branchName.startsWith('cms/')) {
  console.error(`当前在编辑台的草稿分支 ${branchName} 上。请先运行 git checkout main（或你的主分支），再运行 npm run desk。`);
  process.exit(1);
}

const sitePort = await firstFreePort(Number(values.port));
const proxyPort = await firstFreePort(Number(values['proxy-port']));
// The programs come from this project's node_modules, whichever repository the desk edits.
const modules = resolve(import.meta.dirname, '../node_modules');
const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const prefix = (text: string) => text.split('\n').filter(Boolean).map((line) => `[${name}] ${line}`).join('\n');
  child.stdout!.on('data', (chunk: Buffer) => process.env.DESK_VERBOSE && console.log(prefix(chunk.toString())));
  child.stderr!.on('data', (chunk: Buffer) => console.error(prefix(chunk.toString())));
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} 意外退出（退出码 ${code}），编辑台已停止。`);
      stopAll(code || 1);
    }
  });
  return child;
}

// Vitest/npm variables such as MODE would change what Astro builds; each child gets only what it needs.
const baseEnv: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
delete baseEnv.MODE;

start('git 代理', process.execPath, [resolve(modules, 'decap-server/dist/index.js')], {
  ...baseEnv,
  MODE: 'git',
  PORT: String(proxyPort),
  BIND_HOST: host,
  GIT_REPO_DIRECTORY: repo,
  LOG_LEVEL: 'warn',
});
start('网站', process.execPath, [resolve(modules, 'astro/bin/astro.mjs'), 'dev', '--host', host, '--port', String(sitePort)], {
  ...baseEnv,
  LAOMO_DESK: '1',
  CMS_BACKEND: 'proxy',
  CMS_PROXY_URL: `http://${host}:${proxyPort}/api/v1`,
  CMS_BRANCH: branchName,
});

process.on('SIGINT', () => stopAll(0));
process.on('uncaughtException', (error) => {
  console.error(error);
  stopAll(1);
});
process.on('SIGTERM', () => stopAll(0));

const deskUrl = `http://${host}:${sitePort}/admin/`;
for (let attempt = 0; attempt < 240 && !stopping; attempt++) {
  try {
    const response = await fetch(`http://${host}:${sitePort}/admin/config.yml`);
    if (response.ok) break;
  } catch {
    // not up yet
  }
  await new Promise((wait) => setTimeout(wait, 500));
}
if (!stopping) {
  console.log(`\n编辑台已启动。请在浏览器中打开：\n\n    ${deskUrl}\n\n点“登录”即可开始（本机使用不需要密码）。保存的内容直接提交到本仓库的 ${branchName} 分支（经“草稿 → 待审 → 可发布”）。\n网站预览：http://${host}:${sitePort}/\n按 Ctrl-C 停止编辑台。\n`);
}
