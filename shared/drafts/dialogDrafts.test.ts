import { describe, expect, it } from 'vitest';
import {
  decisionDraftSchema,
  dialogDraftKey,
  draftApplies,
  guestDraftSchema,
  keptDraftSchema,
  rowBase,
  householdDraftSchema,
  sameDraft,
  voteDraftSchema,
} from './dialogDrafts';

describe('dialog drafts', () => {
  it('accept a half-filled decision, even one the save would refuse', () => {
    const draft = {
      title: '更换分类垃圾桶',
      responsible: { kind: 'text', name: '物业公司' },
      standard: 'x'.repeat(1500), // over the form's 1000: kept, for the save to say so
    };
    expect(decisionDraftSchema.parse(draft)).toEqual(draft);
    expect(decisionDraftSchema.parse({})).toEqual({});
  });

  it('refuse what no form of the app writes', () => {
    expect(decisionDraftSchema.safeParse({ deadline: '10/12/2026' }).success).toBe(false);
    expect(decisionDraftSchema.safeParse({ responsible: { kind: 'person', name: '张三' } }).success).toBe(false);
    expect(voteDraftSchema.safeParse({ method: 'lottery' }).success).toBe(false);
    expect(voteDraftSchema.safeParse({ agree: -1 }).success).toBe(false);
    expect(householdDraftSchema.safeParse({ subject: 'x'.repeat(20_001) }).success).toBe(false);
    expect(guestDraftSchema.safeParse({ category: 'king' }).success).toBe(false);
  });

  it('take a cleared number field (null) as the form gives it', () => {
    expect(voteDraftSchema.parse({ agree: null, disagree: 3 })).toEqual({ agree: null, disagree: 3 });
  });

  it('key a draft by meeting, dialog, agenda item and row, so it reopens only where it was typed', () => {
    const keys = [
      dialogDraftKey('m1', 'decision', { agendaItemId: 'a1' }),
      dialogDraftKey('m1', 'decision', { agendaItemId: 'a2' }),
      dialogDraftKey('m1', 'decision', { agendaItemId: 'a1', id: 'd1' }),
      dialogDraftKey('m1', 'vote', { agendaItemId: 'a1' }),
      dialogDraftKey('m2', 'decision', { agendaItemId: 'a1' }),
      dialogDraftKey('m1', 'walkIn'),
      dialogDraftKey('m1', 'guest'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(dialogDraftKey('m1', 'decision', { agendaItemId: 'a1' })).toBe(keys[0]);
  });

  it('apply only to the rows they were typed on: an edited row unchanged, no new row added since', () => {
    const row = rowBase({ title: '更换垃圾桶', standard: '每栋一组' });
    expect(draftApplies(row, rowBase({ title: '更换垃圾桶', standard: '每栋一组' }))).toBe(true);
    // The edit's save landed (a power cut lost the draft's removal): the row changed.
    expect(draftApplies(row, rowBase({ title: '更换垃圾桶', standard: '每栋两组' }))).toBe(false);
    // A new decision: d3 added since is this draft, saved; d1 deleted since does not matter.
    expect(draftApplies(['d1', 'd2'], ['d1', 'd2'])).toBe(true);
    expect(draftApplies(['d1', 'd2'], ['d2'])).toBe(true);
    expect(draftApplies(['d1', 'd2'], ['d1', 'd2', 'd3'])).toBe(false);
    expect(draftApplies([], [])).toBe(true);
  });

  it('validate the kept envelope', () => {
    const schema = keptDraftSchema(decisionDraftSchema);
    expect(schema.safeParse({ values: { title: 'a' }, base: ['d1'] }).success).toBe(true);
    expect(schema.safeParse({ values: { title: 'a' } }).success).toBe(false);
    expect(schema.safeParse({ values: { title: 1 }, base: [] }).success).toBe(false);
  });

  it('compare drafts by value', () => {
    expect(sameDraft({ title: 'a' }, { title: 'a' })).toBe(true);
    expect(sameDraft({ title: 'a' }, { title: 'a', standard: 'b' })).toBe(false);
  });
});
