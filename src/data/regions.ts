import type { CaseEntry, RegionEntry } from './content.ts';

/** Region lookups the pages need: by id, the trail up to the province, and which cases sit under a region. */
export function regionLookup(regions: RegionEntry[]) {
  const byId = new Map(regions.map((region) => [region.id, region]));

  /** Province → city → county, ending with the region itself. */
  function trail(id: string): RegionEntry[] {
    const path: RegionEntry[] = [];
    for (let current = byId.get(id); current; current = current.data.parent ? byId.get(current.data.parent) : undefined) {
      path.unshift(current);
    }
    return path;
  }

  const childrenOf = (id: string) => regions.filter((region) => region.data.parent === id);

  /** Cases whose region is this one or lies below it. */
  const casesUnder = (id: string, cases: CaseEntry[]) =>
    cases.filter((entry) => trail(entry.data.region.id).some((region) => region.id === id));

  const cities = regions.filter((region) => region.data.kind === 'city');

  return { byId, trail, childrenOf, casesUnder, cities };
}
