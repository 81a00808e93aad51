import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { meetingRecordSchema, type MeetingRecord } from '../meeting/record';
import { amendmentSchema } from '../domain/meeting';
import { personSchema } from '../domain/person';
import { sampleRedBenchRecord } from '../fixtures/testRecord';
import { fieldName } from './fieldNames';
import { firstIssueMessage, validationMessage, type PathRoot } from './messages';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The message for the first problem of a sample record changed by `change`. */
function recordMessage(change: (record: Loose) => void): string {
  const record = structuredClone(sampleRedBenchRecord()) as unknown as Loose;
  change(record);
  const result = meetingRecordSchema.safeParse(record);
  if (result.success) throw new Error('the change was accepted');
  return firstIssueMessage(result.error, { root: { kind: 'record' }, input: record });
}

/** Letters a message may hold: an example value, and the one key it has to name. */
const ALLOWED_LATIN = /2026-12-10|a至f|__proto__/g;

function expectChineseOnly(message: string): void {
  expect(message).not.toMatch(/Invalid|expected|received|undefined|NaN/);
  expect(message.replace(ALLOWED_LATIN, ''), message).not.toMatch(/[A-Za-z]/);
}

describe('validation messages name the field in words', () => {
  it('says the examples of the issue', () => {
    expect(recordMessage((r) => (r.votes[0].agree = '3'))).toBe('第1次表决的同意票数应为数字');
    expect(recordMessage((r) => (r.decisions[1].deadline = '2026/12/10'))).toBe(
      '第2项决定的完成时限不是有效日期（应为“年-月-日”，如 2026-12-10）',
    );
  });

  it('says what is wrong from the issue, not from the schema’s English', () => {
    expect(recordMessage((r) => (r.meeting.title = '  '))).toBe('会议名称不能为空');
    expect(recordMessage((r) => delete r.attendance[2].name)).toBe('第3位参会人员的姓名缺失');
    expect(recordMessage((r) => (r.agendaItems[1].title = '议'.repeat(101)))).toBe('第2个议题的标题不能超过100个字');
    expect(recordMessage((r) => (r.votes[0].agree = 1.5))).toBe('第1次表决的同意票数应为整数');
    expect(recordMessage((r) => (r.votes[0].agree = -1))).toBe('第1次表决的同意票数不能小于0');
    expect(recordMessage((r) => (r.votes[0].agree = 1e308))).toBe('第1次表决的同意票数过大');
    expect(recordMessage((r) => (r.meeting.startAt = 'yesterday'))).toBe('会议时间不是有效的时间');
    expect(recordMessage((r) => (r.meeting.status = 'done'))).toBe('会议状态不是可选的值');
    expect(recordMessage((r) => (r.decisions = 'x'))).toBe('决定事项应为一组内容（列表）');
    expect(recordMessage((r) => (r.meeting.fingerprint = 'ABC'))).toBe('会议指纹应为64位数字和小写字母a至f');
  });

  it('follows a union into the option that was meant (a roster person or a typed name)', () => {
    expect(recordMessage((r) => (r.decisions[0].responsible = { kind: 'text', name: '' }))).toBe(
      '第1项决定的责任人的姓名或名称不能为空',
    );
    expect(recordMessage((r) => (r.decisions[0].supervisor = { kind: 'person', personId: 'p' }))).toBe(
      '第1项决定的监督人的姓名或名称缺失',
    );
    expect(recordMessage((r) => (r.meeting.chair = 5))).toBe('主持人格式不对');
  });

  it('keeps a refinement’s own Chinese sentence, after the field', () => {
    expect(recordMessage((r) => (r.householdConsultations[0].agreed = 100_000))).toBe(
      '第1次逐户征求意见：同意、不同意与未联系到的户数之和不能超过征求户数',
    );
  });

  it('names bounded free-form content without its inner keys', () => {
    const deep: Loose = {};
    let node = deep;
    for (let i = 0; i < 10_000; i++) node = node.content = {};
    expect(recordMessage((r) => (r.minutes[0].doc = deep))).toBe('第1段纪要的内容嵌套层数过多（超过256层）');
    expect(recordMessage((r) => (r.minutes[0].doc = JSON.parse('{"type":"doc","__proto__":{}}')))).toBe(
      '第1段纪要的内容含有不允许使用的名称“__proto__”',
    );
  });

  it('names rows of a backup table and parts of an amendment', () => {
    const person = { id: 'p', name: '张三', roles: [], isGridWorker: false, isMediator: false };
    const result = personSchema.safeParse(person);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(firstIssueMessage(result.error, { root: { kind: 'row', table: 'people' }, input: person })).toBe(
        '是否党员缺失',
      );
    const amendment = { id: 'a', meetingId: 'm', at: '2026-07-16T09:00:00+08:00', by: '赵', reason: '更正' };
    const parsed = amendmentSchema.safeParse({ ...amendment, changes: [{ path: '' }] });
    if (!parsed.success)
      expect(firstIssueMessage(parsed.error, { root: { kind: 'amendment' }, input: amendment })).toBe(
        '修订的第1处更正的更正项目不能为空',
      );
    expect(parsed.success).toBe(false);
  });

  it('never shows a key: an unknown part is "一项内容"', () => {
    expect(fieldName(['record', 'decisions', 0, 'secret'], { kind: 'meetingFile' })).toBe('第1项决定的一项内容');
    expect(fieldName(['record', 'decisions', 'x'], { kind: 'meetingFile' })).toBe('决定事项的一项内容');
    expect(fieldName(['appVersion'], { kind: 'meetingFile' })).toBe('导出文件的软件版本');
    expect(fieldName(['record', 'orgPath', 2], { kind: 'meetingFile' })).toBe('组织链条第3项');
    expect(fieldName(['phone'], { kind: 'row', table: 'nope' })).toBe('一项内容');
    expect(fieldName(['record', 'meeting'], { kind: 'meetingFile' })).toBe('会议');
    expect(fieldName(['record', 'meeting', 'x'], { kind: 'meetingFile' })).toBe('会议的一项内容');
  });

  it('falls back to zod’s zh-CN wording for an issue it has no words for', () => {
    const result = z.object({ n: z.number().multipleOf(5) }).safeParse({ n: 7 });
    expect(result.success).toBe(false);
    if (!result.success) {
      const message = validationMessage(result.error.issues[0]!, { root: { kind: 'record' } });
      expect(message).toBe('一项内容：无效数字：必须是 5 的倍数');
    }
  });

  it('is Chinese for any damage to a record (property)', () => {
    const base = sampleRedBenchRecord() as unknown as Loose;
    const roots: PathRoot[] = [{ kind: 'record' }];
    const hostile = fc.oneof(
      fc.constantFrom(null, true, 0, -1, 1.5, 1e308, '', ' ', '2026-13-45', [], {}, [null], { id: 'x' }),
      fc.string({ maxLength: 10 }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    let refused = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), hostile, fc.boolean(), (picks, value, del) => {
        const record = structuredClone(base);
        let node: Loose = record;
        for (let i = 0; i < picks.length; i++) {
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const key = keys[picks[i]! % keys.length]!;
          const child = node[key];
          if (i === picks.length - 1 || child === null || typeof child !== 'object') {
            if (del) delete node[key];
            else node[key] = value;
            break;
          }
          node = child;
        }
        const result = meetingRecordSchema.safeParse(record as MeetingRecord);
        if (result.success) return;
        refused++;
        for (const issue of result.error.issues)
          expectChineseOnly(validationMessage(issue, { root: roots[0]!, input: record }));
      }),
      { numRuns: 1500 },
    );
    expect(refused).toBeGreaterThan(500);
  });
});
