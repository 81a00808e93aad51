import type { CalendarDate } from '../dates';
import type { ProgressEvent } from '../followup/state';
import type { PublicNotice } from '../publicity/notice';
import type { Evaluation } from '../publicity/evaluation';
import { formatRate } from '../publicity/satisfaction';
import type { MatterLinks } from './matterStage';

/**
 * What happened to a matter's decisions after the meeting (督办, 公示, 评议, 整改): read from the
 * follow-up tables by decision, never copied into the matter's own events, so the matter's
 * timeline tells the loop from 说事 to 评事 without anything kept in step by hand.
 */
export interface FollowupTrail {
  progress: readonly ProgressEvent[];
  notices: readonly PublicNotice[];
  evaluations: readonly Evaluation[];
}

export const NO_TRAIL: FollowupTrail = { progress: [], notices: [], evaluations: [] };

export type TrailKind =
  | 'meetingSigned'
  | 'progressNote'
  | 'reportedDone'
  | 'sentBack'
  | 'confirmed'
  | 'noticePosted'
  | 'evaluated'
  | 'rectification'
  | 'reinspected'
  | 'reportedToParty';

/** One step read from a meeting or a decision's follow-up; `dateOnly` when only its day is recorded. */
export interface TrailStep {
  key: string;
  at: string;
  by: string;
  kind: TrailKind;
  note?: string;
  meetingId?: string;
  decisionId?: string;
  dateOnly?: boolean;
  /** 评议/再次验收: the satisfaction rate as people read it (formatRate) and whether it passed. */
  rate?: { text: string; passed: boolean };
}

const PROGRESS_KIND: Record<ProgressEvent['kind'], TrailKind> = {
  note: 'progressNote',
  reportDone: 'reportedDone',
  return: 'sentBack',
  confirm: 'confirmed',
};

/** The start of a calendar day in China Standard Time, as the UTC moment the timeline sorts by. */
export function dayStart(date: CalendarDate): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** A step known only by its day cannot come before what it follows (e.g. a 整改 after its 评议). */
function notBefore(date: CalendarDate, after: string | undefined): string {
  const start = dayStart(date);
  return after && after > start ? after : start;
}

/** The steps of the matter's decisions after the meeting, and the signing of those meetings. */
export function trailSteps(links: MatterLinks, trail: FollowupTrail): TrailStep[] {
  const mine = new Set(links.decisions.map((d) => d.id));
  const steps: TrailStep[] = [];
  const signed = new Set<string>();
  for (const { meeting } of links.items) {
    if (!meeting.signedAt || signed.has(meeting.id)) continue;
    if (!links.decisions.some((d) => d.meetingId === meeting.id)) continue;
    signed.add(meeting.id);
    steps.push({
      key: `signed:${meeting.id}`,
      at: meeting.signedAt,
      by: '',
      kind: 'meetingSigned',
      meetingId: meeting.id,
    });
  }
  for (const p of trail.progress) {
    if (!mine.has(p.decisionId)) continue;
    const step: TrailStep = {
      key: `progress:${p.id}`,
      at: p.at,
      by: p.by,
      kind: PROGRESS_KIND[p.kind],
      decisionId: p.decisionId,
    };
    if (p.text) step.note = p.text;
    steps.push(step);
  }
  for (const n of trail.notices) {
    if (!n.decisionId || !mine.has(n.decisionId)) continue;
    steps.push({
      key: `notice:${n.id}`,
      at: n.recordedAt,
      by: n.postedBy,
      kind: 'noticePosted',
      decisionId: n.decisionId,
    });
  }
  for (const e of trail.evaluations) {
    if (!mine.has(e.decisionId)) continue;
    steps.push(...evaluationSteps(e));
  }
  return steps;
}

function evaluationSteps(e: Evaluation): TrailStep[] {
  const steps: TrailStep[] = [];
  const roundAt = new Map<number, string>();
  for (const r of e.rounds) {
    if (r.withdrawn) continue;
    roundAt.set(r.no, r.recordedAt);
    const total = r.counts.satisfied + r.counts.basic + r.counts.unsatisfied;
    const text = formatRate(r.counts.satisfied + r.counts.basic, total);
    steps.push({
      key: `round:${e.id}:${r.no}`,
      at: r.recordedAt,
      by: r.by,
      kind: r.kind === 'first' ? 'evaluated' : 'reinspected',
      decisionId: e.decisionId,
      rate: { text, passed: r.passed },
    });
  }
  for (const [i, x] of e.rectifications.entries())
    steps.push({
      key: `rect:${e.id}:${i}`,
      at: notBefore(x.openedOn, roundAt.get(x.afterRound)),
      by: x.openedBy,
      kind: 'rectification',
      note: x.task,
      decisionId: e.decisionId,
      dateOnly: true,
    });
  for (const [i, x] of e.reports.entries())
    steps.push({
      key: `report:${e.id}:${i}`,
      at: notBefore(x.on, roundAt.get(x.round)),
      by: x.by,
      kind: 'reportedToParty',
      decisionId: e.decisionId,
      dateOnly: true,
    });
  return steps;
}
