import { describe, expect, it } from 'vitest';
import { LOCAL_TABLES, TABLE_NAMES } from '../../../shared/store/schema';
import { backupsMessages } from './messages';

describe('backups messages', () => {
  it('name every table a backup holds, in both languages (the restore summary lists them by name)', () => {
    const zh: Record<string, string> = backupsMessages['zh-CN'].tables;
    const en: Record<string, string> = backupsMessages.en.tables;
    for (const table of TABLE_NAMES) {
      expect(zh[table]?.trim(), table).toBeTruthy();
      expect(zh[table], table).toMatch(/[\u4e00-\u9fff]/);
      expect(en[table]?.trim(), table).toBeTruthy();
      expect(en[table], table).not.toMatch(/[\u4e00-\u9fff]/);
    }
    // No stale names: only tables that exist (local tables are never in a backup).
    for (const key of Object.keys(zh)) expect(TABLE_NAMES as readonly string[], key).toContain(key);
    expect(Object.keys(LOCAL_TABLES).some((t) => t in zh)).toBe(false);
  });
});
