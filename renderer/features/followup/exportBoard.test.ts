import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { boardRows, latestSteps, EXPORT_HEADERS } from '../../../shared/followup/board';
import type { Decision } from '../../../shared/domain/decision';
import { boardWorkbook } from './exportBoard';

const decision: Decision = {
  id: 'd1',
  meetingId: 'm1',
  agendaItemId: 'i1',
  title: '重新施划地面停车位',
  responsible: { kind: 'text', name: '物业公司' },
  standard: '按图施划，标线清晰',
  deadline: '2026-11-30',
  supervisor: { kind: 'text', name: '业委会' },
  status: 'inProgress',
  createdAt: '2026-11-10T01:00:00.000Z',
};
const meeting = {
  id: 'm1',
  title: '红板凳议事会',
  orgUnitId: 'u1',
  issueYear: 2026,
  issueNo: 7,
  startAt: '2026-11-10T09:00:00+08:00',
  status: 'signed' as const,
};

describe('board export', () => {
  it('writes Chinese headers and the deadline as a real Excel date', async () => {
    const rows = boardRows([decision], [meeting], new Map([['u1', '帝纱富仕城']]), latestSteps([]), '2026-12-01');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await boardWorkbook(rows)).buffer);
    const sheet = workbook.getWorksheet('督办')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_HEADERS]);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('重新施划地面停车位');
    const deadline = row.getCell(4).value;
    expect(deadline).toBeInstanceOf(Date);
    expect((deadline as Date).toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(row.getCell(4).numFmt).toContain('yyyy');
    expect(row.getCell(6).value).toBe('进行中');
    expect(row.getCell(7).value).toBe('逾期');
    expect(row.getCell(11).value).toBeNull();
  });
});
