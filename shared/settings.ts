import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The user's settings, stored as one record. */
export const settingsSchema = z.object({
  /** Organisation name printed on documents, e.g. 中共垦利街道胜兴社区委员会. */
  documentOrgName: z.string().trim().max(60, '名称不能超过60个字'),
  defaultRecorderId: z.string().optional(),
  locale: z.enum(LOCALES),
  largeType: z.boolean(),
  /** Set once the welcome screen has been completed (own organisation or demo). */
  setUpAt: z.string().optional(),
  lastDailyBackupDay: z.string().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  documentOrgName: '',
  locale: 'zh-CN',
  largeType: false,
};
