/**
 * One page in, drafts out: decoded text → repaired, structured page → MDX/YAML strings, report and the
 * accounting proof. No file I/O; the CLI reads and writes.
 */
import { freeId } from '../entry-id.ts';
import { toPinyinSlug } from '../pinyin-slug.ts';
import { proveNothingLost, type AccountingResult, type OutputFile } from './accounting.ts';
import { markdownMarker, segmentBlocks } from './blocks.ts';
import { classifyBlocks } from './classify.ts';
import { moveDriftedParagraphs } from './drift.ts';
import { flagRepeatedSentences, removeDuplicateParagraphs, removeRepeatedTrailingFragments } from './duplicates.ts';
import { joinBrokenParagraphs } from './join.ts';
import { bylineOf, findTraditionalCharacters, guessOrganisation, latestYear } from './metadata.ts';
import { fixPunctuation } from './punctuation.ts';
import { PUBLICATION, renderCaseMdx, renderIssueYaml, type CaseDraft } from './render.ts';
import { splitPage } from './structure.ts';
import { fullPrintedName, seriesOf, suggestTopics, type TopicEntry } from './suggestions.ts';
import { emptyReport, excerpt, type Article, type ImportReport, type PageHeader } from './types.ts';

export interface ImportOptions {
  /** Name of the source file, recorded in `source.file`. */
  fileName: string;
  issueId?: string;
  /** Region id named in an organisation's name or headline, if the project can guess one. */
  guessRegion?: (text: string) => string | undefined;
  /** For tests: the year to use when the page prints none. */
  fallbackYear?: number;
  /**
   * Ids already used by files from other pages (the CLI reads them from the output folder): new ids get
   * `-2`, `-3` … instead. Files from this same page are not listed, so a re-import meets them as conflicts.
   */
  takenIds?: { cases?: ReadonlySet<string>; issues?: ReadonlySet<string> };
  /** content/topics.yaml: topics whose words occur in an article are suggested (never set). */
  topics?: readonly TopicEntry[];
}

export interface ImportResult {
  issueId: string;
  /** Paths relative to the content directory: `cases/<id>.mdx`, `issues/<id>.yaml`. */
  files: OutputFile[];
  report: ImportReport;
  proof: AccountingResult;
}

/** Phrases that date the page itself ("this year is …"), shown next to the guessed year. */
const YEAR_HINTS = [{ pattern: /今年[^。]{0,6}二十大召开之年/, phrase: '今年是党的二十大召开之年', year: 2022 }];
const MAX_PUNCTUATION_EXAMPLES = 8;
/** Marks the editor must see every change of: a stop, ellipsis or quote typed half-width is easy to miss. */
const ALWAYS_LISTED = new Set(['.', '...', '"']);
const DEFAULT_REGION = 'zhejiang';

const HAN = /[\u3400-\u9fff]/;
const slugOf = (text: string | undefined) => (text ? toPinyinSlug(text, { separator: '-', maxSyllables: 8 }) : '');

/**
 * The issue's id: from the file name (`004_54fb161613d80c24.txt` → `004-54fb161613d80c24`; a Chinese name by
 * its pinyin, `温州专版.txt` → `wen-zhou-zhuan-ban`), else from the page's title, else `zhuanban-<year>`; never
 * empty or generic, and never one of `taken`.
 */
export function importIssueId(fileName: string, title: string | undefined, year: number, taken: ReadonlySet<string> = new Set()): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const fromName = HAN.test(base) ? slugOf(base) : base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return freeId(fromName || slugOf(title) || `zhuanban-${year}`, taken);
}

