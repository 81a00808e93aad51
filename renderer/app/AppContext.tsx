import { createContext, useContext } from 'react';
import type { YishiBridge } from '../../shared/bridge';
import type { Settings } from '../../shared/settings';
import type { YishiDb } from '../data/db';

export interface AppServices {
  db: YishiDb;
  bridge: YishiBridge;
  settings: Settings;
  updateSettings(patch: Partial<Settings>): Promise<void>;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
