/** Records for the hostile tests. */
import type { MeetingRecord } from '../../../shared/meeting/record';

/**
 * The record as a different meeting: every id prefixed with `tag`, every row moved with it, no
 * amendments (they would name the old fingerprints). Unsigned unless the caller signs it.
 */
export function renamedRecord(record: MeetingRecord, tag: string): MeetingRecord {
  const id = (old: string) => `${tag}-${old}`;
  const meetingId = id(record.meeting.id);
  const onItem = <T extends { agendaItemId: string; meetingId: string }>(row: T): T => ({
    ...row,
    meetingId,
    agendaItemId: id(row.agendaItemId),
  });
  const meeting = { ...record.meeting, id: meetingId, title: `${record.meeting.title}（${tag}）` };
  if (meeting.status === 'signed') meeting.status = 'finalised';
  delete meeting.fingerprint;
  delete meeting.signedAt;
  return {
    ...record,
    meeting,
    agendaItems: record.agendaItems.map((r) => ({ ...r, id: id(r.id), meetingId })),
    minutes: record.minutes.map(onItem),
    attendance: record.attendance.map((r) => ({ ...r, id: id(r.id), meetingId })),
    decisions: record.decisions.map((r) => ({ ...onItem(r), id: id(r.id) })),
    votes: record.votes.map((r) => ({ ...onItem(r), id: id(r.id) })),
    householdConsultations: record.householdConsultations.map((r) => ({ ...onItem(r), id: id(r.id) })),
    amendments: [],
  };
}
