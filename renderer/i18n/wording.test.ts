import { describe, expect, it } from 'vitest';
import { ROSTER_ROLE_LABELS_ZH } from '../../shared/domain/roles';
import { allResources } from './index';

import.meta.glob('../features/**/messages.ts', { eager: true });
const zh = allResources()['zh-CN'] as Record<string, Record<string, unknown>>;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(strings);
}

describe('zh-CN wording', () => {
  it('quotes “两委” with Chinese quotation marks', () => {
    for (const label of Object.values(ROSTER_ROLE_LABELS_ZH)) expect(label).not.toMatch(/["']/);
  });

  it('never nests brackets, and leaves out its own where the screen brackets a message', () => {
    for (const text of strings(zh)) expect(text).not.toMatch(/（[^）]*（/);
    // VoteModal shows 通过（…）: the vote rule inside takes no brackets of its own.
    expect((zh.meetings?.vote as Record<string, string>).needed).not.toMatch(/[（）()]/);
  });

  it('says 逐户征求意见, the term of the field', () => {
    for (const text of strings(zh)) expect(text).not.toContain('入户征求意见');
  });
});
