import { z } from 'astro/zod';

/** A topic of the controlled vocabulary. The entry id is its pinyin slug. */
export const topicSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
});
export type TopicData = z.infer<typeof topicSchema>;
