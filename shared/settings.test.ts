import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSetUp, settingsFromStored } from './settings';

describe('settingsFromStored', () => {
  const good = {
    key: 'app',
    documentOrgName: '中共垦利街道胜兴社区委员会',
    locale: 'en',
    largeType: true,
    setUpAt: '2026-03-01T02:00:00.000Z',
    matterClerk: '王秀英',
  };

  it('reads a good row as it is', () => {
    const { settings, replaced, unknown } = settingsFromStored(good);
    expect(settings).toMatchObject({ documentOrgName: good.documentOrgName, locale: 'en', largeType: true });
    expect(settings.setUpAt).toBe(good.setUpAt);
    expect(replaced).toEqual([]);
    expect(unknown).toEqual({});
  });

  it('replaces a wrong field, fills a missing one and keeps the rest, setUpAt included', () => {
    const { locale: _missing, ...withoutLocale } = good;
    const row = {
      ...withoutLocale,
      largeType: 'yes', // wrong kind
      ownLevel: 'province', // a level a future version may know
      satisfactionThresholdPercent: 85,
      futureTheme: { dark: true }, // a field of a future version
    };
    const { settings, replaced, unknown } = settingsFromStored(row);
    expect(settings.largeType).toBe(DEFAULT_SETTINGS.largeType);
    expect(settings.locale).toBe(DEFAULT_SETTINGS.locale);
    expect(settings.ownLevel).toBeUndefined();
    expect(replaced.sort()).toEqual(['largeType', 'ownLevel']);
    expect(settings.documentOrgName).toBe(good.documentOrgName);
    expect(settings.setUpAt).toBe(good.setUpAt);
    expect(settings.matterClerk).toBe('王秀英');
    expect(settings.satisfactionThresholdPercent).toBe(85);
    expect(unknown).toEqual({ futureTheme: { dark: true } });
    expect(settings).not.toHaveProperty('futureTheme');
    expect(settings).not.toHaveProperty('key');
  });

  it('keeps good saved searches and drops a damaged list alone, the other fields kept', () => {
    const saved = [
      { name: '电梯', query: '加装电梯', filters: { kinds: ['agendaItem', 'decision'], from: '2026-01-01' } },
      { name: '逾期', query: '', filters: { overdueOnly: true } },
    ];
    const ok = settingsFromStored({ ...good, savedSearches: saved });
    expect(ok.settings.savedSearches).toEqual(saved);
    expect(ok.replaced).toEqual([]);
    const damaged = [
      [{ name: '电梯', query: '加装电梯', filters: { kinds: ['nonsense'] } }],
      [{ name: '', query: '加装电梯', filters: {} }],
      [{ name: '名'.repeat(31), query: '', filters: {} }],
      [{ name: '电梯', query: '电'.repeat(101), filters: {} }],
      [{ name: '电梯', query: '加装电梯', filters: { from: '2026-02-30' } }],
      [{ name: '电梯', query: '加装电梯' }],
      Array.from({ length: 51 }, (_, i) => ({ name: `第${i}个`, query: '电梯', filters: {} })),
      'not a list',
      { name: '电梯' },
    ];
    for (const savedSearches of damaged) {
      const { settings, replaced } = settingsFromStored({ ...good, savedSearches });
      expect(settings.savedSearches, JSON.stringify(savedSearches).slice(0, 80)).toBeUndefined();
      expect(replaced).toEqual(['savedSearches']);
      expect(settings.setUpAt).toBe(good.setUpAt);
      expect(settings.documentOrgName).toBe(good.documentOrgName);
    }
  });

  it('reads no row, or not an object, as the defaults', () => {
    for (const row of [undefined, null, 'app', 42]) expect(settingsFromStored(row).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('isSetUp', () => {
  it('needs a real moment', () => {
    expect(isSetUp({ setUpAt: '2026-03-01T02:00:00.000Z' })).toBe(true);
    for (const setUpAt of [undefined, '', 'garbage']) expect(isSetUp({ setUpAt }), String(setUpAt)).toBe(false);
  });
});
