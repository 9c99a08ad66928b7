/**
 * Pure helpers for the `regions` collection (浙江省行政区划): lookups, name matching, verification and
 * building the entries from a statistics-bureau division list. No file I/O: callers pass the entries in,
 * so the site, `scripts/regions.ts` and editor tools share one implementation.
 */
import { regionKinds, type RegionData, type RegionKind } from '../schemas/region.ts';
import { toPinyinSlug } from './pinyin-slug.ts';

export type { RegionKind } from '../schemas/region.ts';

/** One entry of `content/regions.json`: the collection data plus its id (the reviewed pinyin slug). */
export type Region = { id: string } & RegionData;

/** Field order in `content/regions.json`. */
export const regionFields = ['id', 'code', 'name', 'shortName', 'kind', 'parent'] as const;

/** How many divisions of each kind the current official list of Zhejiang has. */
export const expectedRegionCounts: Readonly<Record<RegionKind, number>> = {
  province: 1,
  city: 11,
  district: 37,
  'county-city': 20,
  county: 33,
};

/** Chinese names of the kinds, for messages and summaries. */
export const regionKindLabels: Readonly<Record<RegionKind, string>> = {
  province: '省',
  city: '地级市',
  district: '市辖区',
  'county-city': '县级市',
  county: '县',
};

/**
 * Reviewed slugs that differ from the pinyin of the short name, keyed by division code. Only for two places
 * whose pinyin would collide (none in Zhejiang today): the generator fails on a collision until one is added here.
 */
export const reviewedSlugOverrides: Readonly<Record<string, string>> = {};

const levelOf = (kind: RegionKind): 0 | 1 | 2 => (kind === 'province' ? 0 : kind === 'city' ? 1 : 2);

// ---------------------------------------------------------------------------------------------------------------
// Names

/** Suffixes stripped from a full name to get the short name; the longest first (景宁畲族自治县 → 景宁). */
const nameSuffixes = ['畲族自治县', '自治县', '省', '市', '区', '县'];

/** 平阳县 → 平阳, 景宁畲族自治县 → 景宁, 浙江省 → 浙江. */
export function shortNameOf(name: string): string {
  for (const suffix of nameSuffixes) {
    if (name.endsWith(suffix) && name.length > suffix.length + 1) return name.slice(0, -suffix.length);
  }
  return name;
}

/** The kind a name's suffix implies: 区 → district, 县 → county, 市 → city under a province, county-city under a city. */
export function kindFromName(name: string, parentKind: RegionKind | undefined): RegionKind | undefined {
  if (name.endsWith('省')) return 'province';
  if (name.endsWith('区')) return 'district';
  if (name.endsWith('县')) return 'county';
  if (name.endsWith('市')) return parentKind === 'city' ? 'county-city' : 'city';
  return undefined;
}

/** The reviewed slug of a division: its override if it has one, else the pinyin of its short name. */
export function regionSlug(code: string, shortName: string): string {
  return reviewedSlugOverrides[code] ?? toPinyinSlug(shortName);
}

// ---------------------------------------------------------------------------------------------------------------
// Index and lookups

export interface RegionIndex {
  /** All entries in file order. */
  readonly entries: readonly Region[];
  readonly byId: ReadonlyMap<string, Region>;
  /** The entry with this id, if any. */
  get(id: string): Region | undefined;
  /** Direct children of an id, in code order. */
  children(id: string): Region[];
  /** Province → city → county, ending with the region itself (empty for an unknown id). */
  path(id: string): Region[];
  /** Like `path` without the region itself. */
  ancestors(id: string): Region[];
  /** Every accepted spelling (名称、简称、带上级的全称) → the entries it names. */
  readonly forms: ReadonlyMap<string, readonly Region[]>;
}

const byCode = (a: Region, b: Region) => a.code.localeCompare(b.code);

