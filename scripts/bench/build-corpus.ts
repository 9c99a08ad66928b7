/**
 * The generated content of `npm run bench:build` (issue 9): N cases over the county-level regions of
 * content/regions.json (the 90 whose parent is a city), 1–3 topics of content/topics.yaml, dates over ten
 * years, N/20 issues of 20 cases; headlines and bodies made from the real paragraphs (scripts/search/corpus.ts).
 * Deterministic for a size. Plain paragraphs only, so the minimal baseline site renders the same MDX files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { mulberry32, realText } from '../search/corpus.ts';
import { applyFixes, typographyFixes } from '../../src/lib/content-check/typography.ts';

const root = resolve(import.meta.dirname, '../..');

const quote = (text: string) => JSON.stringify(text);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** The real paragraphs with `npm run check -- --fix`'s punctuation fixes, so the build's content check passes. */
const checked = (text: string) => applyFixes(text, typographyFixes(text, [{ start: 0, end: text.length, field: '正文' }]));

export interface GeneratedContent {
  cases: number;
  issues: number;
}

/** Writes `cases/*.mdx` and `issues/*.yaml` under contentDir. */
export function writeBenchContent(contentDir: string, size: number, seed = 9): GeneratedContent {
  const random = mulberry32(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const regions: { id: string; kind: string; parent?: string; name: string }[] = JSON.parse(readFileSync(join(root, 'content/regions.json'), 'utf8'));
  const cityIds = new Set(regions.filter((region) => region.kind === 'city').map((region) => region.id));
  const counties = regions.filter((region) => region.parent && cityIds.has(region.parent));
  const topicIds = (parse(readFileSync(join(root, 'content/topics.yaml'), 'utf8')) as { id: string }[]).map((topic) => topic.id);
  const real = realText();
  const { organisations } = real;
  const titles = real.titles.map(checked);
  const paragraphs = real.paragraphs.map(checked);
  const sourceFile = /file:\s*"?([^"\n]+)"?/.exec(readFileSync(join(root, 'content/issues', 'gonghui-dongtai-2022-01.yaml'), 'utf8'))?.[1];

  mkdirSync(join(contentDir, 'cases'), { recursive: true });
  mkdirSync(join(contentDir, 'issues'), { recursive: true });
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const cases: { id: string; date: Date }[] = [];
  for (let n = 0; n < size; n++) {
    const id = `bench-${String(n).padStart(5, '0')}`;
    const county = pick(counties);
    const topics = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(topicIds)))];
    const date = new Date(start + Math.floor((random() * span) / 86_400_000) * 86_400_000);
    const body = Array.from({ length: 6 + Math.floor(random() * 8) }, () => pick(paragraphs));
    const frontmatter = [
      `title: ${quote(`${pick(titles)}（${n + 1}）`)}`,
      `organisation: ${quote(organisations.length && random() < 0.5 ? pick(organisations) : `${county.name}劳模协会`)}`,
      `region: ${quote(county.id)}`,
      `topics:\n${topics.map((topic) => `  - ${quote(topic)}`).join('\n')}`,
      `source:\n  publication: "劳模工匠专版"${sourceFile ? `\n  file: ${quote(sourceFile)}` : ''}`,
      `date: ${isoDay(date)}`,
      'draft: false',
    ];
    writeFileSync(join(contentDir, 'cases', `${id}.mdx`), `---\n${frontmatter.join('\n')}\n---\n\n${body.join('\n\n')}\n`);
    cases.push({ id, date });
  }
  // Issues of 20 consecutive cases (by date), dated with their newest case.
  cases.sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id));
  let issues = 0;
  for (let at = 0; at + 20 <= cases.length; at += 20, issues++) {
    const members = cases.slice(at, at + 20);
    const id = `bench-issue-${String(issues).padStart(4, '0')}`;
    writeFileSync(
      join(contentDir, 'issues', `${id}.yaml`),
      [
        `title: ${quote(`劳模工匠专版第${issues + 1}期`)}`,
        `cases:\n${members.map((member) => `  - ${quote(member.id)}`).join('\n')}`,
        `source:\n  publication: "劳模工匠专版"${sourceFile ? `\n  file: ${quote(sourceFile)}` : ''}`,
        `date: ${isoDay(members[members.length - 1]!.date)}`,
        'draft: false',
        '',
      ].join('\n'),
    );
  }
  return { cases: size, issues };
}
