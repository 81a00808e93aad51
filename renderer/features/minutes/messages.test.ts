import { describe, expect, it } from 'vitest';
import { minutesMessages } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('minutes messages', () => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    const zh: Record<string, string> = minutesMessages['zh-CN'];
    const en: Record<string, string> = minutesMessages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect(zh[key]?.trim(), key).toBeTruthy();
      expect(en[key]?.trim(), key).toBeTruthy();
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(zh[key] ?? ''));
    }
  });
});
