import { describe, expect, it } from 'vitest';
import { sampleRedBenchRecord, sampleSignedRedBenchRecord } from '../fixtures/testRecord';
import { fingerprintRecord } from './fingerprint';
import { assembleRecord, orderRecord, recordStructureFault, RECORD_LISTS, wholeRecordSchema } from './record';

describe('recordStructureFault', () => {
  it('finds nothing wrong with the sample records', async () => {
    expect(recordStructureFault(sampleRedBenchRecord())).toBe(null);
    expect(recordStructureFault(await sampleSignedRedBenchRecord())).toBe(null);
  });

  it('names a row of another meeting, a repeated key and a row on a foreign agenda item', () => {
    const record = sampleRedBenchRecord();
    record.attendance[2]!.meetingId = 'other';
    expect(recordStructureFault(record)).toEqual({
      path: ['attendance', 2, 'meetingId'],
      words: '不是本会议（属于另一个会议）',
    });
    const repeated = sampleRedBenchRecord();
    repeated.minutes.push({ ...repeated.minutes[0]! });
    expect(recordStructureFault(repeated)).toEqual({
      path: ['minutes', repeated.minutes.length - 1, 'agendaItemId'],
      words: '与第1段纪要重复',
    });
    const foreign = sampleRedBenchRecord();
    foreign.votes[0]!.agendaItemId = 'item-elsewhere';
    expect(recordStructureFault(foreign)).toEqual({
      path: ['votes', 0, 'agendaItemId'],
      words: '不是本会议议程中的议题',
    });
    expect(wholeRecordSchema.safeParse(foreign).success).toBe(false);
  });
});

describe('assembleRecord', () => {
  it('builds the record from stored rows: the chain kept at 定稿, only the record’s own lists', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const meeting = { ...signed.meeting, orgPathAtFinalise: signed.orgPath, documentOrgNameAtFinalise: 'X' };
    const rows = Object.fromEntries(RECORD_LISTS.map((l) => [l, [...signed[l]].reverse()]));
    // Whatever else the rows' holder carries (here the meetings table) stays out of the record.
    const assembled = assembleRecord(meeting, { ...rows, meetings: [meeting] } as never, {
      orgPath: ['现在的名称'],
      documentOrgName: '现在的落款',
    });
    expect(Object.keys(assembled).sort()).toEqual(Object.keys(signed).sort());
    expect(assembled.orgPath).toEqual(signed.orgPath);
    expect(assembled.documentOrgName).toBe('X');
    expect(assembled.agendaItems).toEqual(orderRecord(signed).agendaItems);
    expect(await fingerprintRecord({ ...assembled, documentOrgName: signed.documentOrgName })).toBe(
      signed.meeting.fingerprint,
    );
  });

  it('uses the organisation as it is now for a meeting kept without its chain', () => {
    const record = sampleRedBenchRecord();
    const assembled = assembleRecord(record.meeting, record, { orgPath: ['垦利区'], documentOrgName: '落款' });
    expect(assembled.orgPath).toEqual(['垦利区']);
    expect(assembled.documentOrgName).toBe('落款');
  });
});
