import { describe, expect, it } from 'vitest';
import { meetingRecordSchema } from './record';
import { reviewRecord } from './review';
import { verifyRecord } from './fingerprint';
import { voteResult } from '../domain/vote';
import { sampleRedBenchRecord, sampleSignedRedBenchRecord } from './testRecord';

type Node = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string }>;
  content?: Node[];
};
const nodes = (n: Node): Node[] => [n, ...(n.content ?? []).flatMap(nodes)];

describe('the sample 帝纱富仕城 红板凳议事会', () => {
  it('is valid against meetingRecordSchema, unchanged by parsing', () => {
    const record = sampleRedBenchRecord();
    expect(meetingRecordSchema.parse(record)).toEqual(record);
  });
  it('is complete: review finds nothing, so it can be finalised and signed', async () => {
    expect(reviewRecord(sampleRedBenchRecord())).toEqual([]);
    const signed = await sampleSignedRedBenchRecord();
    expect(meetingRecordSchema.safeParse(signed).success).toBe(true);
    expect(await verifyRecord(signed)).toBe('consistent');
  });
  it('returns a fresh, equal value each call', () => {
    const a = sampleRedBenchRecord();
    a.agendaItems[0]!.title = 'changed';
    expect(sampleRedBenchRecord().agendaItems[0]!.title).toBe('分类垃圾桶改造');
    expect(sampleRedBenchRecord()).toEqual(sampleRedBenchRecord());
  });
  it('has what document code needs to exercise', () => {
    const r = sampleRedBenchRecord();
    expect(r.agendaItems.map((i) => i.title)).toEqual(['分类垃圾桶改造', '停车位重新施划']);
    expect(r.attendance.map((a) => a.state).filter((s) => s === 'nonVoting' || s === 'excused')).toEqual([
      'excused',
      'nonVoting',
    ]);
    expect(new Set(r.attendance.map((a) => a.category)).size).toBe(7);
    expect(r.decisions).toHaveLength(2);
    expect(r.votes.map((v) => [v.agree, v.disagree, v.abstain, v.method, voteResult(v)])).toEqual([
      [9, 1, 0, 'showOfHands', { ok: true, passed: true, needed: 6 }],
    ]);
    expect(r.householdConsultations).toHaveLength(1);
    for (const m of r.minutes) {
      const all = nodes(m.doc as Node);
      const types = new Set(all.map((n) => n.type));
      for (const t of ['doc', 'heading', 'paragraph', 'bulletList', 'listItem', 'text', 'mention'])
        expect(types).toContain(t);
      expect(all.some((n) => n.marks?.some((mark) => mark.type === 'bold'))).toBe(true);
      const mention = all.find((n) => n.type === 'mention')!;
      expect(mention.attrs).toEqual({ id: expect.stringMatching(/^sample-person-/), label: expect.any(String) });
      expect(m.text).toContain(`@${String(mention.attrs!.label)}`);
    }
  });
});
