/**
 * Writing files so that an interrupted run never leaves a half-written one: the text goes to a hidden temporary
 * file in the same folder first, and appears under its real name in one step (link or rename), only when complete.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A hidden name next to `path` (`.name.1234-ab12.tmp`): no content glob (`*.mdx`, `*.yaml`) picks it up. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(3).toString('hex')}.tmp`);
}

function writeTemporary(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, text, null, 'utf8');
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  return temporary;
}

/**
 * Creates `path` with `text`, atomically; fails with code EEXIST (and writes nothing) if `path` exists.
 * A hard link is an atomic "create if absent", unlike rename, which would replace an existing file.
 */
export function createFileAtomically(path: string, text: string): void {
  const temporary = writeTemporary(path, text);
  try {
    linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Writes `path` (replacing it if it exists) atomically: readers see the old or the new text, never a part. */
export function replaceFileAtomically(path: string, text: string): void {
  const temporary = writeTemporary(path, text);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
