import { describe, expect, it } from 'vitest';
import { sampleRedBenchRecord } from '../fixtures/testRecord';
import { orderRecord } from './record';

describe('orderRecord', () => {
  it('orders a record once: an ordered record comes back as it is', () => {
    const r = sampleRedBenchRecord();
    const shuffled = { ...r, agendaItems: [...r.agendaItems].reverse(), attendance: [...r.attendance].reverse() };
    const ordered = orderRecord(shuffled);
    expect(ordered).not.toBe(shuffled);
    expect(ordered.agendaItems.map((i) => i.order)).toEqual(
      [...shuffled.agendaItems.map((i) => i.order)].sort((a, b) => a - b),
    );
    expect(orderRecord(ordered)).toBe(ordered);
  });

  it('orders again a copy made from an ordered record', () => {
    const ordered = orderRecord(sampleRedBenchRecord());
    const changed = { ...ordered, attendance: [...ordered.attendance].reverse() };
    const again = orderRecord(changed);
    expect(again).not.toBe(changed);
    expect(again.attendance.map((a) => a.id)).toEqual(ordered.attendance.map((a) => a.id));
  });
});
