/**
 * Headless Chromium from Debian's `chromium` package, driven by playwright-core. Nothing is downloaded:
 * when the browser is missing we say what to install.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export const installHint = '需要 Debian 的 chromium 和 fonts-noto-cjk：以 root 运行 `apt-get update && apt-get install -y chromium fonts-noto-cjk`（或运行 npm run setup:system）。';

export function findChromium(): string | undefined {
  return candidates.find((path) => existsSync(path));
}

/** Flags for a sandboxed, offline machine: no background connections, no first-run, no GPU. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`找不到 Chromium。${installHint}`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: chromiumArgs });
}
