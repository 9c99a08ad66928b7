/**
 * /admin/config.yml: the editors' desk configuration, generated at build time from the schemas and the
 * CMS_* settings (README “编辑台”). Without CMS_BACKEND it points at the local git proxy of `npm run desk`.
 */
import type { APIRoute } from 'astro';
import { deskConfigYaml } from '../../lib/cms/desk-config.ts';

export const GET: APIRoute = () =>
  new Response(deskConfigYaml(process.cwd(), process.env), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
