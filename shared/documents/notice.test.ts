import { describe, expect, it } from 'vitest';
import { openDocx, textOf } from '../../tests/documents/docxXml';
import { sampleRedBenchRecord } from '../fixtures/testRecord';
import { buildNoticeDocx } from './index';

describe('the 会议通知 printed after the meeting', () => {
  it('lists the people invited, not those who walked in at the sign-in', async () => {
    const r = sampleRedBenchRecord();
    const walkIn = {
      ...r.attendance[8]!,
      id: 'walk-in',
      name: '王师傅',
      unit: '环卫所',
      order: 99,
      walkIn: true as const,
    };
    const guest = { ...walkIn, id: 'walk-in-guest', name: '林师傅', state: 'nonVoting' as const, order: 100 };
    const record = {
      ...r,
      meeting: { ...r.meeting, status: 'signed' as const },
      attendance: [...r.attendance, walkIn, guest],
    };
    const text = textOf(await (await openDocx(await buildNoticeDocx(record))).xml('word/document.xml'));
    for (const a of r.attendance) expect(text).toContain(a.name);
    expect(text).not.toContain('王师傅');
    expect(text).not.toContain('林师傅');
  });
});
