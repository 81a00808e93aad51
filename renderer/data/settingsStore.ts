import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/settings';
import type { YishiDb } from './db';

export async function loadSettings(db: YishiDb): Promise<Settings> {
  const row = await db.settings.get('app');
  if (!row) return DEFAULT_SETTINGS;
  const { key: _key, ...rest } = row;
  const parsed = settingsSchema.safeParse(rest);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(db: YishiDb, settings: Settings): Promise<void> {
  await db.settings.put({ ...settingsSchema.parse(settings), key: 'app' });
}
