/**
 * Build into a new folder and put it in place of dist/ only when every step succeeded, so an interrupted or
 * failed build never leaves an empty or partial dist/ to preview, test or deploy: dist/ stays as it was.
 * The finished folder carries a marker (`.build-complete`) that the publish workflow checks before deploying.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export const COMPLETE_MARKER = '.build-complete';

/** A build step: the program and its arguments; `{out}` in an argument stands for the folder being built. */
export type BuildStep = string[];

export interface BuildSwapOptions {
  distDir: string;
  steps: BuildStep[];
  cwd?: string;
  log?: (line: string) => void;
}

const siblings = (distDir: string, infix: string) =>
  readdirSync(dirname(distDir)).filter((name) => name.startsWith(`${basename(distDir)}${infix}`)).map((name) => join(dirname(distDir), name));

/** Leftovers of a run that was killed outright: half-built folders go; a dist/ moved aside mid-switch comes back. */
function recover(distDir: string): void {
  for (const folder of siblings(distDir, '.building')) rmSync(folder, { recursive: true, force: true });
  const previous = siblings(distDir, '.previous-');
  if (!existsSync(distDir) && previous.length > 0) renameSync(previous[0]!, distDir);
  for (const folder of siblings(distDir, '.previous-')) rmSync(folder, { recursive: true, force: true });
}

function runStep(step: BuildStep, outDir: string, cwd: string): Promise<number> {
  const [command, ...args] = step.map((part) => part.replaceAll('{out}', outDir));
  return new Promise((resolveCode) => {
    const child = spawn(command!, args, { cwd, stdio: 'inherit' });
    child.on('error', () => resolveCode(127));
    child.on('close', (code, signal) => resolveCode(code ?? (signal ? 128 + 2 : 1)));
  });
}

/** Runs the steps into `<dist>.building`; on success switches it in place of dist/. Returns the exit code. */
export async function buildThenSwap({ distDir: dist, steps, cwd = process.cwd(), log = console.log }: BuildSwapOptions): Promise<number> {
  const distDir = resolve(cwd, dist);
  recover(distDir);
  // The same name every time: Astro's content cache (node_modules/.astro) is cleared when its config, outDir
  // included, changes, so a per-run name would make every build re-read and re-render all content.
  const building = `${distDir}.building`;
  const cleanUp = () => rmSync(building, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    log(`\n构建被中断（${signal}），${dist} 保持原样，没有改动。`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const step of steps) {
      const code = await runStep(step, building, cwd);
      if (code !== 0) {
        cleanUp();
        log(`\n构建没有完成（${step.join(' ')} 退出码 ${code}），${dist} 保持原样，没有改动。`);
        return code;
      }
    }
    if (!existsSync(join(building, 'index.html'))) {
      cleanUp();
      log(`\n构建结果里没有 index.html，${dist} 保持原样，没有改动。`);
      return 1;
    }
    writeFileSync(join(building, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    // Two renames: the old dist/ is moved aside first, so dist/ is at every moment the old or the new build
    // (or briefly absent, never partial); a run killed between them is repaired by recover() next time.
    const previous = `${distDir}.previous-${process.pid}`;
    if (existsSync(distDir)) renameSync(distDir, previous);
    renameSync(building, distDir);
    rmSync(previous, { recursive: true, force: true });
    log(`构建完成，已切换到新的 ${dist}。`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
