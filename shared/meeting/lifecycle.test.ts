import { describe, expect, it } from 'vitest';
import { MEETING_STATUSES, type MeetingStatus } from '../domain/meeting';
import { canEdit, canTransition, editableParts, isLocked, nextStatuses, signRecord, transition } from './lifecycle';
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
  ];
  it('allows exactly the six steps', () => {
    const found = MEETING_STATUSES.flatMap((from) =>
      MEETING_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(found).toEqual(allowed);
  });
  it('lists the next statuses', () => {
    expect(nextStatuses('closed')).toEqual(['live', 'finalised']);
    expect(nextStatuses('signed')).toEqual([]);
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
  it('draft prepares, live and closed record, finalised only collects signatures, signed nothing', () => {
    expect(editableParts('draft')).toEqual(['details', 'chairAndRecorder', 'agenda', 'invitations']);
    for (const s of ['live', 'closed'] as const) {
      for (const part of ['attendance', 'minutes', 'decisions', 'votes', 'itemOutcomes'] as const)
        expect(canEdit(s, part)).toBe(true);
      expect(canEdit(s, 'agenda')).toBe(false);
      expect(canEdit(s, 'invitations')).toBe(false);
    }
    expect(editableParts('finalised')).toEqual(['signatures']);
    expect(editableParts('signed')).toEqual([]);
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