export function importPage(text: string, encoding: string, options: ImportOptions): ImportResult {
  const report = emptyReport(options.fileName, encoding);
  const { repairs, removals, warnings } = report;

  const blocks = segmentBlocks(text);
  for (const block of blocks) {
    const marker = markdownMarker(block);
    if (marker) removals.push({ kind: 'markup', line: block.line, text: marker, reason: 'Markdown 标题标记' });
  }

  let classified = classifyBlocks(blocks, repairs);
  classified = removeDuplicateParagraphs(classified, repairs, removals);
  classified = removeRepeatedTrailingFragments(classified, repairs, removals);
  flagRepeatedSentences(classified, warnings);

  const { units, joins } = joinBrokenParagraphs(classified, repairs, warnings);
  report.joins = joins;
  report.captions = units.filter((u) => u.kind === 'caption').map((u) => ({ line: u.line, text: u.text }));

  const { header, articles } = splitPage(units, repairs, removals, warnings);
  const moved = moveDriftedParagraphs(articles, removals, repairs, warnings);
  report.moved = moved.map((u) => ({ line: u.line, text: u.text }));

  fixAllPunctuation(header, articles, report);

  const allText = [header.title, header.subtitle, header.editorNote, ...articles.flatMap((a) => a.body.map((u) => u.text))]
    .filter((t): t is string => Boolean(t));
  let year = latestYear(allText);
  if (year === undefined) {
    year = options.fallbackYear ?? new Date().getFullYear();
    warnings.push({ message: `正文中没有找到年份，日期暂定为 ${year} 年（date: ${year}-01-01），请编辑核实` });
  } else {
    const hint = YEAR_HINTS.find((h) => allText.some((t) => h.pattern.test(t)));
    warnings.push({
      message: `版面没有印日期，按正文中最晚的年份暂定为 ${year} 年（date: ${year}-01-01，datePrecision: year），请对照原报核实日期${
        hint && hint.year !== year ? `；正文说“${hint.phrase}”，即 ${hint.year} 年` : ''
      }`,
    });
  }

  const traditional = findTraditionalCharacters(allText.join(''));
  if (traditional.length > 0) {
    const where = blocks.find((b) => traditional.some((c) => b.text.includes(c)));
    warnings.push({
      line: where?.line,
      message: `简体文本中出现繁体字：${traditional.join('、')}（未改动），请核对`,
      excerpt: where ? excerpt(where.text.slice(Math.max(0, where.text.indexOf(traditional[0]) - 8)), 20) : undefined,
    });
  }
  if (articles.length === 0) warnings.push({ message: '没有识别出任何文章，请检查输入文件' });

  // An id given with --issue is the editor's choice: an existing file under it is a conflict, not renamed.
  const issueId = options.issueId ?? importIssueId(options.fileName, header.title, year, options.takenIds?.issues);
  const usedIds = new Set<string>(options.takenIds?.cases);
  const series = seriesOf(header.subtitle) ?? seriesOf(header.kicker);
  const pageTexts = [header.editorNote, header.subtitle, header.kicker].filter((t): t is string => Boolean(t));
  const drafts = articles.map((article) => draftFor(article, header, articles.length, options, year, usedIds, report, pageTexts));
  report.articles = drafts.map((d) => ({ id: d.id, title: d.title, organisation: d.organisation }));

  const files: OutputFile[] = drafts.map((d) => ({ path: `cases/${d.id}.mdx`, content: renderCaseMdx(d) }));
  if (drafts.length > 0) {
    files.push({
      path: `issues/${issueId}.yaml`,
      content: renderIssueYaml({
        id: issueId,
        kicker: header.kicker,
        title: header.title ?? `${PUBLICATION}（${issueId}）`,
        titleNote: header.title ? undefined : '原版无版面总标题，此标题由导入程序暂拟，请编辑补写。',
        subtitle: header.subtitle,
        editorNote: header.editorNote,
        cases: drafts.map((d) => d.id),
        series,
        sourceFile: options.fileName,
        year,
      }),
    });
    if (!header.title) warnings.push({ message: '版面没有总标题，期次标题暂用“劳模工匠专版（期号）”，请编辑补写' });
  }

  const proof = proveNothingLost(text, files, report);
  return { issueId, files, report, proof };
}