export function buildRegionIndex(entries: readonly Region[]): RegionIndex {
  const byId = new Map<string, Region>();
  for (const entry of entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);

  const childrenOf = new Map<string, Region[]>();
  for (const entry of entries) {
    if (!entry.parent) continue;
    const list = childrenOf.get(entry.parent) ?? [];
    list.push(entry);
    childrenOf.set(entry.parent, list);
  }
  for (const list of childrenOf.values()) list.sort(byCode);

  function path(id: string): Region[] {
    const trail: Region[] = [];
    const seen = new Set<string>();
    for (let current = byId.get(id); current && !seen.has(current.id); current = current.parent ? byId.get(current.parent) : undefined) {
      seen.add(current.id);
      trail.unshift(current);
    }
    return trail;
  }

  // Spellings: for each level of the path the full name, the short name or (for ancestors) nothing.
  const forms = new Map<string, Region[]>();
  const addForm = (form: string, region: Region) => {
    const list = forms.get(form) ?? [];
    if (!list.includes(region)) list.push(region);
    forms.set(form, list);
  };
  for (const region of entries) {
    let prefixes = [''];
    const trail = path(region.id);
    for (const [at, step] of trail.entries()) {
      const own = [...new Set([step.name, step.shortName])];
      if (at === trail.length - 1) {
        for (const prefix of prefixes) for (const name of own) addForm(prefix + name, region);
      } else {
        prefixes = prefixes.flatMap((prefix) => [prefix, ...own.map((name) => prefix + name)]);
      }
    }
  }
  for (const list of forms.values()) list.sort(byCode);

  return {
    entries,
    byId,
    get: (id) => byId.get(id),
    children: (id) => [...(childrenOf.get(id) ?? [])],
    path,
    ancestors: (id) => path(id).slice(0, -1),
    forms,
  };
}

/** Spaces and the separators people put between levels (浙江省 › 温州市 › 平阳县, 温州/平阳). */
const querySeparators = /[\s›>＞/／·・,，、-]+/g;

/**
 * Regions a user's query names, in code order: a full or short name (`平阳县`, `平阳`), the name with its
 * parents (`温州市平阳县`, `浙江温州平阳`, `温州市 › 平阳县`), the slug (`pingyang`) or the 6-digit code.
 * Empty when nothing matches; more than one only if a spelling is shared.
 */
