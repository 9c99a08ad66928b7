import { z } from 'astro/zod';
import { datedFields, settleDate } from './dates.ts';
import { headlineFields } from './headline.ts';
import { sourceSchema } from './source.ts';

/**
 * A case report. `ref` builds the schema of a reference to another collection: Astro's `reference()`
 * inside the site, a plain id string in the standalone content check.
 */
export function caseSchema<Ref extends z.ZodType>(ref: (collection: 'regions' | 'topics') => Ref) {
  return z.object({
    ...headlineFields,
    organisation: z.string().min(1),
    region: ref('regions'),
    topics: z.array(ref('topics')).default([]),
    byline: z.string().optional(),
    source: sourceSchema,
    ...datedFields,
    draft: z.boolean().default(false),
  }).transform(settleDate);
}
