import { useLiveQuery } from 'dexie-react-hooks';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { useApp } from '../../app/AppContext';
import { loadMeetingRecord } from '../../data/repos/meetingRepo';

/** The meeting's record without minutes, kept up to date; undefined while loading, null if gone. */
export function useMeetingRecord(meetingId: string): MeetingRecord | null | undefined {
  const { db } = useApp();
  return useLiveQuery(() => loadMeetingRecord(db, meetingId, { minutes: false }), [db, meetingId]);
}
