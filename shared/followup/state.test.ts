import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, today, type CalendarDate } from '../dates';
import type { PartyRef } from '../domain/party';
import { decisionSchema } from '../domain/decision';
import { migrateRow } from '../store/migrations';
import { followupRefusal } from './access';
import {
  allowedKinds,
  applyStep,
  followupTiming,
  migrateDecisionStatus,
  needsAttention,
  replay,
  type FollowupState,
  type ProgressStep,
} from './state';

const supervisor: PartyRef = { kind: 'person', personId: 'p-zhao', name: '赵丽娟' };
const note: ProgressStep = { kind: 'note', by: '王建国', text: '已联系施工单位' };
const report: ProgressStep = { kind: 'reportDone', by: '王建国', text: '' };
const confirm: ProgressStep = { kind: 'confirm', by: '赵丽娟', text: '' };
const sendBack: ProgressStep = { kind: 'return', by: '赵丽娟', text: '东侧还有两处没有施划' };

function run(state: FollowupState, step: ProgressStep) {
  return applyStep(state, step, supervisor);
}

describe('follow-up transitions', () => {
  it('a note starts the work; a report waits for the supervisor; only the supervisor confirms', () => {
    expect(run('notStarted', note)).toEqual({ ok: true, state: 'inProgress' });
    expect(run('inProgress', note)).toEqual({ ok: true, state: 'inProgress' });
    expect(run('notStarted', report)).toEqual({ ok: true, state: 'reported' });
    expect(run('inProgress', report)).toEqual({ ok: true, state: 'reported' });
    expect(run('reported', confirm)).toEqual({ ok: true, state: 'done' });
    expect(run('reported', note)).toEqual({ ok: true, state: 'reported' });
  });

  it('refuses a confirmation before a report, a second report, and anything after 已完成', () => {
    expect(run('notStarted', confirm)).toEqual({ ok: false, problem: 'notReported' });
    expect(run('inProgress', confirm)).toEqual({ ok: false, problem: 'notReported' });
    expect(run('inProgress', sendBack)).toEqual({ ok: false, problem: 'notReported' });
    expect(run('reported', report)).toEqual({ ok: false, problem: 'alreadyReported' });
    for (const step of [note, report, confirm, sendBack])
      expect(run('done', step)).toEqual({ ok: false, problem: 'alreadyDone' });
  });

  it('confirming or sending back under another name needs that name confirmed', () => {
    const other = { ...confirm, by: '李振海' };
    expect(run('reported', other)).toEqual({ ok: false, problem: 'notSupervisor' });
    expect(run('reported', { ...sendBack, by: '李振海' })).toEqual({ ok: false, problem: 'notSupervisor' });
    expect(run('reported', { ...other, otherThanSupervisor: true })).toEqual({ ok: true, state: 'done' });
    // The recorded name with stray spaces is still the supervisor.
    expect(run('reported', { ...confirm, by: ' 赵丽娟 ' })).toEqual({ ok: true, state: 'done' });
  });

  it('a send-back needs a reason and returns the decision to 进行中', () => {
    expect(run('reported', { ...sendBack, text: '  ' })).toEqual({ ok: false, problem: 'reasonMissing' });
    expect(run('reported', sendBack)).toEqual({ ok: true, state: 'inProgress' });
  });

  it('every step names who; a note says something; text has a limit', () => {
    expect(run('notStarted', { ...note, by: ' ' })).toEqual({ ok: false, problem: 'byMissing' });
    expect(run('notStarted', { ...note, text: '' })).toEqual({ ok: false, problem: 'textMissing' });
    expect(run('notStarted', { ...note, text: '字'.repeat(1001) })).toEqual({ ok: false, problem: 'textTooLong' });
  });

  it('offers exactly the steps the transition table accepts', () => {
    const steps = [note, report, confirm, sendBack];
    for (const state of ['notStarted', 'inProgress', 'reported', 'done'] as const) {
      const accepted = steps.filter((s) => run(state, s).ok).map((s) => s.kind);
      expect([...allowedKinds(state)].sort(), state).toEqual(accepted.sort());
    }
  });

  it('replays a history to the state it led to', () => {
    expect(replay([], supervisor)).toBe('notStarted');
    expect(replay([note, report, sendBack, report, confirm], supervisor)).toBe('done');
    expect(replay([note, report, sendBack], supervisor)).toBe('inProgress');
  });
});

