import type { FigurePick } from '../../../shared/statistics/tally';
import type { YishiDb } from '../db';

/** One record behind a figure, as the list in the drawer shows it, with where it opens. */
export interface RecordLine {
  id: string;
  title: string;
  /** A calendar day or a moment (the screen formats it). */
  date: string;
  unitName: string;
  /** A second line: the meeting of an attendance row, 谁来干 of a decision. */
  detail?: string;
  /** The state's key, which the screen translates (a meeting type, attendance state, follow-up state). */
  state?: string;
  href: string;
}

/** The lines of one page of picked ids (in their order), read by primary key. */
export async function loadRecordLines(db: YishiDb, pick: FigurePick, ids: readonly string[]): Promise<RecordLine[]> {
  const units = new Map((await db.orgUnits.toArray()).map((u) => [u.id, u.name]));
  const unitName = (id: string) => units.get(id) ?? '';
  switch (pick.figure) {
    case 'meetings':
      return (await db.meetings.bulkGet([...ids])).flatMap((m) =>
        m
          ? [
              {
                id: m.id,
                title: m.title,
                date: m.startAt,
                unitName: unitName(m.orgUnitId),
                state: m.type,
                href: `/meetings/${m.id}`,
              },
            ]
          : [],
      );
    case 'attendance': {
      const rows = (await db.attendance.bulkGet([...ids])).flatMap((a) => (a ? [a] : []));
      const meetings = new Map(
        (await db.meetings.bulkGet([...new Set(rows.map((a) => a.meetingId))])).flatMap((m) => (m ? [[m.id, m]] : [])),
      );
      return rows.map((a) => {
        const m = meetings.get(a.meetingId);
        return {
          id: a.id,
          title: a.name,
          date: m?.startAt ?? '',
          unitName: m ? unitName(m.orgUnitId) : '',
          detail: m?.title,
          state: a.state,
          href: `/meetings/${a.meetingId}`,
        };
      });
    }
    case 'decisions':
    case 'ratings': {
      const rows = (await db.decisions.bulkGet([...ids])).flatMap((d) => (d ? [d] : []));
      const meetings = new Map(
        (await db.meetings.bulkGet([...new Set(rows.map((d) => d.meetingId))])).flatMap((m) => (m ? [[m.id, m]] : [])),
      );
      return rows.map((d) => {
        const m = meetings.get(d.meetingId);
        return {
          id: d.id,
          title: d.title,
          date: d.deadline,
          unitName: m ? unitName(m.orgUnitId) : '',
          detail: d.responsible.name,
          state: d.status,
          href: `/followup/${d.id}`,
        };
      });
    }
    case 'matters':
    case 'disputes':
      return (await db.matters.bulkGet([...ids])).flatMap((m) =>
        m
          ? [
              {
                id: m.id,
                title: m.title,
                date: m.raisedAt,
                unitName: unitName(m.orgUnitId),
                state: m.closedAt ? 'closed' : 'open',
                href: `/matters/${m.id}`,
              },
            ]
          : [],
      );
  }
}