export function findRegion(query: string, index: RegionIndex): Region[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  if (/^\d{6}$/.test(trimmed)) return index.entries.filter((entry) => entry.code === trimmed);
  if (/^[a-z\s'’-]+$/i.test(trimmed)) {
    const slug = trimmed.toLowerCase().replace(/[^a-z]/g, '');
    const found = index.get(slug);
    return found ? [found] : [];
  }
  return [...(index.forms.get(trimmed.replace(querySeparators, '')) ?? [])];
}

/** `浙江省 › 温州市 › 平阳县`. Throws on an unknown id. */
export function formatRegionPath(id: string, index: RegionIndex, separator = ' › '): string {
  const trail = index.path(id);
  if (trail.length === 0) throw new Error(`未知的行政区划 id：${id}`);
  return trail.map((region) => region.name).join(separator);
}

// ---------------------------------------------------------------------------------------------------------------
// Guessing the region of an organisation

/** Words that may follow a bare short name in an organisation's name (平阳劳模协会, 浙江总工会). */
const organisationWords = [
  '总工会', '工会', '劳模', '劳动模范', '模范', '工匠', '协会', '学会', '商会', '联合会', '分会',
  '人民政府', '政府', '人大', '政协', '委员会', '妇联', '团委', '代表团',
];
const suffixChars = new Set(['省', '市', '区', '县']);
/** A township name after a bare short name: 乐清柳市镇, 平阳鳌江镇, 义乌稠城街道. */
const township = /^[\u4e00-\u9fff]{1,3}(?:镇|乡|街道)/;

interface Hit {
  start: number;
  end: number;
  region: Region;
}

/**
 * The most specific region an organisation's name mentions: `平阳县劳模协会` → 平阳县, `杭州临安区总工会` →
 * 临安区, `湖州市劳动模范协会` → 湖州市, `浙江省总工会` → 浙江省; undefined for `浙能集团`.
 *
 * Full names always count. A short name counts only when followed by an administrative suffix (省市区县), an
 * organisation word, another matched region (杭州临安区), a township (乐清柳市镇) or the end of the text, so 江北
 * inside 浙江北部 or 海宁 inside 上海宁波 is not a hit. Overlapping hits keep the longer one (宁海县 wins over a
 * 海宁 that would straddle it). Among the hits the deepest level wins, then one whose parent is also named, then
 * the first.
 */
export function guessRegionFromText(text: string, index: RegionIndex): Region | undefined {
  const full: Hit[] = [];
  const short: Hit[] = [];
  for (const region of index.entries) {
    for (let at = text.indexOf(region.name); at !== -1; at = text.indexOf(region.name, at + 1)) {
      full.push({ start: at, end: at + region.name.length, region });
    }
    if (region.shortName.length < 2 || region.shortName === region.name) continue;
    for (let at = text.indexOf(region.shortName); at !== -1; at = text.indexOf(region.shortName, at + 1)) {
      short.push({ start: at, end: at + region.shortName.length, region });
    }
  }
  const candidateStarts = new Set([...full, ...short].map((hit) => hit.start));
  const accepted = [
    ...full,
    ...short.filter(({ end }) => {
      if (end === text.length) return true;
      if (suffixChars.has(text[end]!)) return true;
      if (organisationWords.some((word) => text.startsWith(word, end))) return true;
      if (township.test(text.slice(end))) return true;
      return candidateStarts.has(end);
    }),
  ];

  // Longest first, then leftmost; keep hits that do not overlap one already kept.
  accepted.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const hit of accepted) {
    if (kept.some((other) => hit.start < other.end && other.start < hit.end && other.region !== hit.region)) continue;
    if (kept.some((other) => other.region === hit.region)) continue;
    kept.push(hit);
  }
  if (kept.length === 0) return undefined;

  const named = new Set(kept.map((hit) => hit.region.id));
  const score = (hit: Hit) => [levelOf(hit.region.kind), hit.region.parent && named.has(hit.region.parent) ? 1 : 0, -hit.start];
  kept.sort((a, b) => {
    const [x, y] = [score(a), score(b)];
    for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return y[i]! - x[i]!;
    return 0;
  });
  return kept[0]!.region;
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

export interface RegionProblem {
  /** The entry's id (or `#序号` when it has none); `*` for the file as a whole. */
  id: string;
  field: string;
  message: string;
}

export interface VerifyOptions {
  /** Expected number of entries of each kind; `null` to skip (small fixtures). Default: Zhejiang's. */
  counts?: Readonly<Record<RegionKind, number>> | null;
  /** Check that the province comes first and each city is followed by its counties in code order. Default true. */
  order?: boolean;
}

/** Every problem in the entries, in file order; empty when the data is sound. Messages are in Chinese. */
export function verifyRegions(entries: readonly unknown[], options: VerifyOptions = {}): RegionProblem[] {
  const { counts = expectedRegionCounts, order = true } = options;
  const problems: RegionProblem[] = [];
  const regions: Region[] = [];

  // Shape of each entry.
  entries.forEach((raw, at) => {
    const label = (id?: unknown) => (typeof id === 'string' && id ? id : `#${at + 1}`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ id: label(), field: '(条目)', message: `第 ${at + 1} 条不是对象` });
      return;
    }
    const entry = raw as Record<string, unknown>;
    const id = label(entry.id);
    const add = (field: string, message: string) => problems.push({ id, field, message });
    let sound = true;
    for (const key of Object.keys(entry)) {
      if (!(regionFields as readonly string[]).includes(key)) add(key, `未知字段“${key}”（允许的字段：${regionFields.join('、')}）`);
    }
    if (typeof entry.id !== 'string' || !/^[a-z]+$/.test(entry.id)) {
      add('id', `id 应为不含分隔符的小写拼音，实际为 ${JSON.stringify(entry.id)}`);
      sound = false;
    }
    if (typeof entry.code !== 'string' || !/^\d{6}$/.test(entry.code)) {
      add('code', `行政区划代码应为 6 位数字，实际为 ${JSON.stringify(entry.code)}`);
      sound = false;
    }
    for (const field of ['name', 'shortName'] as const) {
      if (typeof entry[field] !== 'string' || !entry[field]) {
        add(field, `${field} 应为非空字符串，实际为 ${JSON.stringify(entry[field])}`);
        sound = false;
      }
    }
    if (!(regionKinds as readonly unknown[]).includes(entry.kind)) {
      add('kind', `kind 应为 ${regionKinds.join(' / ')} 之一，实际为 ${JSON.stringify(entry.kind)}`);
      sound = false;
    }
    if (entry.parent !== undefined && (typeof entry.parent !== 'string' || !entry.parent)) {
      add('parent', `parent 应为上级的 id，实际为 ${JSON.stringify(entry.parent)}`);
      sound = false;
    }
    if (sound) regions.push(entry as unknown as Region);
  });

  // Uniqueness.
  const firstWith = (field: 'id' | 'code' | 'name') => {
    const seen = new Map<string, Region>();
    for (const region of regions) {
      const value = region[field];
      const earlier = seen.get(value);
      if (earlier) {
        const what = field === 'id' ? 'id（拼音）' : field === 'code' ? '行政区划代码' : '名称';
        problems.push({ id: region.id, field, message: `${region.name} 的${what} ${value} 与 ${earlier.name} 重复` });
      } else seen.set(value, region);
    }
  };
  firstWith('id');
  firstWith('code');

  const byId = new Map<string, Region>();
  for (const region of regions) if (!byId.has(region.id)) byId.set(region.id, region);

  for (const region of regions) {
    const add = (field: string, message: string) => problems.push({ id: region.id, field, message });
    const who = `${region.name}（${region.id}）`;
    const parent = region.parent ? byId.get(region.parent) : undefined;

    // Parent and code structure.
    if (region.kind === 'province') {
      if (region.parent !== undefined) add('parent', `${who}是省，不应有 parent`);
      if (!region.code.endsWith('0000')) add('code', `${who}的代码 ${region.code} 应以 0000 结尾`);
    } else if (region.parent === undefined) {
      add('parent', `${who}缺少 parent（上级的 id）`);
    } else if (!parent) {
      add('parent', `${who}的上级 ${region.parent} 不存在`);
    } else {
      const wanted: RegionKind = region.kind === 'city' ? 'province' : 'city';
      if (parent.kind !== wanted) {
        add('parent', `${who}是${regionKindLabels[region.kind]}，上级应为${regionKindLabels[wanted]}，但 ${parent.name}（${parent.id}）是${regionKindLabels[parent.kind]}`);
      } else if (region.kind === 'city') {
        if (region.code.slice(0, 2) !== parent.code.slice(0, 2)) add('code', `${who}的代码 ${region.code} 前 2 位应与 ${parent.name} 的 ${parent.code.slice(0, 2)} 相同`);
        if (!region.code.endsWith('00') || region.code.endsWith('0000')) add('code', `${who}的代码 ${region.code} 应以 00 结尾（但不是 0000）`);
      } else {
        if (region.code.slice(0, 4) !== parent.code.slice(0, 4)) add('code', `${who}的代码 ${region.code} 前 4 位应与 ${parent.name} 的 ${parent.code.slice(0, 4)} 相同`);
        if (region.code.endsWith('00')) add('code', `${who}的代码 ${region.code} 不应以 00 结尾（那是地级市的代码）`);
      }
    }

    // Kind, short name and slug follow from the name.
    const implied = kindFromName(region.name, parent?.kind ?? (region.kind === 'province' ? undefined : region.kind === 'city' ? 'province' : 'city'));
    if (!implied) add('name', `${who}的名称应以 省/市/区/县 结尾`);
    else if (implied !== region.kind) add('kind', `${who}的 kind 为 ${region.kind}，但按名称后缀应为 ${implied}（${regionKindLabels[implied]}）`);
    const short = shortNameOf(region.name);
    if (region.shortName !== short) add('shortName', `${who}的 shortName 为“${region.shortName}”，应为“${short}”`);
    const slug = regionSlug(region.code, region.shortName);
    if (region.id !== slug) {
      add('id', `${who}的 id 为 ${region.id}，但“${region.shortName}”的审定拼音为 ${slug}（若是审定拼音本身读错，请在 src/lib/pinyin-slug.ts 的 reviewedReadings 中更正读音）`);
    }
  }

  // Order: province, then each city followed by its counties, all in code order.
  if (order && problems.length === 0) {
    const expected = [...regions].sort((a, b) => {
      const city = (r: Region) => (r.kind === 'province' ? '' : r.code.slice(0, 4));
      return city(a).localeCompare(city(b)) || levelOf(a.kind) - levelOf(b.kind) || byCode(a, b);
    });
    const at = expected.findIndex((region, i) => region !== regions[i]);
    if (at !== -1) {
      problems.push({ id: regions[at]!.id, field: 'code', message: `顺序有误：第 ${at + 1} 条应为 ${expected[at]!.name}（${expected[at]!.code}），实际为 ${regions[at]!.name}（省在前，每个地级市后接其县级行政区，均按代码排序）` });
    }
  }

  // Counts.
  if (counts) {
    for (const kind of regionKinds) {
      const actual = regions.filter((region) => region.kind === kind).length;
      if (actual !== counts[kind]) {
        problems.push({ id: '*', field: 'kind', message: `${regionKindLabels[kind]}（${kind}）应为 ${counts[kind]} 个，实际 ${actual} 个` });
      }
    }
  }
  return problems;
}

