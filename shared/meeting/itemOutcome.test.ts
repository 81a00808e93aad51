import { describe, expect, it } from 'vitest';
import { needsMinutes, toggledItemState } from './itemOutcome';
import { SAMPLE_ITEM_PARKING_ID, sampleRedBenchRecord } from '../fixtures/testRecord';

describe('toggledItemState', () => {
  const reached = { startedAt: '2026-07-15T01:10:00.000Z' };

  it('sets a mark, replacing the other one', () => {
    expect(toggledItemState({ state: 'discussed', ...reached }, 'carriedOver')).toBe('carriedOver');
    expect(toggledItemState({ state: 'resolved', ...reached }, 'carriedOver')).toBe('carriedOver');
    expect(toggledItemState({ state: 'carriedOver', ...reached }, 'resolved')).toBe('resolved');
    expect(toggledItemState({ state: 'pending' }, 'carriedOver')).toBe('carriedOver');
  });

  it('takes a mark off: 已议 if the meeting reached the item, 待议 if it never did', () => {
    expect(toggledItemState({ state: 'carriedOver', ...reached }, 'carriedOver')).toBe('discussed');
    expect(toggledItemState({ state: 'resolved', ...reached }, 'resolved')).toBe('discussed');
    expect(toggledItemState({ state: 'carriedOver' }, 'carriedOver')).toBe('pending');
  });
});

describe('needsMinutes', () => {
  const record = sampleRedBenchRecord();
  const item = record.agendaItems.find((i) => i.id === SAMPLE_ITEM_PARKING_ID)!;
  const bare = { ...record, minutes: [], decisions: [], votes: [], householdConsultations: [] };
  const { resolution: _r, ...untouched } = item;

  it('asks minutes of every item except one carried over with nothing on it', () => {
    expect(needsMinutes(bare, { ...untouched, state: 'pending' })).toBe(true);
    expect(needsMinutes(bare, { ...untouched, state: 'discussed' })).toBe(true);
    expect(needsMinutes(bare, { ...untouched, state: 'resolved' })).toBe(true);
    expect(needsMinutes(bare, { ...untouched, state: 'carriedOver' })).toBe(false);
    expect(needsMinutes(record, { ...untouched, state: 'carriedOver' })).toBe(true);
  });
});
