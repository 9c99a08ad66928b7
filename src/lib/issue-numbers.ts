/**
 * 期号: the running number of each special issue, its place in its series (温州篇 = 全省各市劳模协会工作交流 第 2 篇)
 * and its neighbours (上一期 / 下一期, in the whole run and within the series). Pure; the site index calls it once.
 *
 * The rule (docs/编辑指南.md, “期号”):
 * - An issue may state its number (`number: 3` in its YAML). A stated number is kept whatever else is added, so a
 *   back issue found later never renumbers the issues readers already cite. `npm run check` refuses two issues
 *   with the same number.
 * - An issue without a number gets the smallest number no other issue uses, issues taken oldest first (by date;
 *   the same date: by file name, a-z). With every existing issue numbered, a newly added one — even an older back
 *   issue — therefore gets the next free number and nothing else moves.
 * - The place in a series follows the numbers: the series' issues ordered by number, the first is 第 1 篇.
 */
export interface NumberableIssue {
  id: string;
  data: { date: Date; number?: number; series?: { name: string; part?: string } };
}

export interface IssueNumbering<I> {
  /** 第 n 期. */
  number: number;
  series?: {
    name: string;
    /** 第 n 篇 of the series, from 1. */
    position: number;
    /** How many issues the series has in this build. */
    count: number;
    previous?: I;
    next?: I;
  };
  /** The issue with the next lower number (上一期) and the next higher (下一期). */
  previous?: I;
  next?: I;
}

const oldestFirst = (a: NumberableIssue, b: NumberableIssue) =>
  a.data.date.getTime() - b.data.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Each issue's number, series place and neighbours, by id; and the issues in number order. */
export function numberIssues<I extends NumberableIssue>(issues: readonly I[]): { byId: Map<string, IssueNumbering<I>>; inOrder: I[] } {
  const numberOf = new Map<string, number>();
  const taken = new Set<number>();
  // Stated numbers first. Duplicates are the check's to refuse; here the older issue keeps it, the other is renumbered.
  for (const issue of [...issues].sort(oldestFirst)) {
    const stated = issue.data.number;
    if (stated !== undefined && !taken.has(stated)) {
      numberOf.set(issue.id, stated);
      taken.add(stated);
    }
  }
  let free = 1;
  for (const issue of [...issues].sort(oldestFirst)) {
    if (numberOf.has(issue.id)) continue;
    while (taken.has(free)) free++;
    numberOf.set(issue.id, free);
    taken.add(free);
  }

  const inOrder = [...issues].sort((a, b) => numberOf.get(a.id)! - numberOf.get(b.id)!);
  const bySeries = new Map<string, I[]>();
  for (const issue of inOrder) {
    const name = issue.data.series?.name;
    if (name) bySeries.set(name, [...(bySeries.get(name) ?? []), issue]);
  }

  const byId = new Map<string, IssueNumbering<I>>();
  inOrder.forEach((issue, index) => {
    const name = issue.data.series?.name;
    const members = name ? bySeries.get(name)! : undefined;
    const place = members?.indexOf(issue) ?? -1;
    byId.set(issue.id, {
      number: numberOf.get(issue.id)!,
      previous: inOrder[index - 1],
      next: inOrder[index + 1],
      series: name && members ? { name, position: place + 1, count: members.length, previous: members[place - 1], next: members[place + 1] } : undefined,
    });
  });
  return { byId, inOrder };
}

/** Issue ids that state the same number, for the content check: number → ids, only numbers used more than once. */
export function duplicateIssueNumbers(issues: readonly { id: string; number?: unknown }[]): Map<number, string[]> {
  const users = new Map<number, string[]>();
  for (const issue of issues) {
    if (typeof issue.number !== 'number') continue;
    users.set(issue.number, [...(users.get(issue.number) ?? []), issue.id]);
  }
  return new Map([...users].filter(([, ids]) => ids.length > 1));
}

/** “第 5 期”. */
export const issueNumberLabel = (number: number) => `第 ${number} 期`;

/** “全省各市劳模协会工作交流 · 第 2 篇”. */
export const seriesPlaceLabel = (series: { name: string; position: number }) => `${series.name} · 第 ${series.position} 篇`;
