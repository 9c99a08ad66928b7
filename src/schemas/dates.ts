import { z } from 'astro/zod';
import { parseContentDate, resolveDatePrecision } from '../lib/dates.ts';

/** How much of a publication date is actually known. The source pages print no dates. */
export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** `date` as written (see parseContentDate): the Date and the precision its form shows. */
const contentDate = z.unknown().transform((value, context) => {
  const parsed = parseContentDate(value);
  if (!parsed.ok) {
    context.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return { date: parsed.date, precision: parsed.precision };
});

/** Shared date fields: the date, how precise it is (from the date's form if not stated), and how it was worked out. */
export const datedFields = {
  date: contentDate,
  datePrecision: z.enum(datePrecisions).optional(),
  dateNote: z.string().optional(),
};

type Dated = { date: { date: Date; precision: DatePrecision }; datePrecision?: DatePrecision | undefined };

/**
 * The entry with `date` a Date and `datePrecision` settled: a stated precision must agree with the date's
 * form (resolveDatePrecision). Used as `.transform(settleDate)` on a schema spreading `datedFields`.
 */
export function settleDate<Entry extends Dated>(entry: Entry, context: z.RefinementCtx): Omit<Entry, 'date' | 'datePrecision'> & { date: Date; datePrecision: DatePrecision } {
  const precision = resolveDatePrecision(entry.date, entry.datePrecision);
  if (!precision.ok) context.addIssue({ code: 'custom', message: precision.message, path: ['datePrecision'] });
  return { ...entry, date: entry.date.date, datePrecision: precision.ok ? precision.precision : entry.date.precision };
}
