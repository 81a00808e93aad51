import { describe, expect, it } from 'vitest';
import { sampleRedBenchRecord } from '../fixtures/testRecord';
import { agendaTakenUp, wasCarriedOver } from './discussed';
import type { MeetingRecord } from './record';

/** The sample with its second item never reached: pending, its background written, nothing recorded on it. */
function withSecondItemUntouched(): MeetingRecord {
  const r = sampleRedBenchRecord();
  const second = r.agendaItems[1]!;
  const { resolution: _r, ...item } = second;
  return {
    ...r,
    agendaItems: [r.agendaItems[0]!, { ...item, state: 'pending' }],
    minutes: r.minutes.filter((m) => m.agendaItemId !== second.id),
    decisions: r.decisions.filter((d) => d.agendaItemId !== second.id),
    votes: r.votes.filter((v) => v.agendaItemId !== second.id),
    householdConsultations: r.householdConsultations.filter((h) => h.agendaItemId !== second.id),
  };
}

describe('which agenda items a meeting took up', () => {
  it('carries over an item nothing was recorded on, whatever its background', () => {
    const r = withSecondItemUntouched();
    expect(r.agendaItems[1]!.background).toBeTruthy();
    const { discussed, carriedOver } = agendaTakenUp(r);
    expect(discussed.map((i) => i.title)).toEqual(['分类垃圾桶改造']);
    expect(carriedOver.map((i) => i.title)).toEqual(['停车位重新施划']);
  });

  it('keeps an item with anything recorded on it, whatever its state', () => {
    const r = withSecondItemUntouched();
    const item = r.agendaItems[1]!;
    const empty = { type: 'doc', content: [{ type: 'paragraph' }] };
    const minutes = (doc: unknown) => ({
      ...r.minutes[0]!,
      agendaItemId: item.id,
      doc: doc as Record<string, unknown>,
    });
    expect(wasCarriedOver({ ...r, minutes: [minutes(empty)] }, item)).toBe(true);
    const words = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '改期' }] }] };
    expect(wasCarriedOver({ ...r, minutes: [minutes(words)] }, item)).toBe(false);
    expect(wasCarriedOver(r, { ...item, resolution: '下次再议' })).toBe(false);
    expect(wasCarriedOver(r, { ...item, state: 'carriedOver' })).toBe(true);
    expect(wasCarriedOver(r, { ...item, state: 'resolved' })).toBe(false);
    const decision = { ...sampleRedBenchRecord().decisions[1]!, agendaItemId: item.id };
    expect(wasCarriedOver({ ...r, decisions: [decision] }, item)).toBe(false);
  });
});
