import { z } from 'zod';
import { pointsRulesSchema } from './matters/points';
import { instantOf } from './dates';
import { savedSearchesSchema } from './search/savedSearch';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The levels an installation may be used at: a community files, a 街道 or 区 reviews. */
export const OWN_LEVELS = ['community', 'subdistrict', 'district'] as const;
export type OwnLevel = (typeof OWN_LEVELS)[number];

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
  /** The 说事登记 lists, edited in settings; absent means the defaults (shared/domain/matter.ts). */
  matterChannels: z.array(z.string().trim().min(1).max(30)).max(50).optional(),
  matterCategories: z.array(z.string().trim().min(1).max(20)).max(50).optional(),
  /** What the last registration used, offered again on the next (an older user's defaults). */
  lastMatterChannel: z.string().max(30).optional(),
  lastMatterOrgUnitId: z.string().optional(),
  /** Who registers and handles matters on this computer (the app has no accounts). */
  matterClerk: z.string().trim().max(60).optional(),
  /**
   * The community or compound the 工作台 looks at (an org unit id, its units below included);
   * absent means all. The app has no accounts, so "ours" is this computer's choice.
   */
  workbenchOrgUnitId: z.string().min(1).optional(),
  /** The 吹哨报到 departments, edited in settings; absent means the defaults (shared/escalation/summons.ts). */
  summonDepartments: z.array(z.string().trim().min(1).max(40)).max(100).optional(),
  /** 评议: the satisfaction rate (percent) at or above which a result passes; absent means 80. */
  satisfactionThresholdPercent: z.number().int().min(1).max(100).optional(),
  /** 金点子 points per award; absent means DEFAULT_POINTS_RULES (shared/matters/points.ts). */
  pointsRules: pointsRulesSchema.optional(),
  /**
   * The level of the organisation using this computer: a 街道 or 区 reviews the filings (备案) of
   * its communities (审阅); absent means a community.
   */
  ownLevel: z.enum(OWN_LEVELS).optional(),
  /**
   * When the app found its settings without a valid setUpAt over existing data and took it as set
   * up (renderer/data/settingsStore.ts): the calm notice saying so is due while this is present.
   */
  setUpRecoveredAt: z.string().optional(),
  /** 全库检索's 保存搜索 (a name, the words and the filters), newest first; absent means none. */
  savedSearches: savedSearchesSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  documentOrgName: '',
  locale: 'zh-CN',
  largeType: false,
};

export type SettingsField = keyof Settings;
const FIELDS = Object.keys(settingsSchema.shape) as SettingsField[];

export interface StoredSettings {
  settings: Settings;
  /** Fields whose stored value failed its schema and fell back to the default (or to nothing). */
  replaced: SettingsField[];
  /** Fields this version does not know (written by a newer one): kept as they are on every write. */
  unknown: Record<string, unknown>;
}

/**
 * The settings in a stored row, field by field: a field that fails its schema falls back to its
 * default alone and the others are kept, so one damaged value never resets the whole row (and with
 * it setUpAt, which would show the first setup screen over existing data).
 */
export function settingsFromStored(row: unknown): StoredSettings {
  const stored: Record<string, unknown> = typeof row === 'object' && row !== null ? { ...row } : {};
  delete stored.key;
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const replaced: SettingsField[] = [];
  for (const field of FIELDS) {
    if (stored[field] === undefined) continue;
    const parsed = settingsSchema.shape[field].safeParse(stored[field]);
    if (parsed.success) settings[field] = parsed.data;
    else replaced.push(field);
  }
  const unknown = Object.fromEntries(Object.entries(stored).filter(([k]) => !(FIELDS as string[]).includes(k)));
  return { settings: settings as Settings, replaced, unknown };
}

/** Whether setUpAt names a real moment (a damaged row may hold anything there). */
export function isSetUp(settings: Pick<Settings, 'setUpAt'>): boolean {
  return settings.setUpAt !== undefined && settings.setUpAt !== '' && !Number.isNaN(instantOf(settings.setUpAt));
}
