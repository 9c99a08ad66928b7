import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { caseSchema } from './schemas/case.ts';
import { issueSchema } from './schemas/issue.ts';
import { regionSchema } from './schemas/region.ts';
import { topicSchema } from './schemas/topic.ts';
import { contentPaths } from './lib/content-paths.ts';
import { devTolerant } from './lib/dev-tolerant-loader.ts';

/** In `astro dev` an invalid entry is left out of the preview rather than stopping the server (see the module). */
const loader = (inner: ReturnType<typeof glob>) => devTolerant(inner, import.meta.env.DEV);

const regions = defineCollection({ loader: loader(file(contentPaths.regions)), schema: regionSchema });
const topics = defineCollection({ loader: loader(file(contentPaths.topics)), schema: topicSchema });
const cases = defineCollection({
  loader: loader(glob({ pattern: '**/*.mdx', base: contentPaths.cases })),
  schema: caseSchema(reference),
});
const issues = defineCollection({
  loader: loader(glob({ pattern: '**/*.yaml', base: contentPaths.issues })),
  schema: issueSchema(reference),
});

export const collections = { regions, topics, cases, issues };
