import { describe, expect, it } from 'vitest';
import { meetingDay } from '../dates';
import { followupTiming, progressSchema, replay } from '../followup/state';
import { buildDemoCommunity, demoMeetingRows } from './demoCommunity';

const BEIJING = 480;
const NOW = new Date('2026-11-20T10:00:00+08:00');
const TODAY = '2026-11-20';
const demo = await buildDemoCommunity(NOW, { utcOffsetMinutes: BEIJING });
const rows = demoMeetingRows(demo.meetings);
const meetings = new Map(rows.meetings.map((m) => [m.id, m]));

describe('the demo’s 督办', () => {
  it('stores valid steps, only for decisions of signed meetings, between the meeting and now', () => {
    const decisions = new Map(rows.decisions.map((d) => [d.id, d]));
    expect(demo.progress.length).toBeGreaterThan(20);
    for (const p of demo.progress) {
      expect(progressSchema.safeParse(p).success, p.id).toBe(true);
      const meeting = meetings.get(p.meetingId)!;
      expect(decisions.get(p.decisionId)?.meetingId).toBe(p.meetingId);
      expect(meeting.status).toBe('signed');
      expect(p.at.slice(0, 10) > meetingDay(meeting) || p.at >= meeting.startAt, p.id).toBe(true);
      expect(Date.parse(p.at)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('holds every decision in the state its own steps lead to (the repository’s rule)', () => {
    for (const d of rows.decisions) {
      const steps = demo.progress.filter((p) => p.decisionId === d.id).sort((a, b) => a.at.localeCompare(b.at));
      expect(replay(steps, d.supervisor), d.title).toBe(d.status);
      if (d.status === 'done') expect(steps.at(-1)).toMatchObject({ kind: 'confirm', by: d.supervisor.name });
    }
  });

  it('looks lived-in: every state, most past decisions confirmed, a few overdue, one sent back', () => {
    const states = new Set(rows.decisions.map((d) => d.status));
    expect([...states].sort()).toEqual(['done', 'inProgress', 'notStarted', 'reported']);
    const past = rows.decisions.filter((d) => d.deadline < TODAY);
    const confirmed = past.filter((d) => d.status === 'done');
    expect(confirmed.length / past.length).toBeGreaterThan(0.6);
    const overdue = rows.decisions.filter((d) => followupTiming(d.deadline, d.status, TODAY) === 'overdue');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(past.length / 3);
    expect(demo.progress.filter((p) => p.kind === 'return')).toHaveLength(1);
  });
});
