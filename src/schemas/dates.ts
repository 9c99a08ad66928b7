import { z } from 'astro/zod';

/** How much of a publication date is actually known. The source pages print no dates. */
export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** Shared date fields: the date, how precise it is, and how it was worked out. */
export const datedFields = {
  date: z.coerce.date(),
  datePrecision: z.enum(datePrecisions).default('day'),
  dateNote: z.string().optional(),
};
