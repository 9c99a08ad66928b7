/** Links and labels for regions (province → 地区 index, city → city page, county → county page). */
import { urls } from './urls.ts';

export interface RegionLike {
  id: string;
  data: { kind: string; parent?: string; shortName: string; name: string };
}

export function regionUrl(region: RegionLike): string {
  if (region.data.kind === 'province') return urls.regions();
  if (region.data.kind === 'city') return urls.city(region.id);
  return urls.county(region.data.parent!, region.id);
}

/** Breadcrumb items 浙江 › 温州 › 平阳 for a region trail (province first); the last item is the current page when `currentIsLast`. */
export function regionCrumbs(trail: readonly RegionLike[], { currentIsLast = false } = {}) {
  return trail.map((region, at) => ({
    label: region.data.shortName,
    href: currentIsLast && at === trail.length - 1 ? undefined : regionUrl(region),
  }));
}
