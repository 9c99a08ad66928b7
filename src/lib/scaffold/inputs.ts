/**
 * Reading what an editor types into `npm run new`: a region in any spelling, topics by name or id, a date
 * at the precision they know, and the id proposed for the new file. Pure functions; the CLI asks and prints.
 */
import { findRegion, formatRegionPath, type Region, type RegionIndex } from '../regions.ts';
import { toPinyinSlug } from '../pinyin-slug.ts';
import type { DatePrecision } from '../../schemas/dates.ts';

// ---------------------------------------------------------------------------------------------------------------
// Region

export type RegionAnswer =
  | { kind: 'found'; region: Region; path: string }
  | { kind: 'ambiguous'; candidates: { region: Region; path: string }[] }
  | { kind: 'unknown'; suggestions: { region: Region; path: string }[] };

/** `温州市 › 平阳县`: the path without the province, which every region shares (the province alone stays). */
export function regionLabel(id: string, index: RegionIndex): string {
  const path = formatRegionPath(id, index).split(' › ');
  return (path.length > 1 ? path.slice(1) : path).join(' › ');
}

/**
 * `平阳`, `平阳县`, `pingyang`, `温州平阳` or the 6-digit code → the region. When nothing matches, regions whose
 * pinyin sounds the same are suggested (`平杨` → 平阳县), so a wrong character still finds its place.
 */
export function resolveRegion(query: string, index: RegionIndex): RegionAnswer {
  const withPath = (region: Region) => ({ region, path: regionLabel(region.id, index) });
  const found = findRegion(query, index);
  if (found.length === 1) return { kind: 'found', ...withPath(found[0]!) };
  if (found.length > 1) return { kind: 'ambiguous', candidates: found.map(withPath) };
  const trimmed = query.trim().replace(/(?:省|市|区|县)$/, '');
  const sound = trimmed ? toPinyinSlug(trimmed) : '';
  const suggestions = sound ? index.entries.filter((region) => region.id === sound || toPinyinSlug(region.shortName) === sound) : [];
  return { kind: 'unknown', suggestions: suggestions.map(withPath) };
}

// ---------------------------------------------------------------------------------------------------------------
// Topics

export interface Topic {
  id: string;
  name: string;
}

/**
 * `志愿服务、技术帮扶`, `zhiyuan-fuwu,jishu-bangfu` or list numbers (`1 3`, counted from 1 in the order of
 * topics.yaml) → topic ids; what matched nothing is returned in `unknown`.
 */
export function resolveTopics(input: string, topics: readonly Topic[]): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const word of input.split(/[\s,，、;；]+/).map((part) => part.trim()).filter(Boolean)) {
    const byNumber = /^\d+$/.test(word) ? topics[Number(word) - 1] : undefined;
    const topic = byNumber ?? topics.find((item) => item.id === word.toLowerCase() || item.name === word);
    if (!topic) unknown.push(word);
    else if (!ids.includes(topic.id)) ids.push(topic.id);
  }
  return { ids, unknown };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

export interface DateAnswer {
  /** `2024-05-01`; the first day of the month or year when only those are known. */
  date: string;
  precision: DatePrecision;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2024-05-01`, `2024-5-1`, `2024/05`, `2024`, `2024年5月1日`, `2024年5月` → date and precision; undefined if invalid. */
export function parseDateInput(input: string): DateAnswer | undefined {
  const text = input.trim().replace(/\s+/g, '');
  const match = /^(\d{4})(?:[-/.年](\d{1,2})月?(?:[-/.月](\d{1,2})日?)?)?年?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) : undefined, match[3] ? Number(match[3]) : undefined];
  if (year < 1949 || year > 2100) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined) {
    const date = new Date(Date.UTC(year, month! - 1, day));
    if (date.getUTCMonth() !== month! - 1) return undefined;
    return { date: `${year}-${pad(month!)}-${pad(day)}`, precision: 'day' };
  }
  if (month !== undefined) return { date: `${year}-${pad(month)}-01`, precision: 'month' };
  return { date: `${year}-01-01`, precision: 'year' };
}

/** Today in China (UTC+8), as `YYYY-MM-DD`. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------
// Ids

/** Ids must be what Astro makes of a file name: lower-case letters, digits and hyphens. */
export const validId = (id: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);
