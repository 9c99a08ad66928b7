import { z } from 'astro/zod';

/** The printed headline group (引题 / 主题 / 副题) and the 编者按, shared by cases and special issues. */
export const headlineFields = {
  kicker: z.string().optional(),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  /** Set when the printed headline was lost and the editors wrote this one. */
  titleNote: z.string().optional(),
  editorNote: z.string().optional(),
};
