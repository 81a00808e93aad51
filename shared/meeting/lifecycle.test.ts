import { describe, expect, it } from 'vitest';
import { MEETING_STATUSES, type MeetingStatus } from '../domain/meeting';
import {
  cancelMeeting,
  canEdit,
  canTransition,
  EDITABLE_PARTS,
  editableParts,
  editRefusal,
  isLocked,
  nextStatuses,
  signRecord,
  transition,
} from './lifecycle';
import { verifyRecord } from './fingerprint';
import { sampleRedBenchRecord } from '../fixtures/testRecord';

const NOW = new Date('2026-07-15T11:00:00Z');
const AT = NOW.toISOString();

function meetingIn(status: MeetingStatus) {
  return { ...sampleRedBenchRecord().meeting, status };
}

describe('which steps exist', () => {
  const allowed = [
    'draft→live',
    'live→closed',
    'closed→live',
    'closed→finalised',
    'finalised→closed',
    'finalised→signed',
    'live→cancelled',
    'closed→cancelled',
    'finalised→cancelled',
  ];
  it('allows exactly the six steps, plus cancelling a meeting that began and is not signed', () => {
    const found = MEETING_STATUSES.flatMap((from) =>
      MEETING_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(found.sort()).toEqual([...allowed].sort());
  });
  it('lists the next statuses', () => {
    expect(nextStatuses('closed')).toEqual(['live', 'finalised', 'cancelled']);
    expect(nextStatuses('signed')).toEqual([]);
    expect(nextStatuses('cancelled')).toEqual([]);
  });
});

describe('transition', () => {
  it('stamps startedAt when going live, and does not change the input', () => {
    const draft = { ...meetingIn('draft'), startedAt: undefined, closedAt: undefined, finalisedAt: undefined };
    const result = transition(draft, 'live', NOW);
    expect(result).toMatchObject({ ok: true, meeting: { status: 'live', startedAt: AT, updatedAt: AT } });
    expect(draft.status).toBe('draft');
  });
  it('stamps closedAt, finalisedAt and signedAt', () => {
    expect(transition(meetingIn('live'), 'closed', NOW)).toMatchObject({ ok: true, meeting: { closedAt: AT } });
    expect(transition(meetingIn('closed'), 'finalised', NOW)).toMatchObject({ ok: true, meeting: { finalisedAt: AT } });
    expect(transition(meetingIn('finalised'), 'signed', NOW)).toMatchObject({ ok: true, meeting: { signedAt: AT } });
  });
  it('reopening keeps the first start but is no longer closed', () => {
    const closed = meetingIn('closed');
    const result = transition(closed, 'live', NOW);
    if (!result.ok) throw new Error('expected ok');
    expect(result.meeting.startedAt).toBe(closed.startedAt);
    expect('closedAt' in result.meeting).toBe(false);
  });
  it('un-finalising clears finalisedAt and keeps closedAt', () => {
    const result = transition(meetingIn('finalised'), 'closed', NOW);
    if (!result.ok) throw new Error('expected ok');
    expect(result.meeting.status).toBe('closed');
    expect('finalisedAt' in result.meeting).toBe(false);
    expect(result.meeting.closedAt).toBe(sampleRedBenchRecord().meeting.closedAt);
  });
  it('refuses with codes', () => {
    expect(transition(meetingIn('draft'), 'signed', NOW)).toEqual({
      ok: false,
      error: { code: 'notAllowed', from: 'draft', to: 'signed' },
    });
    expect(transition(meetingIn('live'), 'live', NOW)).toEqual({
      ok: false,
      error: { code: 'sameStatus', status: 'live' },
    });
    expect(transition(meetingIn('signed'), 'closed', NOW)).toEqual({ ok: false, error: { code: 'locked' } });
  });
});

describe('locking and what may be edited', () => {
  it('only a signed meeting is locked', () => {
    expect(MEETING_STATUSES.filter((s) => isLocked({ status: s }))).toEqual(['signed']);
  });
  it('draft prepares, live and closed record, finalised only collects signatures, signed and cancelled nothing', () => {
    expect(editableParts('draft')).toEqual([
      'details',
      'chairAndRecorder',
      'agenda',
      'agendaRemoval',
      'invitations',
      'invitationRemoval',
      'deletion',
    ]);
    for (const s of ['live', 'closed'] as const) {
      for (const part of [
        'attendance',
        'minutes',
        'decisions',
        'votes',
        'itemOutcomes',
        'agenda',
        'invitations',
      ] as const)
        expect(canEdit(s, part)).toBe(true);
      for (const part of ['details', 'agendaRemoval', 'invitationRemoval', 'signatures', 'deletion'] as const)
        expect(canEdit(s, part)).toBe(false);
    }
    expect(canEdit('live', 'liveNavigation')).toBe(true);
    expect(canEdit('closed', 'liveNavigation')).toBe(false);
    expect(editableParts('finalised')).toEqual(['signatures']);
    expect(editableParts('signed')).toEqual([]);
    expect(editableParts('cancelled')).toEqual([]);
  });
  it('gives a Chinese reason for every refusal, and none for what is allowed', () => {
    for (const status of MEETING_STATUSES)
      for (const part of EDITABLE_PARTS) {
        const reason = editRefusal(status, part);
        if (canEdit(status, part)) expect(reason).toBeNull();
        else expect(reason).toMatch(/^会议[\u4e00-\u9fff]/);
      }
    expect(editRefusal('signed', 'minutes')).toBe('会议已签字锁定，只能通过修订更正');
    expect(editRefusal('live', 'agendaRemoval')).toBe('会议正在进行，不能删除议题（未议的议题会转入下次会议）');
  });
});

describe('cancelMeeting', () => {
  it('keeps the reason and the moment, and needs a reason', () => {
    const result = cancelMeeting(meetingIn('live'), '  台风预警，改期举行 ', NOW);
    expect(result).toMatchObject({
      ok: true,
      meeting: { status: 'cancelled', cancelledAt: AT, cancelReason: '台风预警，改期举行' },
    });
    expect(cancelMeeting(meetingIn('live'), '   ', NOW)).toEqual({ ok: false, error: { code: 'reasonRequired' } });
    expect(transition(meetingIn('live'), 'cancelled', NOW)).toEqual({ ok: false, error: { code: 'reasonRequired' } });
  });
  it('cannot cancel a draft (it is deleted instead) or a signed meeting', () => {
    expect(cancelMeeting(meetingIn('draft'), '不开了', NOW)).toMatchObject({
      ok: false,
      error: { code: 'notAllowed' },
    });
    expect(cancelMeeting(meetingIn('signed'), '不开了', NOW)).toEqual({ ok: false, error: { code: 'locked' } });
  });
});

describe('signRecord', () => {
  it('signs a finalised record and seals it', async () => {
    const result = await signRecord(sampleRedBenchRecord(), NOW);
    if (!result.ok) throw new Error('expected ok');
    expect(result.record.meeting).toMatchObject({ status: 'signed', signedAt: AT });
    expect(result.record.meeting.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyRecord(result.record)).toEqual({ state: 'consistent', amendments: 0 });
  });
  it('refuses a record that is not finalised', async () => {
    const record = sampleRedBenchRecord();
    const result = await signRecord({ ...record, meeting: { ...record.meeting, status: 'closed' } }, NOW);
    expect(result).toEqual({ ok: false, error: { code: 'notAllowed', from: 'closed', to: 'signed' } });
  });
});
