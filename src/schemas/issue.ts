import { z } from 'astro/zod';
import { datedFields, settleDate } from './dates.ts';
import { headlineFields } from './headline.ts';
import { sourceSchema } from './source.ts';

/** A special issue (专版): one newspaper page and the ordered cases printed on it. */
export function issueSchema<Ref extends z.ZodType>(ref: (collection: 'cases') => Ref) {
  return z.object({
    ...headlineFields,
    /** 期号, optional: stated numbers never change; issues without one get the next free number by date (src/lib/issue-numbers.ts). */
    number: z.number().int().positive().optional(),
    series: z.object({ name: z.string().min(1), part: z.string().optional() }).optional(),
    cases: z.array(ref('cases')).min(1),
    source: sourceSchema,
    ...datedFields,
    draft: z.boolean().default(false),
  }).transform(settleDate);
}