describe('follow-up timing (computed, never stored)', () => {
  it('逾期 from the day after the deadline, 今天到期 on it, 即将到期 within 3 days', () => {
    expect(followupTiming('2026-11-10', 'inProgress', '2026-11-11')).toBe('overdue');
    expect(followupTiming('2026-11-10', 'notStarted', '2026-11-10')).toBe('dueToday');
    expect(followupTiming('2026-11-10', 'reported', '2026-11-07')).toBe('dueSoon');
    expect(followupTiming('2026-11-10', 'inProgress', '2026-11-06')).toBe('onTrack');
    expect(followupTiming('2026-11-10', 'done', '2026-12-01')).toBe('none');
    // A reported but unconfirmed decision still counts as late.
    expect(followupTiming('2026-11-10', 'reported', '2026-11-11')).toBe('overdue');
  });

  it('counts across month and year ends by calendar days', () => {
    expect(followupTiming('2026-03-01', 'notStarted', '2026-02-26')).toBe('dueSoon');
    expect(followupTiming('2026-03-01', 'notStarted', '2026-02-25')).toBe('onTrack');
    expect(followupTiming('2027-01-01', 'notStarted', '2026-12-31')).toBe('dueSoon');
    expect(followupTiming('2026-12-31', 'notStarted', '2027-01-01')).toBe('overdue');
  });

  it('says 即将到期 exactly when the deadline is 1–3 calendar days ahead, on every day of three years (a leap year too)', () => {
    let day = '2027-01-01' as CalendarDate;
    let soon = 0;
    while (day < '2030-01-01') {
      for (const ahead of [-2, -1, 0, 1, 2, 3, 4, 5, 30]) {
        const deadline = addDays(day, ahead);
        const expected = ahead < 0 ? 'overdue' : ahead === 0 ? 'dueToday' : ahead <= 3 ? 'dueSoon' : 'onTrack';
        expect(followupTiming(deadline, 'inProgress', day), `${deadline} on ${day}`).toBe(expected);
        expect(daysBetween(day, deadline)).toBe(ahead);
        if (expected === 'dueSoon') soon += 1;
      }
      day = addDays(day, 1);
    }
    expect(soon).toBe(3 * 1096);
  });

  it('takes today from the wall clock where the app runs: 23:30 in Beijing is still the deadline day', () => {
    // 2026-11-10T23:30+08:00 is 15:30 UTC. The test runner's zone decides which day the machine
    // sees; under TZ=Asia/Shanghai (the users' zone) it is the 10th, so not yet overdue.
    const moment = new Date('2026-11-10T15:30:00.000Z');
    const day = today(moment);
    expect(followupTiming('2026-11-10', 'inProgress', day)).toBe(day === '2026-11-10' ? 'dueToday' : 'overdue');
  });

  it('the badge counts overdue and due today only', () => {
    expect(['overdue', 'dueToday', 'dueSoon', 'onTrack', 'none'].filter((t) => needsAttention(t as never))).toEqual([
      'overdue',
      'dueToday',
    ]);
  });
});

describe('who may follow a decision', () => {
  it('only a signed meeting’s decisions, with a Chinese reason otherwise', () => {
    expect(followupRefusal('signed')).toBeNull();
    for (const status of ['draft', 'live', 'closed', 'finalised'] as const)
      expect(followupRefusal(status)).toMatch(/签字后才能督办/);
    expect(followupRefusal('cancelled')).toMatch(/会议已取消/);
  });
});

describe('schema 1 → 2 migration of decisions', () => {
  const v1 = {
    id: 'd',
    meetingId: 'm',
    agendaItemId: 'i',
    title: '重新施划地面停车位',
    responsible: { kind: 'text', name: '物业公司' },
    standard: '按图施划',
    deadline: '2026-08-10',
    supervisor: { kind: 'text', name: '业委会' },
    createdAt: '2026-07-10T01:00:00.000Z',
  };
  it('maps open/overdue → 未开始 and done/rated → 已完成, leaving other fields', () => {
    const cases = { open: 'notStarted', overdue: 'notStarted', done: 'done', rated: 'done' } as const;
    for (const [old, now] of Object.entries(cases)) {
      const migrated = migrateRow('decisions', { ...v1, status: old }, 1);
      expect(migrated).toEqual({ ...v1, status: now });
      expect(decisionSchema.safeParse(migrated).success).toBe(true);
    }
  });
  it('leaves a value it does not know for validation to refuse', () => {
    expect(migrateDecisionStatus({ ...v1, status: 'finished' })).toEqual({ ...v1, status: 'finished' });
    expect(decisionSchema.safeParse(migrateDecisionStatus({ ...v1, status: 'finished' })).success).toBe(false);
    expect(migrateDecisionStatus(null)).toBeNull();
  });
});
