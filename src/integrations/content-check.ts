/**
 * The content check (`npm run check`, src/lib/content-check/) as the first step of `astro build` and `astro dev`,
 * so that what the check refuses, the build refuses.
 *
 * It runs in `astro:config:setup`: in a build that is before the content layer loads anything (Astro syncs content
 * between `astro:config:done` and `astro:build:start`) and before anything is written to the output folder. The
 * check reads the files itself, so a warm content cache (node_modules/.astro) cannot hide a broken file.
 *
 * - build: errors are printed as the check prints them and the build stops (exit code 1); warnings and unpublished
 *   entries are one summary line.
 * - dev: errors are printed and shown in the browser's error overlay, the server keeps running, and the check runs
 *   again whenever a file under content/ changes.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import type { HotPayload, ViteDevServer } from 'vite';
import { runChecks } from '../lib/content-check/check-content.ts';
import type { Problem } from '../lib/content-check/problem.ts';
import { readContentSources } from '../lib/content-check/read-sources.ts';
import { countOf, formatProblemList, otherFindings } from '../lib/content-check/report.ts';

interface Outcome {
  errors: Problem[];
  /** The error list as printed, one string, to tell whether anything changed between two runs in dev. */
  errorText: string;
  /** `23 条提醒，3 项未发布`, or ''. */
  others: string;
}

async function checkProject(root: string): Promise<Outcome> {
  const { problems } = runChecks(await readContentSources(root));
  const errors = problems.filter((problem) => problem.severity === 'error');
  return { errors, errorText: formatProblemList(errors).join('\n'), others: otherFindings(problems) };
}

const othersLine = (outcome: Outcome) => (outcome.others ? `内容检查：${outcome.others}，运行 npm run check 查看详情。` : '');
const failedLine = (outcome: Outcome) => `内容检查未通过：${countOf(outcome.errors, 'error')} 个错误${outcome.others ? `（另有 ${outcome.others}）` : ''}。`;

function printErrors(outcome: Outcome) {
  console.error(`\n${outcome.errorText}\n`);
}

function watchContent(server: ViteDevServer, root: string, logger: AstroIntegrationLogger, first: Outcome) {
  const contentDir = resolve(root, 'content') + sep;
  const pagesDir = resolve(root, 'src/pages') + sep;
  let last = first;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

  // To every open page, or to the one just connected. The editors' desk (/admin/) does not show it (src/admin/desk.ts).
  const showInOverlay = (outcome: Outcome, to: { send(payload: HotPayload): void } = server.environments.client.hot) => {
    if (!outcome.errors.length) return;
    to.send({
      type: 'error',
      // Astro's overlay shows title, message and hint (as text, line breaks kept).
      err: { name: '内容检查', title: '内容有误，不能发布', message: `${failedLine(outcome)}\n\n${outcome.errorText}`, stack: '', hint: '改正后保存文件，内容检查会自动重新运行；刷新页面即可继续预览。' } as { message: string; stack: string },
    });
  };

  const recheck = () => {
    running = running.then(async () => {
      const outcome = await checkProject(root).catch((error: unknown) => {
        logger.error(`内容检查无法运行：${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      if (!outcome || outcome.errorText === last.errorText) return;
      const hadErrors = last.errors.length > 0;
      last = outcome;
      if (outcome.errors.length) {
        logger.error(failedLine(outcome));
        printErrors(outcome);
        showInOverlay(outcome);
      } else if (hadErrors) logger.info('内容检查通过：之前的错误都已改正。');
    });
  };

  const onFile = (file: string) => {
    const path = resolve(file);
    if (!path.startsWith(contentDir) && !path.startsWith(pagesDir)) return;
    clearTimeout(timer);
    timer = setTimeout(recheck, 150);
  };
  server.watcher.on('change', onFile);
  server.watcher.on('add', onFile);
  server.watcher.on('unlink', onFile);
  // A page opened (or reloaded) while the content has errors shows them too; the pages already open have them.
  server.environments.client.hot.on('vite:client:connect', (_data: unknown, client: { send(payload: HotPayload): void }) => showInOverlay(last, client));
}

export default function contentCheck(): AstroIntegration {
  let devOutcome: Outcome | undefined;
  let root = process.cwd();
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        root = fileURLToPath(config.root);
        const outcome = await checkProject(root).catch((error: unknown) => {
          // A content file missing or unreadable: say so in Chinese, not with a stack trace.
          const reason = error instanceof Error ? error.message : String(error);
          if (command === 'dev') {
            logger.error(`内容检查无法运行：${reason}`);
            return undefined;
          }
          console.error(`内容检查无法运行：${reason}\n网站没有构建。请确认 content/ 中的文件齐全、可以读取。`);
          process.exit(1);
        });
        if (!outcome) return;
        if (command === 'build') {
          if (outcome.errors.length) {
            printErrors(outcome);
            console.error(`${failedLine(outcome)}网站没有构建。请按上面的提示修改（运行 npm run check 可以单独检查内容），再重新构建。`);
            // Exit rather than throw: Astro would add an English "unhandled error in hook" line and a stack trace
            // to what editors read. Nothing has started yet (no server, no file written), so nothing is cut short.
            process.exit(1);
          }
          if (outcome.others) logger.info(othersLine(outcome));
          return;
        }
        devOutcome = outcome;
        if (outcome.errors.length) {
          logger.error(`${failedLine(outcome)}本机预览照常运行，但这些内容不能发布：`);
          printErrors(outcome);
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        watchContent(server, root, logger, devOutcome ?? { errors: [], errorText: '', others: '' });
      },
    },
  };
}