function draftFor(
  article: Article,
  header: PageHeader,
  articleCount: number,
  options: ImportOptions,
  year: number,
  usedIds: Set<string>,
  report: ImportReport,
  pageTexts: readonly string[],
): CaseDraft {
  const bodyTexts = article.body.map((u) => u.text);
  // Keep the organisation's name as printed in full on the page, not its short form from the running text.
  // A name printed in the article's own headline stays exactly as printed.
  const guessed = guessOrganisation(article);
  const organisation = article.headline?.organisation ? guessed : fullPrintedName(guessed, [...pageTexts, ...bodyTexts]);
  const firstPara = article.body.find((u) => u.kind === 'para');
  let title = article.headline?.title;
  let titleNote: string | undefined;
  if (!title && header.title && articleCount === 1) {
    // The page's only article has no headline of its own. Its title must differ from the issue's (the check
    // refuses two entries with one title): the page title with the organisation, marked as made up.
    title = organisation ? `${organisation}：${header.title}` : `${header.title}（案例）`;
    titleNote = '版面只有这一篇文章，没有单独的标题；此标题由版面标题加单位暂拟，请编辑补写。';
    report.warnings.push({ line: article.line, message: '文章没有单独的标题，已用版面标题加单位暂拟（与期次标题区分），请补写', excerpt: title });
  }
  if (!title) {
    title = `【待补标题】${organisation || excerpt(firstPara?.text ?? '', 12)}`;
    titleNote = '原版缺标题（排版时丢失），此标题由导入程序暂拟，请编辑补写。';
    report.warnings.push({ line: article.line, message: '文章缺少标题（只有电头/正文），已暂拟标题，请补写', excerpt: excerpt(firstPara?.text ?? '') });
  }
  if (!organisation) report.warnings.push({ line: article.line, message: '未能识别单位（organisation），请编辑填写', excerpt: title });
  const topicSuggestions = options.topics ? suggestTopics([title, ...bodyTexts].join('\n'), options.topics) : [];
  report.warnings.push({
    line: article.line,
    message: topicSuggestions.length
      ? `话题（topics）未设置；按关键词建议：${topicSuggestions.map((t) => `${t.id}（${t.name}）`).join('、')}，请选定后填入`
      : '话题（topics）未设置，请从 content/topics.yaml 中选择',
    excerpt: title,
  });

  // Own printed headline: its organisation or title; otherwise (title borrowed or made up) the organisation.
  const slugSource = article.headline?.organisation || (article.headline ? title : organisation || header.title || title);
  const base = slugOf(slugSource) || slugOf(organisation) || slugOf(title) || `anli-${year}`;
  const id = freeId(base, usedIds);
  usedIds.add(id);

  // The region is read from the organisation's name (平阳县劳模协会 → 平阳县), else from the headline.
  const region =
    [organisation, article.headline?.subtitle, article.headline?.title].reduce<string | undefined>(
      (found, text) => found ?? (text ? options.guessRegion?.(text) : undefined),
      undefined,
    ) ?? DEFAULT_REGION;

  return {
    id,
    kicker: article.headline?.kicker,
    title,
    subtitle: article.headline?.subtitle,
    titleNote,
    organisation,
    region,
    byline: bylineOf(article),
    topicSuggestions,
    sourceFile: options.fileName,
    year,
    body: article.body,
  };
}

function fixAllPunctuation(header: PageHeader, articles: Article[], report: ImportReport): void {
  const fix = (text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    const result = fixPunctuation(text);
    if (result.rejected) report.warnings.push({ message: 'zhlint 的修改超出标点范围，这段文字的标点未改动', excerpt: excerpt(text) });
    report.punctuation.count += result.changes.length;
    // One example per kind of mark first, so the editor sees every kind of change.
    const examples = report.punctuation.examples;
    for (const change of result.changes) {
      const newKind = !examples.some((e) => e.mark === change.mark);
      if (ALWAYS_LISTED.has(change.mark) || (examples.length < MAX_PUNCTUATION_EXAMPLES && (newKind || examples.length < 3))) examples.push(change);
    }
    return result.text;
  };
  header.kicker = fix(header.kicker);
  header.title = fix(header.title);
  header.subtitle = fix(header.subtitle);
  header.editorNote = fix(header.editorNote);
  for (const article of articles) {
    if (article.headline) {
      article.headline.kicker = fix(article.headline.kicker);
      article.headline.title = fix(article.headline.title)!;
      article.headline.subtitle = fix(article.headline.subtitle);
    }
    article.body = article.body.map((unit) => ({ ...unit, text: fix(unit.text)! }));
  }
  for (const key of ['kicker', 'subtitle'] as const) {
    for (const article of articles) if (article.headline && article.headline[key] === undefined) delete article.headline[key];
    if (header[key] === undefined) delete header[key];
  }
}
