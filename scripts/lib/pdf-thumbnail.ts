/**
 * The picture of PDF page 1 shown on an issue page: poppler's `pdftoppm` renders the page as the PDF has it; on a
 * machine without poppler, Chromium (already open for the PDFs) photographs the print page in print media. sharp
 * makes a small WebP of it. Returns its size, or undefined when neither worked — then the page shows no picture.
 */
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { temporaryPathFor } from './atomic-write.ts';

/** Width of the picture in pixels: shown at 8rem, sharp on a 2× screen. */
export const thumbnailWidth = 256;

function firstPageWithPoppler(pdfFile: string): Buffer | undefined {
  const run = spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', pdfFile], { maxBuffer: 64 * 1024 * 1024 });
  return run.status === 0 && run.stdout.length ? run.stdout : undefined;
}

async function firstPageWithChromium(page: Page): Promise<Buffer | undefined> {
  const viewport = page.viewportSize();
  try {
    // A4 at 96 dpi: 210 × 297 mm.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    return await page.screenshot({ clip: { x: 0, y: 0, width: 794, height: 1123 } });
  } catch {
    return undefined;
  } finally {
    await page.emulateMedia({ media: null });
    if (viewport) await page.setViewportSize(viewport);
  }
}

export async function renderThumbnail(pdfFile: string, outFile: string, page?: Page): Promise<{ file: string; width: number; height: number } | undefined> {
  const picture = firstPageWithPoppler(pdfFile) ?? (page ? await firstPageWithChromium(page) : undefined);
  if (!picture) return undefined;
  const temporary = temporaryPathFor(outFile);
  try {
    const info = await sharp(picture).resize({ width: thumbnailWidth }).webp({ quality: 80 }).toFile(temporary);
    renameSync(temporary, outFile);
    return { file: outFile, width: info.width, height: info.height };
  } catch {
    rmSync(temporary, { force: true });
    return undefined;
  }
}
