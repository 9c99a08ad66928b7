/**
 * npm run bench:dev-search [-- 1000] [--keep]
 *
 * Issue 9's dev-loop figure: `astro dev` over N generated articles (scripts/bench/build-corpus.ts, in a temporary
 * copy of this project): how long the first request for the search index takes, and how long after saving an
 * edit to one article the served index has it (its fragment polled every 20 ms), and, for comparison, how soon
 * the server answers a static file requested at the same moment. Prints wall time, the dev server's CPU time
 * (user+sys of its process tree, from /proc) over each step, the load average and the index's own log lines.
 * Asserts nothing.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { writeBenchContent } from './bench/build-corpus.ts';
import { siteCopy } from './bench/site-copy.ts';
import { devFragmentHash } from '../src/lib/search/source-pages.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const size = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1000);
const keep = args.includes('--keep');

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

/** CPU ms (user+sys) of a process and its descendants, from /proc (Linux). */
function treeCpuMs(rootPid: number): number {
  const table = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // Ended while we read.
    }
  }
  let ticks = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    ticks += table.get(pid)?.ticks ?? 0;
    for (const [child, { ppid }] of table) if (ppid === pid) queue.push(child);
  }
  return ticks * 10;
}

const work = mkdtempSync(join(tmpdir(), 'laomo-bench-dev-'));
const site = join(work, 'site');
console.log(`bench:dev-search — N = ${size}，${cpus().length} 核，开始时负载 ${load()}，${new Date().toISOString()}`);
siteCopy(root, root, site);
writeBenchContent(join(site, 'content'), size);
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', NODE_ENV: 'development' };
for (const key of Object.keys(env)) if (/^(VITEST|TEST$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/.test(key)) delete env[key];
const dev = spawn(process.execPath, [join(site, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], { cwd: site, env, stdio: ['ignore', 'pipe', 'pipe'] });
const log: string[] = [];
const spawned = performance.now();
/** When the index's first summary line appeared, ms after astro dev was started. */
let indexReadyMs: number | undefined;
const collect = (chunk: Buffer) => {
  const lines = chunk.toString().split('\n').filter((line) => /搜索索引/.test(line));
  if (lines.length) indexReadyMs ??= performance.now() - spawned;
  log.push(...lines);
};
dev.stdout!.on('data', collect);
dev.stderr!.on('data', collect);
const cpu = () => treeCpuMs(dev.pid!);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  const started = performance.now();
  for (;;) {
    if (dev.exitCode !== null) throw new Error('astro dev 退出了');
    const status = await fetch(`${origin}/`).then((r) => r.status, () => 0);
    if (status === 200) break;
    await sleep(250);
  }
  console.log(`开发服务器就绪（首页可访问）：${seconds(performance.now() - started)}，CPU ${seconds(cpu())}，负载 ${load()}`);

  const firstCpu = cpu();
  const first = performance.now();
  const meta = await fetch(`${origin}/pagefind/cjk/meta.json`).then((r) => r.json());
  console.log(`搜索索引首次请求（紧接首页之后）：墙钟 ${seconds(performance.now() - first)}，其间开发服务器 CPU ${seconds(cpu() - firstCpu)}（${meta.pages} 页）；自启动 ${seconds(performance.now() - started)}，负载 ${load()}`);

  const file = join(site, 'content/cases/bench-00000.mdx');
  const fragment = `${origin}/pagefind/fragment/${devFragmentHash('/cases/bench-00000/')}.pf_fragment`;
  for (let round = 1; round <= 3; round++) {
    await sleep(1500);
    const phrase = `改稿测量短语${round}${Date.now()}`;
    const editCpu = cpu();
    const saved = performance.now();
    appendFileSync(file, `\n${phrase}。\n`);
    // How soon the dev server's own thread answers anything after the save (a static file, no index involved).
    const probe = fetch(`${origin}/favicon.svg`).then(async (response) => (await response.arrayBuffer(), performance.now() - saved));
    for (let tries = 0; ; tries++) {
      const response = await fetch(fragment);
      if (response.ok && gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8').includes(phrase)) break;
      if (tries > 3000) throw new Error('一分钟内没有看到改动');
      await sleep(20);
    }
    const seen = performance.now() - saved;
    console.log(`改一篇（第 ${round} 次）后索引里有改动：保存后 ${seconds(seen)}（同时请求的静态文件 ${seconds(await probe)} 后答复），开发服务器 CPU ${seconds(cpu() - editCpu)}，负载 ${load()}`);
  }
  if (indexReadyMs !== undefined) console.log(`索引建成（日志第一行出现）：启动后 ${seconds(indexReadyMs)}`);
  const sidecar = await fetch(`${origin}/pagefind/cjk/meta.json`).then((r) => r.json());
  console.log(`改动后侧车：${sidecar.pages} 页`);
  await sleep(200);
  for (const line of log) console.log(`  ${line.trim()}`);
  console.log(`结束时负载 ${load()}`);
} finally {
  dev.kill('SIGTERM');
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`保留了 ${work}`);
}
