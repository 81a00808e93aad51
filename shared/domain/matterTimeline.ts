import { compareIsoTimes, formatChineseDate } from '../dates';
import type { MatterEvent, MatterEventKind } from './matter';
import type { MatterLinks } from './matterStage';
import { NO_TRAIL, trailSteps, type FollowupTrail, type TrailKind } from './matterTrail';

/** A step of the timeline: a stored event, or one read from a meeting (decision, carry-over). */
export interface TimelineStep {
  key: string;
  at: string;
  by: string;
  kind: MatterEventKind | 'decided' | 'carriedOver' | TrailKind;
  note?: string;
  meetingId?: string;
  agendaItemId?: string;
  decisionId?: string;
  otherMatterId?: string;
  /** Only the day is recorded (整改, 报社区党委): shown without a time. */
  dateOnly?: boolean;
  rate?: { text: string; passed: boolean };
}

/**
 * The whole timeline of a matter, oldest first: the events written with each change of the
 * matter, plus the steps meetings took on it, read from the meetings themselves (a decision on
 * its item, the meeting carrying it over) — those are never copied into the matter's events.
 */
export function matterTimeline(
  events: readonly MatterEvent[],
  links: MatterLinks,
  trail: FollowupTrail = NO_TRAIL,
): TimelineStep[] {
  const steps: TimelineStep[] = events.map((e) => ({
    key: e.id,
    at: e.at,
    by: e.by,
    kind: e.kind,
    ...(e.note !== undefined && { note: e.note }),
    ...(e.meetingId !== undefined && { meetingId: e.meetingId }),
    ...(e.agendaItemId !== undefined && { agendaItemId: e.agendaItemId }),
    ...(e.decisionId !== undefined && { decisionId: e.decisionId }),
    ...(e.otherMatterId !== undefined && { otherMatterId: e.otherMatterId }),
  }));
  for (const d of links.decisions) {
    const meeting = links.items.find((l) => l.item.id === d.agendaItemId)?.meeting;
    steps.push({
      key: `decision:${d.id}`,
      at: d.createdAt,
      by: meeting?.recorder?.name ?? '',
      kind: 'decided',
      note: `${d.title}（责任人：${d.responsible.name}，完成时限：${formatChineseDate(d.deadline)}）`,
      meetingId: d.meetingId,
      agendaItemId: d.agendaItemId,
      decisionId: d.id,
    });
  }
  for (const { item, meeting } of links.items) {
    if (item.state !== 'carriedOver' || meeting.status === 'cancelled') continue;
    steps.push({
      key: `carried:${item.id}`,
      at: item.endedAt ?? meeting.closedAt ?? meeting.startAt,
      by: meeting.recorder?.name ?? '',
      kind: 'carriedOver',
      meetingId: meeting.id,
      agendaItemId: item.id,
    });
  }
  steps.push(...trailSteps(links, trail));
  return steps.sort((a, b) => compareIsoTimes(a.at, b.at));
}
