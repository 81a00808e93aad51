import { describe, expect, it } from 'vitest';
import {
  escalationSchema,
  goBackTo,
  LADDER_STEPS,
  ladderEventNote,
  ladderProblemText,
  ladderView,
  nextLadderStep,
  recordLadderStep,
  summonsEntry,
  type Escalation,
  type LadderContext,
  type LadderStepInput,
} from './ladder';

const NOW = '2026-12-03T10:00:00+08:00';
const ctx: LadderContext = { now: NOW, today: '2026-12-03', raisedAt: '2026-10-01' };

function fresh(): Escalation {
  return {
    id: 'e1',
    matterId: 'm1',
    orgUnitId: 'u1',
    openedAt: NOW,
    openedBy: '王书记',
    steps: [],
    withdrawn: [],
    updatedAt: NOW,
  };
}

function input(step: LadderStepInput['step'], date: string, extra: Partial<LadderStepInput> = {}): LadderStepInput {
  return { step, mode: 'done', date, participants: ['王书记', '李主任'], outcome: '同意', by: '王书记', ...extra };
}

function walk(upTo: number, startDay = 1): Escalation {
  let e = fresh();
  for (let i = 0; i < upTo; i++) {
    const r = recordLadderStep(e, input(LADDER_STEPS[i]!, `2026-11-${String(startDay + i).padStart(2, '0')}`), ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    e = r.escalation;
  }
  return e;
}

describe('五议一备两公开 ladder', () => {
  it('walks every step in order and then refuses more', () => {
    const e = walk(LADDER_STEPS.length);
    expect(e.steps.map((s) => s.step)).toEqual([...LADDER_STEPS]);
    expect(nextLadderStep(e.steps)).toBeNull();
    const more = recordLadderStep(e, input('summons', '2026-12-01'), ctx);
    expect(more).toEqual({ ok: false, issues: [{ problem: 'complete' }] });
    expect(escalationSchema.safeParse(e).success).toBe(true);
  });

  it('refuses a later step while an earlier one is open, naming the open one', () => {
    const r = recordLadderStep(walk(1), input('jointConsultation', '2026-11-05'), ctx);
    expect(r).toEqual({ ok: false, issues: [{ problem: 'earlierStepOpen', step: 'consultation' }] });
    if (!r.ok) expect(ladderProblemText(r.issues[0]!)).toContain('商议');
  });

  it('refuses a step already recorded (going back needs its own action with a reason)', () => {
    const r = recordLadderStep(walk(3), input('proposal', '2026-11-05'), ctx);
    expect(r).toEqual({ ok: false, issues: [{ problem: 'alreadyRecorded', step: 'proposal' }] });
  });

  it('skips a step only with a reason, and the skip keeps its reason', () => {
    const e = walk(2);
    const noReason = recordLadderStep(e, input('jointConsultation', '2026-11-05', { mode: 'skipped' }), ctx);
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.issues.map((i) => i.problem)).toContain('reasonMissing');
    const blank = recordLadderStep(
      e,
      input('jointConsultation', '2026-11-05', { mode: 'skipped', reason: '   ' }),
      ctx,
    );
    expect(blank.ok).toBe(false);
    const ok = recordLadderStep(
      e,
      input('jointConsultation', '2026-11-05', { mode: 'skipped', reason: '不涉及驻区单位', participants: [] }),
      ctx,
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.escalation.steps[2]).toMatchObject({ mode: 'skipped', reason: '不涉及驻区单位' });
      expect(ladderEventNote(ok.escalation.steps[2]!)).toBe('联议（跳过）：不涉及驻区单位');
    }
  });

  it('a done step needs participants and an outcome', () => {
    const r = recordLadderStep(
      fresh(),
      input('proposal', '2026-11-01', { participants: [' ', ''], outcome: ' ' }),
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.problem).sort()).toEqual(['outcomeMissing', 'participantsMissing']);
  });

  it('dates: same day as the previous step is fine, a day earlier is refused with that date', () => {
    const e = walk(2); // consultation on 2026-11-02
    expect(recordLadderStep(e, input('jointConsultation', '2026-11-02'), ctx).ok).toBe(true);
    const r = recordLadderStep(e, input('jointConsultation', '2026-11-01'), ctx);
    expect(r).toEqual({ ok: false, issues: [{ problem: 'dateBeforePrevious', date: '2026-11-02' }] });
    if (!r.ok) expect(ladderProblemText(r.issues[0]!)).toBe('日期不能早于上一步（2026-11-02）');
  });

  it('dates: not before the matter was raised, not after today, and real calendar dates only', () => {
    const before = recordLadderStep(fresh(), input('proposal', '2026-09-30'), ctx);
    expect(before).toEqual({ ok: false, issues: [{ problem: 'dateBeforeRaised', date: '2026-10-01' }] });
    expect(recordLadderStep(fresh(), input('proposal', '2026-10-01'), ctx).ok).toBe(true);
    expect(recordLadderStep(fresh(), input('proposal', '2026-12-03'), ctx).ok).toBe(true);
    const future = recordLadderStep(fresh(), input('proposal', '2026-12-04'), ctx);
    expect(future).toEqual({ ok: false, issues: [{ problem: 'dateInFuture' }] });
    for (const bad of ['2026-02-30', '2026-13-01', '', '2026/11/01', '2026-11-01T00:00:00Z'])
      expect(recordLadderStep(fresh(), input('proposal', bad), ctx)).toEqual({
        ok: false,
        issues: [{ problem: 'dateInvalid' }],
      });
  });

  it('dates across a month and year end compare as calendar dates', () => {
    const c: LadderContext = { now: NOW, today: '2027-01-05', raisedAt: '2026-12-01' };
    const first = recordLadderStep(fresh(), input('proposal', '2026-12-31'), c);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(recordLadderStep(first.escalation, input('consultation', '2027-01-01'), c).ok).toBe(true);
    expect(recordLadderStep(first.escalation, input('consultation', '2026-12-30'), c).ok).toBe(false);
  });

  it('participants are trimmed and de-duplicated; huge inputs are refused, not truncated', () => {
    const r = recordLadderStep(
      fresh(),
      input('proposal', '2026-11-01', { participants: [' 王书记', '王书记', '李主任 '] }),
      ctx,
    );
    expect(r.ok && r.escalation.steps[0]!.participants).toEqual(['王书记', '李主任']);
    const many = Array.from({ length: 201 }, (_, i) => `居民${i}`);
    const tooMany = recordLadderStep(fresh(), input('proposal', '2026-11-01', { participants: many }), ctx);
    expect(!tooMany.ok && tooMany.issues.map((i) => i.problem)).toEqual(['tooManyParticipants']);
    const long = recordLadderStep(
      fresh(),
      input('proposal', '2026-11-01', { outcome: '很'.repeat(2001), participants: ['长'.repeat(61)] }),
      ctx,
    );
    expect(!long.ok && long.issues.map((i) => i.problem).sort()).toEqual(['outcomeTooLong', 'participantTooLong']);
    const reason = recordLadderStep(
      fresh(),
      input('proposal', '2026-11-01', { mode: 'skipped', reason: '因'.repeat(1001), meetingNote: '会'.repeat(201) }),
      ctx,
    );
    expect(!reason.ok && reason.issues.map((i) => i.problem).sort()).toEqual(['meetingNoteTooLong', 'reasonTooLong']);
  });

  it('going back needs a reason, withdraws the later steps and keeps them on record', () => {
    const e = walk(5);
    expect(goBackTo(e, 'consultation', ' ', '王书记', NOW)).toEqual({
      ok: false,
      issues: [{ problem: 'reasonMissing' }],
    });
    expect(goBackTo(e, 'filing', '重议', '王书记', NOW)).toEqual({ ok: false, issues: [{ problem: 'notRecorded' }] });
    expect(goBackTo(e, 'consultation', '重议', ' ', NOW)).toEqual({ ok: false, issues: [{ problem: 'byMissing' }] });
    const r = goBackTo(e, 'consultation', '居民提出新的意见，需重新商议', '王书记', NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.escalation.steps.map((s) => s.step)).toEqual(['proposal']);
    expect(r.escalation.withdrawn.map((s) => s.step)).toEqual([
      'consultation',
      'jointConsultation',
      'review',
      'resolution',
    ]);
    expect(r.escalation.withdrawn[0]!.withdrawReason).toBe('居民提出新的意见，需重新商议');
    expect(nextLadderStep(r.escalation.steps)).toBe('consultation');
    // The new 商议 may carry a later date; it still may not come before 提议.
    expect(recordLadderStep(r.escalation, input('consultation', '2026-11-20'), ctx).ok).toBe(true);
    expect(escalationSchema.safeParse(r.escalation).success).toBe(true);
  });

  it('the stored shape itself refuses steps out of order, skips without reason and dates going back', () => {
    const e = walk(3);
    const swapped = { ...e, steps: [e.steps[1]!, e.steps[0]!, e.steps[2]!] };
    expect(escalationSchema.safeParse(swapped).success).toBe(false);
    const unexplained = { ...e, steps: [e.steps[0]!, { ...e.steps[1]!, mode: 'skipped' as const }] };
    expect(escalationSchema.safeParse(unexplained).success).toBe(false);
    const backwards = { ...e, steps: [e.steps[0]!, { ...e.steps[1]!, date: '2026-10-31' as const }] };
    expect(escalationSchema.safeParse(backwards).success).toBe(false);
  });

  it('the view marks done, skipped, the current step and those waiting; 吹哨报到 is found once done', () => {
    const e = walk(2);
    const r = recordLadderStep(e, input('jointConsultation', '2026-11-03', { mode: 'skipped', reason: '无' }), ctx);
    if (!r.ok) throw new Error('refused');
    const view = ladderView(r.escalation.steps);
    expect(view.map((v) => v.state)).toEqual([
      'done',
      'done',
      'skipped',
      'current',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
    ]);
    expect(summonsEntry(r.escalation.steps)).toBeUndefined();
    expect(summonsEntry(walk(LADDER_STEPS.length).steps)?.date).toBe('2026-11-10');
  });

  it('the cap on withdrawn steps drops the oldest withdrawals, never a step in force', () => {
    let e = walk(2);
    for (let i = 0; i < 300; i++) {
      const back = goBackTo(e, 'consultation', `第${i}次`, '王书记', NOW);
      if (!back.ok) throw new Error('refused');
      const again = recordLadderStep(back.escalation, input('consultation', '2026-11-02'), ctx);
      if (!again.ok) throw new Error('refused');
      e = again.escalation;
    }
    expect(e.withdrawn).toHaveLength(300);
    const more = goBackTo(e, 'proposal', '最后一次', '王书记', NOW);
    if (!more.ok) throw new Error('refused');
    expect(escalationSchema.safeParse(more.escalation).success).toBe(true);
  });
});
