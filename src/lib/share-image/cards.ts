/** What the share image of a case or an issue says (pure: pages pass the data in). */
import { formatChineseDate } from '../dates.ts';
import type { DatePrecision } from '../../schemas/dates.ts';
import type { ShareCard } from './card.ts';

export function caseCard(data: { kicker?: string; title: string; subtitle?: string; organisation: string }, regionNames: readonly string[]): ShareCard {
  const place = regionNames.join(' ');
  return {
    label: '案例',
    kicker: data.kicker,
    title: data.title,
    subtitle: data.subtitle,
    footer: [data.organisation, place && place !== data.organisation ? place : undefined].filter(Boolean).join(' · '),
  };
}

export function issueCard(
  data: { kicker?: string; title: string; subtitle?: string; series?: { name?: string; part?: string }; date: Date; datePrecision?: DatePrecision },
  caseCount: number,
): ShareCard {
  // The series line, without its name when that is the title itself.
  const series = data.series ? [data.series.name === data.title ? undefined : data.series.name, data.series.part].filter(Boolean).join('·') : undefined;
  return {
    label: '专版',
    kicker: series || data.kicker,
    title: data.title,
    subtitle: data.subtitle,
    footer: `${formatChineseDate(data.date, data.datePrecision)} · 共 ${caseCount} 篇`,
  };
}
