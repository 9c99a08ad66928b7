import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { caseSchema } from './schemas/case.ts';
import { issueSchema } from './schemas/issue.ts';
import { regionSchema } from './schemas/region.ts';
import { topicSchema } from './schemas/topic.ts';
import { contentPaths } from './lib/content-paths.ts';

const regions = defineCollection({ loader: file(contentPaths.regions), schema: regionSchema });
const topics = defineCollection({ loader: file(contentPaths.topics), schema: topicSchema });
const cases = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: contentPaths.cases }),
  schema: caseSchema(reference),
});
const issues = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: contentPaths.issues }),
  schema: issueSchema(reference),
});

export const collections = { regions, topics, cases, issues };
