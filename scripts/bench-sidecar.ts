/**
 * npm run bench:sidecar [-- 1000 5000] [--rounds 2]
 *
 * CPU and memory of building the CJK sidecar (src/lib/search/build-sidecar.ts) over N generated pages made from
 * the real paragraphs (scripts/search/corpus.ts), shaped like Pagefind's fragments (zero-width spaces between
 * words, `. ` between blocks), folded with the full OpenCC table, against the builder as it was before
 * (scripts/bench/reference-sidecar.ts). Each build runs in its own child process, old and new
 * interleaved, so peak RSS is the build's own; prints CPU ms (process.cpuUsage: adding the pages, making the
 * files), peak RSS and heap, and fails loudly if the two builders' files differ in any byte.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatChineseDate } from '../src/lib/dates.ts';
import { openccFoldTable } from '../src/integrations/pagefind-index.ts';
import { createSidecarBuilder, sidecarOrder, type IndexedPage } from '../src/lib/search/build-sidecar.ts';
import * as reference from './bench/reference-sidecar.ts';
import { generateCorpus, mulberry32 } from './search/corpus.ts';

const args = process.argv.slice(2);

/** A generated page, made when it is added (as the build reads one fragment at a time), so memory is the builder's. */
export interface BenchPage {
  url: string;
  meta: Record<string, string>;
  page(): IndexedPage;
}

/**
 * Pages as Pagefind's fragments give them: its content has U+200B between the words it segmented; parsed from
 * JSON, as the build reads them (flat strings).
 */
export function benchPages(size: number): BenchPage[] {
  return generateCorpus(size).map((article, n) => {
    const url = `/cases/${article.id}/`;
    const meta = { title: article.title, published: article.date.toISOString().slice(0, 10) };
    const page = (): IndexedPage => {
      const random = mulberry32(n);
      let content = '';
      let word = 0;
      const [, city, county] = article.trail;
      const blocks = [article.title, article.subtitle, `${article.organisation}${formatChineseDate(article.date)}`, article.editorNote && `编者按：${article.editorNote}`, ...article.paragraphs];
      for (const char of blocks.filter(Boolean).join('. ')) {
        content += char;
        if (++word >= 1 + Math.floor(random() * 3)) {
          content += '\u200b';
          word = 0;
        }
      }
      const filters = {
        type: ['案例'],
        city: [city!.name],
        county: [county!.name],
        topic: article.topics,
        year: [String(article.date.getUTCFullYear())],
        ...(article.issue ? { issue: [article.issue.id] } : {}),
      };
      return JSON.parse(JSON.stringify({ hash: `zh_${n.toString(16).padStart(7, '0')}`, url, content, meta, filters }));
    };
    return { url, meta, page };
  });
}

interface RunResult {
  addMs: number;
  filesMs: number;
  peakRss: number;
  /** JS heap plus ArrayBuffers (the new postings live in typed arrays) once every page is added. */
  heapAfterAdd: number;
  baseRss: number;
  files: number;
  bytes: number;
  digest: string;
}

const peakRss = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function child(which: 'old' | 'new', size: number): Promise<RunResult> {
  const fold = await openccFoldTable();
  const pages = sidecarOrder(benchPages(size));
  globalThis.gc?.();
  const baseRss = process.memoryUsage().rss;
  const builder = which === 'new' ? createSidecarBuilder({ fold }) : reference.createSidecarBuilder({ fold });
  let addMs = 0;
  let started: number;
  for (const { page } of pages) {
    const indexed = page();
    started = cpuMs();
    builder.addPage(indexed);
    addMs += cpuMs() - started;
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  const heapAfterAdd = heapUsed + arrayBuffers;
  started = cpuMs();
  const hash = createHash('sha256');
  let files = 0;
  let bytes = 0;
  let filesMs = 0;
  for (const [path, text] of builder.files()) {
    filesMs += cpuMs() - started;
    hash.update(`${path}\n${text.length}\n`).update(text);
    files += 1;
    bytes += Buffer.byteLength(text);
    started = cpuMs();
  }
  return { addMs, filesMs, peakRss: peakRss(), heapAfterAdd, baseRss, files, bytes, digest: hash.digest('hex') };
}

if (args[0] === '--child') {
  const result = await child(args[1] as 'old' | 'new', Number(args[2]));
  process.stdout.write(JSON.stringify(result));
} else if (import.meta.main) {
  const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 2;
  const sizes = args.filter((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--rounds').map(Number);
  if (sizes.length === 0) sizes.push(1000, 5000);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const run = (which: 'old' | 'new', size: number): RunResult =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', import.meta.filename, '--child', which, String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  let failed = false;
  for (const size of sizes) {
    console.log(`\n=== ${size} 页 ===`);
    const results: Record<'old' | 'new', RunResult[]> = { old: [], new: [] };
    for (let round = 0; round < rounds; round++) {
      for (const which of ['old', 'new'] as const) {
        const result = run(which, size);
        results[which].push(result);
        console.log(
          `${which}  加页 ${result.addMs.toFixed(0)} ms + 出文件 ${result.filesMs.toFixed(0)} ms CPU；` +
            `峰值 RSS ${mb(result.peakRss)}（开始时 ${mb(result.baseRss)}），加完页后堆+typed arrays ${mb(result.heapAfterAdd)}；` +
            `${result.files} 个文件 ${mb(result.bytes)}，sha256 ${result.digest.slice(0, 12)}`,
        );
      }
    }
    const digests = new Set([...results.old, ...results.new].map((result) => result.digest));
    if (digests.size !== 1) {
      failed = true;
      console.error(`!!! ${size} 页：新旧侧车文件不一致（${[...digests].join(' / ')}）`);
    }
    const best = (which: 'old' | 'new') => Math.min(...results[which].map((result) => result.addMs + result.filesMs));
    const peak = (which: 'old' | 'new') => Math.max(...results[which].map((result) => result.peakRss - result.baseRss));
    console.log(
      `最少 CPU：old ${best('old').toFixed(0)} ms，new ${best('new').toFixed(0)} ms（${(best('old') / best('new')).toFixed(1)}×）；` +
        `峰值 RSS 增量：old ${mb(peak('old'))}，new ${mb(peak('new'))}；文件${digests.size === 1 ? '逐字节相同' : '不同'}`,
    );
  }
  if (failed) process.exit(1);
}
