import { z } from 'astro/zod';

/** Where a text was printed: the publication, the page (版) if known, and the raw layout file it came from. */
export const sourceSchema = z.object({
  publication: z.string().min(1),
  page: z.string().optional(),
  file: z.string().optional(),
});
