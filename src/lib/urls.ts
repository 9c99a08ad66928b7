/** Every internal URL in one place, so links stay stable and respect the configured `base`. */
const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

export const urls = {
  home: () => base,
  case: (id: string) => `${base}cases/${id}/`,
  issues: () => `${base}issues/`,
  issue: (id: string) => `${base}issues/${id}/`,
  regions: () => `${base}regions/`,
  city: (city: string) => `${base}regions/${city}/`,
  county: (city: string, county: string) => `${base}regions/${city}/${county}/`,
  topics: () => `${base}topics/`,
  topic: (id: string) => `${base}topics/${id}/`,
};
