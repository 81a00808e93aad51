import type { Decision } from './decision';
import type { AgendaItem, Meeting } from './meeting';
import type { Matter } from './matter';
import type { CodedRefusal } from '../codedRefusal';
import { matterRefusal } from '../matters/refusals';

/**
 * Where a matter stands, computed from what is stored — the matter, the agenda items that carry
 * it and their meetings and decisions — so nothing has to be kept in step by hand: when a meeting
 * records a decision on the matter's item, the matter is 已决定 without any write to the matter.
 */
export const MATTER_STAGES = [
  'untriaged', // 待分流
  'handling', // 办理中 (即办件 not yet closed)
  'escalated', // 已上报
  'awaitingMeeting', // 待上会 (待办件 on no live agenda)
  'onAgenda', // 已列入议程 (a draft or live meeting holds it)
  'carriedOver', // 转下次会议
  'decided', // 已决定 (decisions recorded, meeting not yet closed)
  'implementing', // 落实中 (meeting over, decisions being carried out)
  'implemented', // 已落实 (every decision done)
  'closed', // 已办结
  'merged', // 已合并
] as const;
export type MatterStage = (typeof MATTER_STAGES)[number];

/** Stages in which a matter still needs someone's attention. */
export const OPEN_STAGES: ReadonlySet<MatterStage> = new Set([
  'untriaged',
  'handling',
  'escalated',
  'awaitingMeeting',
  'onAgenda',
  'carriedOver',
  'decided',
  'implementing',
]);

/** A 待办件 the agenda builder may still offer: not decided, not on a meeting still to be held. */
export const AGENDA_READY_STAGES: ReadonlySet<MatterStage> = new Set(['awaitingMeeting', 'carriedOver']);

/** The records linked to one matter: its agenda items (with their meetings) and their decisions. */
export interface MatterLinks {
  items: readonly { item: AgendaItem; meeting: Meeting }[];
  decisions: readonly Decision[];
}

export const NO_LINKS: MatterLinks = { items: [], decisions: [] };

const MEETING_OVER = new Set<Meeting['status']>(['closed', 'finalised', 'signed']);
// Only a decision its supervisor confirmed counts as done (督办, shared/followup/state.ts).
const DECISION_DONE = new Set<Decision['status']>(['done']);

export function matterStage(matter: Matter, links: MatterLinks): MatterStage {
  if (matter.mergedInto) return 'merged';
  if (matter.closedAt) return 'closed';
  switch (matter.path) {
    case 'untriaged':
      return 'untriaged';
    case 'immediate':
      return 'handling';
    case 'escalate':
      return 'escalated';
    case 'pending':
      return pendingStage(links);
  }
}

/** Whether a matter's stage depends on its links: only an open 待办件's does (matterStage). */
export function stageNeedsLinks(matter: Pick<Matter, 'mergedInto' | 'closedAt' | 'path'>): boolean {
  return !matter.mergedInto && !matter.closedAt && matter.path === 'pending';
}

/** A 待办件's stage from its meetings: the latest meeting that still counts decides. */
function pendingStage(links: MatterLinks): MatterStage {
  const held = links.items.filter((l) => l.meeting.status !== 'cancelled');
  const decidedItems = new Set(links.decisions.map((d) => d.agendaItemId));
  const decisions = links.decisions.filter((d) => held.some((l) => l.item.id === d.agendaItemId));
  if (decisions.length > 0) {
    if (decisions.every((d) => DECISION_DONE.has(d.status))) return 'implemented';
    const decidedIn = held.filter((l) => decidedItems.has(l.item.id));
    return decidedIn.some((l) => MEETING_OVER.has(l.meeting.status)) ? 'implementing' : 'decided';
  }
  const latest = [...held].sort((a, b) => (a.meeting.startAt < b.meeting.startAt ? 1 : -1))[0];
  if (!latest) return 'awaitingMeeting';
  if (latest.item.state === 'carriedOver') return 'carriedOver';
  if (!MEETING_OVER.has(latest.meeting.status)) return 'onAgenda';
  // The meeting is over: a resolution without action items is a decision; anything else is
  // what the next meeting carries forward (shared/meeting/schedule.ts).
  return latest.item.state === 'resolved' ? 'implementing' : 'carriedOver';
}

export function isOpenStage(stage: MatterStage): boolean {
  return OPEN_STAGES.has(stage);
}

/** What can be done to a matter: 编辑, 分流, 办结 a 即办件 with its record, 上报, 合并, 办结. */
export type MatterAction = 'edit' | 'triage' | 'handle' | 'escalate' | 'merge' | 'close';

const ACTIONS: Record<MatterStage, readonly MatterAction[]> = {
  untriaged: ['edit', 'triage', 'escalate', 'merge', 'close'],
  handling: ['edit', 'handle', 'triage', 'escalate', 'merge'],
  escalated: ['edit', 'triage', 'close'],
  awaitingMeeting: ['edit', 'triage', 'escalate', 'merge', 'close'],
  carriedOver: ['edit', 'escalate', 'close'],
  // On a meeting still to be held: the meeting decides; take it off the agenda to re-route it.
  onAgenda: ['edit'],
  decided: ['edit'],
  implementing: ['edit', 'close'],
  implemented: ['edit', 'close'],
  closed: [],
  merged: [],
};

export function allowedActions(stage: MatterStage): readonly MatterAction[] {
  return ACTIONS[stage];
}

/** Why an action is refused in a stage (a code the screen words in its locale); null when allowed. */
export function actionRefusal(stage: MatterStage, action: MatterAction): CodedRefusal | null {
  if (ACTIONS[stage].includes(action)) return null;
  if (stage === 'closed') return matterRefusal('stageClosed');
  if (stage === 'merged') return matterRefusal('stageMerged');
  if (stage === 'onAgenda' || stage === 'decided') return matterRefusal('stageOnAgenda');
  return matterRefusal('stageOther');
}
