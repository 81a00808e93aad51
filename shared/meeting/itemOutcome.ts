import type { AgendaItem } from '../domain/meeting';
import { AGENDA_ITEM_STATES } from '../domain/meeting';
import { somethingRecorded } from './discussed';
import type { MeetingRecord } from './record';

export type AgendaItemState = (typeof AGENDA_ITEM_STATES)[number];

/** The two ways the chair closes an item: 已议结 (resolved) or 转下次会议 (carried over). */
export type ItemOutcomeMark = 'resolved' | 'carriedOver';

/**
 * The state an item takes when one of the two marks is toggled. They exclude each other (an item
 * is settled or put off, not both), so setting one replaces the other; taking a mark off leaves
 * the item 已议 if the meeting reached it, 待议 if it never did.
 */
export function toggledItemState(
  item: Pick<AgendaItem, 'state' | 'startedAt'>,
  mark: ItemOutcomeMark,
): AgendaItemState {
  if (item.state !== mark) return mark;
  return item.startedAt ? 'discussed' : 'pending';
}

/**
 * Whether the 纪要 needs minutes for this item. An item the chair carried over (转下次会议) with
 * nothing recorded on it is named in one line as carried over, not as a section, so it needs
 * none; once anything is recorded on it (a 决议, a decision, a vote) it is a section of the 纪要
 * like any other and its minutes are asked for.
 */
export function needsMinutes(
  record: Pick<MeetingRecord, 'minutes' | 'decisions' | 'votes' | 'householdConsultations'>,
  item: AgendaItem,
): boolean {
  return item.state !== 'carriedOver' || somethingRecorded(record, item);
}
