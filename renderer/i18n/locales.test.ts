import { describe, expect, it } from 'vitest';
import { resources } from './index';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce(
    (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
    {} as Record<string, string>,
  );
}
const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const zh = flatten({ ...resources['zh-CN'] });
  const eng = flatten({ ...resources.en });
  it('have the same keys', () => {
    expect(Object.keys(eng).sort()).toEqual(Object.keys(zh).sort());
  });
  it('use the same placeholders in every message', () => {
    for (const key of Object.keys(zh)) expect(placeholders(eng[key] ?? ''), key).toEqual(placeholders(zh[key]!));
  });
  it('have no empty message', () => {
    for (const [key, value] of Object.entries({ ...zh, ...eng })) expect(value.trim(), key).not.toBe('');
  });
});
