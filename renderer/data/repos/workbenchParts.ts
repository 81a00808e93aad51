import { today as todayOf, type CalendarDate } from '../../../shared/dates';
import type { Matter } from '../../../shared/domain/matter';
import type { OrgUnit } from '../../../shared/domain/org';
import type { BoardRow } from '../../../shared/followup/board';
import { dueRows, dueWindowEnd } from '../../../shared/workbench/due';
import { nextMeetingDay } from '../../../shared/workbench/nextMeeting';
import type { PublicityDue } from '../../../shared/workbench/publicity';
import { mattersToTriage } from '../../../shared/workbench/triage';
import type { YishiDb } from '../db';
import type { TableName } from '../../../shared/store/schema';
import { cachedOrgUnits } from '../tableCache';
import {
  loadOpenDueRows,
  loadPublicityDue,
  loadUntriaged,
  nextMeetingLines,
  pendingMatterCount,
  workbenchScope,
  type NextMeetingLine,
} from './workbenchRepo';

/**
 * The 工作台 in four parts, each read on its own and drawn as soon as it is read: the decisions
 * due (its reminders and its list by person or unit), the next 党群议事日, the matters to triage,
 * and 公示 and 评议. On a district's ten-year database the four together take a few hundred
 * milliseconds; the screen shows each card as its part arrives instead of all at the slowest.
 * Each part names the tables it reads (workbenchRepo.test.ts checks them against what it reads):
 * a part is kept as last read until one of its tables is written, in this window or another.
 */
export interface WorkbenchPart<T> {
  name: string;
  tables: readonly TableName[];
  load(db: YishiDb, orgUnitId: string | undefined, today: CalendarDate): Promise<T>;
}

/** What every part starts from: the units (from the cache every screen shares), their names, the scope. */
async function partContext(db: YishiDb, orgUnitId: string | undefined) {
  const units = await cachedOrgUnits(db);
  return {
    units,
    names: new Map(units.map((u) => [u.id, u.name])),
    scope: workbenchScope(units, orgUnitId),
  };
}

export interface WorkbenchDue {
  today: CalendarDate;
  /** The compound looked at, when the scope is one: the 督办 board's links filter on it. */
  compoundId?: string;
  /** Due rows (see loadOpenDueRows: only the rows shown as lines carry their meeting). */
  due: BoardRow[];
}

export interface WorkbenchNext {
  nextDay: CalendarDate;
  /** The first NEXT_MEETINGS_SHOWN of the day's meetings, by start time. */
  nextMeetings: NextMeetingLine[];
  /** How many meetings the next 党群议事日 has in the scope (shown or not). */
  nextMeetingsTotal: number;
  /** The one compound looked at, when the scope is a compound: offered to prepare its meeting. */
  compound: { id: string; name: string; pendingMatters: number } | null;
}

export type WorkbenchTriage = { matter: Matter; unitName: string }[];

const due: WorkbenchPart<WorkbenchDue> = {
  name: 'due',
  tables: ['orgUnits', 'meetings', 'decisions', 'summonedTasks', 'matters'],
  async load(db, orgUnitId, today) {
    const { units, names, scope } = await partContext(db, orgUnitId);
    const rows = await loadOpenDueRows(db, dueWindowEnd(today), today, scope, names);
    const compound = scope ? units.find((u) => u.id === orgUnitId && u.level === 'compound') : undefined;
    return { today, due: dueRows(rows, today), ...(compound ? { compoundId: compound.id } : {}) };
  },
};

const next: WorkbenchPart<WorkbenchNext> = {
  name: 'next',
  tables: ['orgUnits', 'meetings', 'decisions', 'matters', 'agendaItems', 'attendance'],
  async load(db, orgUnitId, today) {
    const { units, names, scope } = await partContext(db, orgUnitId);
    const nextDay = nextMeetingDay(today);
    const chosen = scope ? units.find((u: OrgUnit) => u.id === orgUnitId) : undefined;
    const compound = chosen?.level === 'compound' ? chosen : undefined;
    const [lines, pending] = await Promise.all([
      nextMeetingLines(db, units, nextDay, scope, names),
      compound ? pendingMatterCount(db, units, compound.id) : Promise.resolve(0),
    ]);
    return {
      nextDay,
      nextMeetings: lines.lines,
      nextMeetingsTotal: lines.total,
      compound: compound ? { id: compound.id, name: compound.name, pendingMatters: pending } : null,
    };
  },
};

const triage: WorkbenchPart<WorkbenchTriage> = {
  name: 'triage',
  tables: ['orgUnits', 'matters'],
  async load(db, orgUnitId) {
    const { names, scope } = await partContext(db, orgUnitId);
    return mattersToTriage(await loadUntriaged(db, scope), scope).map((matter) => ({
      matter,
      unitName: names.get(matter.orgUnitId) ?? '',
    }));
  },
};

const publicity: WorkbenchPart<PublicityDue[]> = {
  name: 'publicity',
  tables: ['orgUnits', 'publicNotices', 'evaluations', 'meetings', 'decisions'],
  async load(db, orgUnitId, today) {
    const { scope } = await partContext(db, orgUnitId);
    return loadPublicityDue(db, today, scope);
  },
};

/** The parts in the order the screen asks for them: the due decisions first, the most lines. */
export const WORKBENCH_PARTS = { due, next, triage, publicity } as const;

export type WorkbenchData = WorkbenchDue & WorkbenchNext & { triage: WorkbenchTriage; publicity: PublicityDue[] };

/** Everything the 工作台 shows, for the units chosen in the settings (all when none), in one answer. */
export async function loadWorkbench(
  db: YishiDb,
  orgUnitId: string | undefined,
  today: CalendarDate = todayOf(),
): Promise<WorkbenchData> {
  const [d, n, t, p] = await Promise.all([
    due.load(db, orgUnitId, today),
    next.load(db, orgUnitId, today),
    triage.load(db, orgUnitId, today),
    publicity.load(db, orgUnitId, today),
  ]);
  return { ...d, ...n, triage: t, publicity: p };
}
