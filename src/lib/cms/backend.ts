/**
 * Where the desk saves: the local git proxy (`npm run desk`) or a self-hosted Gitea / Forgejo / GitLab,
 * chosen by build-time settings. Decap's Gitea backend has no editorial workflow (decaporg/decap-cms#7115),
 * so Gitea saves straight to the branch; Forgejo and GitLab get 草稿 → 待审 → 可发布 like the local desk.
 */
export type DeskBackendName = 'proxy' | 'gitea' | 'forgejo' | 'gitlab';

export interface DeskBackend {
  backend: Record<string, unknown>;
  publish_mode: 'simple' | 'editorial_workflow';
}

export const defaultProxyPort = 8081;

export type Env = Record<string, string | undefined>;

function required(env: Env, name: string, backend: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`编辑台配置缺少 ${name}：CMS_BACKEND=${backend} 时必须设置（见 docs/编辑指南.md 0.8）。`);
  return value;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** The `backend` and `publish_mode` of the Decap config, from CMS_* settings. */
export function deskBackend(env: Env): DeskBackend {
  const name = (env.CMS_BACKEND?.trim() || 'proxy') as DeskBackendName;
  const branch = env.CMS_BRANCH?.trim() || 'main';
  switch (name) {
    case 'proxy': {
      const proxyUrl = env.CMS_PROXY_URL?.trim() || `http://127.0.0.1:${defaultProxyPort}/api/v1`;
      return { backend: { name: 'proxy', proxy_url: proxyUrl, branch }, publish_mode: 'editorial_workflow' };
    }
    case 'gitea':
    case 'forgejo': {
      const base = withoutTrailingSlash(required(env, 'CMS_BASE_URL', name));
      return {
        backend: {
          name,
          repo: required(env, 'CMS_REPO', name),
          app_id: required(env, 'CMS_APP_ID', name),
          base_url: base,
          api_root: env.CMS_API_ROOT?.trim() || `${base}/api/v1`,
          auth_endpoint: 'login/oauth/authorize',
          branch,
        },
        publish_mode: name === 'forgejo' ? 'editorial_workflow' : 'simple',
      };
    }
    case 'gitlab': {
      const base = withoutTrailingSlash(required(env, 'CMS_BASE_URL', name));
      return {
        backend: {
          name,
          repo: required(env, 'CMS_REPO', name),
          auth_type: 'pkce',
          app_id: required(env, 'CMS_APP_ID', name),
          base_url: base,
          api_root: env.CMS_API_ROOT?.trim() || `${base}/api/v4`,
          auth_endpoint: 'oauth/authorize',
          branch,
        },
        publish_mode: 'editorial_workflow',
      };
    }
    default:
      throw new Error(`CMS_BACKEND=${String(name)} 不认识：可选 gitea、forgejo、gitlab，或不设置（本机编辑台）。`);
  }
}
