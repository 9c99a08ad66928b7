/**
 * Runs a command and measures its whole process tree: wall time, CPU (user+sys from /usr/bin/time, which
 * counts every descendant that was waited for, and from sampling /proc, which also sees the others), peak
 * memory (the RSS of every live process of the tree summed, sampled every 100 ms), and the time each output
 * line appeared, for the phase split. Linux only.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface TreeRun {
  code: number | null;
  wallMs: number;
  cpuMs: number;
  peakBytes: number;
  /** Output lines with the ms since start when each was seen. */
  lines: { atMs: number; text: string }[];
}

const pageSize = 4096;
const ticksPerSecond = 100;

function processTable(): Map<number, { ppid: number; cpuTicks: number; rssPages: number }> {
  const table = new Map<number, { ppid: number; cpuTicks: number; rssPages: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is state (field 3); ppid is field 4, utime 14, stime 15, rss 24.
      table.set(Number(name), { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), rssPages: Number(fields[21]) });
    } catch {
      // The process ended while we read.
    }
  }
  return table;
}

function descendants(rootPid: number, table: ReturnType<typeof processTable>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

export function runTree(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean }): Promise<TreeRun> {
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const child = useTime
    ? spawn('/usr/bin/time', ['-f', '@@time %e %U %S %M', command, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: TreeRun['lines'] = [];
  let timeLine = '';
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const text of parts) {
        if (text.startsWith('@@time ')) timeLine = text;
        else {
          lines.push({ atMs: performance.now() - started, text });
          if (options.echo) console.log(`    │ ${text}`);
        }
      }
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);
  let peakBytes = 0;
  const lastTicks = new Map<number, number>();
  const sample = () => {
    const table = processTable();
    let rss = 0;
    for (const pid of descendants(child.pid!, table)) {
      const row = table.get(pid);
      if (!row) continue;
      rss += row.rssPages * pageSize;
      lastTicks.set(pid, row.cpuTicks);
    }
    peakBytes = Math.max(peakBytes, rss);
  };
  const timer = setInterval(sample, 100);
  return new Promise((resolvePromise) => {
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const sampledCpuMs = ([...lastTicks.values()].reduce((a, b) => a + b, 0) * 1000) / ticksPerSecond;
      const [, , user, sys, maxKb] = timeLine.split(' ');
      const timedCpuMs = timeLine ? (Number(user) + Number(sys)) * 1000 : 0;
      // /usr/bin/time's max RSS is of the largest single process; the sampled sum is of the tree.
      peakBytes = Math.max(peakBytes, timeLine ? Number(maxKb) * 1024 : 0);
      resolvePromise({ code, wallMs, cpuMs: Math.max(timedCpuMs, sampledCpuMs), peakBytes, lines });
    });
  });
}
