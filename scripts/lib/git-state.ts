/**
 * What git knows about the content, for `npm run check`: the cases and issues published in the last committed state
 * (the upstream branch when there is one, else HEAD), and the content files changed since. Without git, or
 * outside a repository, or before the first commit, both are undefined and the check goes on without them.
 */
import { spawnSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import { globEntryId } from '../../src/lib/content-check/entry-id.ts';
import type { PublishedBefore, PublishedCase } from '../../src/lib/content-check/missing-redirects.ts';
import { parseMdxSource, parseYamlSource } from '../../src/lib/content-check/parse-source.ts';
import { contentPaths } from '../../src/lib/content-paths.ts';
import { unpublishedReason } from '../../src/lib/publishing.ts';

function git(root: string, args: string[], input?: string) {
  const result = spawnSync('git', args, { cwd: root, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });
  return result.error || result.status !== 0 ? undefined : result.stdout;
}

const posix = (path: string) => path.split(sep).join('/');

/** The upstream branch (`origin/main`) if the current branch has one, else `HEAD`; undefined outside git. */
function comparedRef(root: string): string | undefined {
  if (!git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])) return undefined;
  const upstream = git(root, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'])?.toString().trim();
  return upstream || 'HEAD';
}

/** Each `<sha> blob <size>\n<bytes>\n` record of `git cat-file --batch`, in order. */
function batchContents(output: Buffer): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  let at = 0;
  while (at < output.length) {
    const lineEnd = output.indexOf(0x0a, at);
    if (lineEnd === -1) break;
    const header = output.subarray(at, lineEnd).toString('utf8').split(' ');
    if (header[1] !== 'blob') {
      texts.push(undefined); // `… missing`
      at = lineEnd + 1;
      continue;
    }
    const size = Number(header[2]);
    texts.push(output.subarray(lineEnd + 1, lineEnd + 1 + size).toString('utf8'));
    at = lineEnd + 1 + size + 1;
  }
  return texts;
}

/**
 * The published cases and issues of the compared state whose files have changed or gone since (the others
 * keep their id, so they cannot be missing).
 */
export function readPublishedBefore(root: string, now = new Date()): PublishedBefore | undefined {
  const ref = comparedRef(root);
  if (!ref) return undefined;
  const top = git(root, ['rev-parse', '--show-toplevel'])?.toString().trim();
  if (!top) return undefined;
  const cases = publishedIn(root, top, ref, contentPaths.cases, '.mdx', now);
  const issues = publishedIn(root, top, ref, contentPaths.issues, '.yaml', now);
  return cases && issues ? { ref, cases, issues } : undefined;
}

function publishedIn(root: string, top: string, ref: string, folder: string, extension: string, now: Date): PublishedCase[] | undefined {
  const folderFromTop = posix(relative(top, join(root, folder)));
  const listing = git(root, ['ls-tree', '-r', '-z', '--full-name', '--name-only', ref, '--', join(root, folder)]);
  if (listing === undefined) return undefined;
  const changed = git(root, ['diff', '--name-only', '-z', '--no-renames', ref, '--', join(root, folder)]);
  if (changed === undefined) return undefined;
  const changedPaths = new Set(changed.toString('utf8').split('\0'));
  const paths = listing.toString('utf8').split('\0').filter((path) => path.endsWith(extension) && changedPaths.has(path));
  if (!paths.length) return [];
  const output = git(root, ['cat-file', '--batch'], paths.map((path) => `${ref}:${path}`).join('\n') + '\n');
  if (!output) return undefined;
  const texts = batchContents(output);
  const entries: PublishedCase[] = [];
  paths.forEach((path, index) => {
    const text = texts[index];
    if (text === undefined) return;
    const data = (extension === '.mdx' ? parseMdxSource(text) : parseYamlSource(text)).data as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object') return;
    const date = data.date instanceof Date ? data.date : new Date(String(data.date));
    // An unreadable date counts as published: better to ask for a redirect than to lose an address.
    if (unpublishedReason({ draft: data.draft === true, date: Number.isNaN(date.getTime()) ? new Date(0) : date }, now)) return;
    const relativePath = path.slice(folderFromTop.length + 1);
    entries.push({ id: globEntryId(relativePath, data), file: posix(relative(root, join(top, path))), title: typeof data.title === 'string' ? data.title : undefined });
  });
  return entries;
}

/** Content files (root-relative) changed or added since HEAD, including untracked ones; undefined outside git. */
export function changedContentFiles(root: string): Set<string> | undefined {
  const top = git(root, ['rev-parse', '--show-toplevel'])?.toString().trim();
  const status = top && git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', join(root, 'content')]);
  if (!top || status === undefined) return undefined;
  const files = new Set<string>();
  const records = status.toString('utf8').split('\0');
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index]!;
    if (record.length < 4) continue;
    files.add(posix(relative(root, join(top, record.slice(3)))));
    if (record[0] === 'R' || record[0] === 'C') index += 1; // the original name follows
  }
  return files;
}
