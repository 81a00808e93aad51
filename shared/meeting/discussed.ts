import type { AgendaItem } from '../domain/meeting';
import { tiptapPlainText } from './minutesDoc';
import type { MeetingRecord } from './record';

/**
 * Which agenda items a meeting took up. An item on the agenda that the meeting never reached
 * (still 待议 or marked carried over, with nothing recorded on it) is not a section of the 纪要
 * nor one of the items "会议围绕N项议题": the documents name it in one line as carried over to the
 * next meeting. Its background, written beforehand, is no sign that it was discussed.
 */

type RecordParts = Pick<MeetingRecord, 'minutes' | 'decisions' | 'votes' | 'householdConsultations'>;

/** Minutes with words in them, a 决议, a vote, a household consultation or a decision. */
export function somethingRecorded(record: RecordParts, item: AgendaItem): boolean {
  const minutes = record.minutes.find((m) => m.agendaItemId === item.id);
  return (
    (minutes !== undefined && tiptapPlainText(minutes.doc).trim() !== '') ||
    (item.resolution ?? '').trim() !== '' ||
    record.votes.some((v) => v.agendaItemId === item.id) ||
    record.householdConsultations.some((h) => h.agendaItemId === item.id) ||
    record.decisions.some((d) => d.agendaItemId === item.id)
  );
}

export function wasCarriedOver(record: RecordParts, item: AgendaItem): boolean {
  return (item.state === 'pending' || item.state === 'carriedOver') && !somethingRecorded(record, item);
}

/** The items in agenda order (as given), split into those taken up and those carried over. */
export function agendaTakenUp(record: RecordParts & Pick<MeetingRecord, 'agendaItems'>): {
  discussed: AgendaItem[];
  carriedOver: AgendaItem[];
} {
  const discussed: AgendaItem[] = [];
  const carriedOver: AgendaItem[] = [];
  for (const item of record.agendaItems) (wasCarriedOver(record, item) ? carriedOver : discussed).push(item);
  return { discussed, carriedOver };
}
