/**
 * The desk's Decap configuration for this repository: the schemas, the region and topic lists from content/, and
 * the backend from CMS_* settings. Used by /admin/config.yml and by the tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import YAML from 'yaml';
import { caseSchema } from '../../schemas/case.ts';
import { issueSchema } from '../../schemas/issue.ts';
import { contentPaths } from '../content-paths.ts';
import { buildRegionIndex, formatRegionPath, type Region } from '../regions.ts';
import { deskBackend, type Env } from './backend.ts';
import { buildCmsConfig } from './config.ts';
import { schemaFields } from './schema-fields.ts';

/** References are plain ids in the files: the desk edits them as strings. */
const idRef = () => z.string();
export const caseFields = schemaFields(caseSchema(idRef));
export const issueFields = schemaFields(issueSchema(idRef));

/** `温州市 › 平阳县`: the path below the province, which every region shares. */
export function regionOptions(regions: readonly Region[]) {
  const index = buildRegionIndex(regions);
  return regions.map((region) => {
    const path = formatRegionPath(region.id, index).split(' › ');
    return { label: (path.length > 1 ? path.slice(1) : path).join(' › '), value: region.id };
  });
}

export function topicOptions(topics: readonly { id: string; name: string }[]) {
  return topics.map((topic) => ({ label: topic.name, value: topic.id }));
}

export function loadDeskConfig(root: string, env: Env): Record<string, unknown> {
  const regions = JSON.parse(readFileSync(resolve(root, contentPaths.regions), 'utf8')) as Region[];
  const topics = YAML.parse(readFileSync(resolve(root, contentPaths.topics), 'utf8')) as { id: string; name: string }[];
  return buildCmsConfig({
    caseFields,
    issueFields,
    regions: regionOptions(regions),
    topics: topicOptions(topics),
    backend: deskBackend(env),
    siteUrl: env.SITE_URL,
  });
}

/** The file Decap fetches. */
export function deskConfigYaml(root: string, env: Env): string {
  return `# 由 src/lib/cms/ 根据 src/schemas 生成，请勿手改。\n${YAML.stringify(loadDeskConfig(root, env), { lineWidth: 0 })}`;
}
