import { z } from 'astro/zod';

export const regionKinds = ['province', 'city', 'district', 'county-city', 'county'] as const;
export type RegionKind = (typeof regionKinds)[number];

/** One administrative division. The entry id is its reviewed pinyin slug (e.g. `yueqing`). */
export const regionSchema = z.object({
  code: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  name: z.string().min(1),
  shortName: z.string().min(1),
  kind: z.enum(regionKinds),
  parent: z.string().optional(),
});
export type RegionData = z.infer<typeof regionSchema>;
