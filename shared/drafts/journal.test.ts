import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { journalEntrySchema, journalToRestore } from './journal';

const isStoredAs = (stored: string) => (value: string) => value.trim() === stored;

describe('journal of unsaved field text', () => {
  it('brings back text typed on the stored version it was journaled against', () => {
    const entry = { value: '更换垃圾桶，物业负责', base: ['更换垃圾桶'] };
    expect(journalToRestore(entry, '更换垃圾桶', isStoredAs('更换垃圾桶'))).toBe('更换垃圾桶，物业负责');
  });

  it('brings it back too when a save running at the close landed, but not what was typed after it', () => {
    // Closed while '更换' was being saved and '更换垃圾桶' waited: the running save landed.
    const entry = { value: '更换垃圾桶', base: ['', '更换'] };
    expect(journalToRestore(entry, '更换', isStoredAs('更换'))).toBe('更换垃圾桶');
    expect(journalToRestore(entry, '', isStoredAs(''))).toBe('更换垃圾桶');
  });

  it('ignores an entry whose row was written after it (a removal lost in a power cut)', () => {
    // Journaled at a minimise, then typing went on and was saved: the row moved on.
    const entry = { value: '更换垃圾桶', base: [''] };
    expect(journalToRestore(entry, '更换垃圾桶，物业负责，月底前完成', isStoredAs('x'))).toBeUndefined();
    const minutes = { value: { type: 'doc' }, base: ['2026-07-10T09:00:00.000Z'] };
    expect(journalToRestore(minutes, '2026-07-10T09:05:00.000Z', () => false)).toBeUndefined();
  });

  it('ignores an entry that holds what is stored already (its save did land)', () => {
    expect(journalToRestore({ value: '决议 ', base: [''] }, '', isStoredAs('决议'))).toBeUndefined();
  });

  it('restores an entry with an unknown base unless it equals what is stored', () => {
    expect(journalToRestore({ value: 'a', base: null }, 'b', isStoredAs('b'))).toBe('a');
    expect(journalToRestore(undefined, 'b', isStoredAs('b'))).toBeUndefined();
  });

  it('validates the entry shape', () => {
    const schema = journalEntrySchema(z.string());
    expect(schema.safeParse({ value: 'a', base: null }).success).toBe(true);
    expect(schema.safeParse({ value: 'a' }).success).toBe(false);
    expect(schema.safeParse({ value: 1, base: ['x'] }).success).toBe(false);
    expect(schema.safeParse({ value: 'a', base: 'x' }).success).toBe(false);
  });
});
