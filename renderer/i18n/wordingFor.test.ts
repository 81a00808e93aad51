import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { allResources } from './index';
import { wordingFor } from './wording';

async function wording(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources: allResources(), lng, interpolation: { escapeValue: false } });
  return wordingFor(instance.t, lng);
}

describe('wordingFor', () => {
  it('writes Chinese punctuation and dates in Chinese', async () => {
    const w = await wording('zh-CN');
    expect(w.labelled('下一项', '停车位改造')).toBe('下一项：停车位改造');
    expect(w.withNote('居民代表', '未邀请')).toBe('居民代表（未邀请）');
    expect(w.list(['甲', '乙'])).toBe('甲、乙');
    expect(w.clauses(['甲', '乙'])).toBe('甲；乙');
    expect(w.date('2026-12-03')).toBe('2026年12月3日');
    expect(w.dateTime('2026-12-03T09:00:00+08:00')).toBe('2026年12月3日 09:00');
  });

  it('writes English punctuation and dates in English, with no Chinese mark left', async () => {
    const w = await wording('en');
    expect(w.labelled('Next', 'Parking')).toBe('Next: Parking');
    expect(w.withNote('Resident rep', 'not invited')).toBe('Resident rep (not invited)');
    expect(w.list(['A', 'B'])).toBe('A, B');
    expect(w.clauses(['A', 'B'])).toBe('A; B');
    expect(w.date('2026-12-03')).toBe('3 Dec 2026');
    expect(w.dateTime('2026-12-03T09:00:00+08:00')).toBe('3 Dec 2026, 09:00');
  });
});