/** Count of entries per kind. */
export function countRegions(entries: readonly Region[]): Record<RegionKind, number> {
  const counts = Object.fromEntries(regionKinds.map((kind) => [kind, 0])) as Record<RegionKind, number>;
  for (const entry of entries) counts[entry.kind] += 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Building the entries from a division list

/** One row of a statistics-bureau list, codes padded to 6 digits (330000, 330100, 330102). */
export interface DivisionRow {
  code: string;
  name: string;
}

/** A reviewed change to a published list that is older than the current division. */
export type DivisionChange =
  | { year: number; reason: string; op: 'add'; code: string; name: string }
  | { year: number; reason: string; op: 'remove'; code: string; name: string }
  | { year: number; reason: string; op: 'rename'; code: string; name: string; to: string };

/**
 * Applies reviewed changes to a list; throws when a change does not fit the list (the list is already newer,
 * or the change is wrong), so a stale change can never apply silently.
 */
export function applyDivisionChanges(rows: readonly DivisionRow[], changes: readonly DivisionChange[]): DivisionRow[] {
  const result = rows.map((row) => ({ ...row }));
  for (const change of changes) {
    const at = result.findIndex((row) => row.code === change.code);
    const tag = `${change.year} 年 ${change.code} ${change.name}`;
    if (change.op === 'add') {
      if (at !== -1) throw new Error(`修订 ${tag}（新增）：列表中已有代码 ${change.code}（${result[at]!.name}），请删除这条修订`);
      result.push({ code: change.code, name: change.name });
    } else if (at === -1 || result[at]!.name !== change.name) {
      throw new Error(`修订 ${tag}（${change.op === 'remove' ? '撤销' : '更名'}）：列表中没有 ${change.code} ${change.name}，请核对`);
    } else if (change.op === 'remove') {
      result.splice(at, 1);
    } else {
      result[at] = { code: change.code, name: change.to };
    }
  }
  return result.sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The entries of one province from its division rows (province, cities and county-level rows, any order), in
 * file order. Throws, naming both places, when two would get the same slug and no reviewed override exists.
 */
export function regionsFromDivisionRows(rows: readonly DivisionRow[]): Region[] {
  const provinces = rows.filter((row) => row.code.endsWith('0000'));
  if (provinces.length !== 1) throw new Error(`应恰有 1 个省级行政区，实际 ${provinces.length} 个`);
  const province = provinces[0]!;
  const entry = (row: DivisionRow, kind: RegionKind, parent?: Region): Region => {
    const shortName = shortNameOf(row.name);
    const region: Region = { id: regionSlug(row.code, shortName), code: row.code, name: row.name, shortName, kind };
    if (parent) region.parent = parent.id;
    return region;
  };
  const root = entry(province, 'province');
  const result: Region[] = [root];
  const cities = rows.filter((row) => row !== province && row.code.endsWith('00')).sort((a, b) => a.code.localeCompare(b.code));
  for (const cityRow of cities) {
    if (cityRow.code.slice(0, 2) !== province.code.slice(0, 2)) throw new Error(`${cityRow.name}（${cityRow.code}）不属于 ${province.name}`);
    const city = entry(cityRow, kindFromName(cityRow.name, 'province') ?? 'city', root);
    result.push(city);
    const counties = rows.filter((row) => !row.code.endsWith('00') && row.code.slice(0, 4) === cityRow.code.slice(0, 4));
    for (const row of counties.sort((a, b) => a.code.localeCompare(b.code))) {
      const kind = kindFromName(row.name, 'city');
      if (!kind) throw new Error(`无法从名称判断 ${row.name}（${row.code}）的类别`);
      result.push(entry(row, kind, city));
    }
  }
  const orphans = rows.filter((row) => !row.code.endsWith('00') && !cities.some((city) => city.code.slice(0, 4) === row.code.slice(0, 4)));
  if (orphans.length) throw new Error(`以下县级行政区找不到所属地级市：${orphans.map((row) => `${row.name}（${row.code}）`).join('、')}`);

  const bySlug = new Map<string, Region>();
  for (const region of result) {
    const other = bySlug.get(region.id);
    if (other) {
      throw new Error(
        `${other.name}（${other.code}）与 ${region.name}（${region.code}）的拼音 id 都是 ${region.id}：` +
          '请在 src/lib/regions.ts 的 reviewedSlugOverrides 中为其中一个登记审定的 id',
      );
    }
    bySlug.set(region.id, region);
  }
  return result;
}

/** The canonical text of `content/regions.json`: 2-space JSON, fields in `regionFields` order, final newline. */
export function serializeRegions(entries: readonly Region[]): string {
  const ordered = entries.map((entry) => {
    const out: Record<string, unknown> = {};
    for (const field of regionFields) if (entry[field] !== undefined) out[field] = entry[field];
    return out;
  });
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
