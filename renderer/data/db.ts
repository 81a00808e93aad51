import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { OrgUnit } from '../../shared/domain/org';
import type { Person } from '../../shared/domain/person';
import type { AgendaItem, Amendment, Attendance, Meeting, MeetingTemplate, Minutes } from '../../shared/domain/meeting';
import type { Decision } from '../../shared/domain/decision';
import type { HouseholdConsultation, Vote } from '../../shared/domain/vote';
import type { Matter } from '../../shared/domain/matter';
import { DB_NAME, SCHEMA_VERSION, dexieStores, type SettingsRow } from '../../shared/store/schema';

export type YishiDb = Dexie & {
  orgUnits: Table<OrgUnit, string>;
  people: Table<Person, string>;
  meetings: Table<Meeting, string>;
  agendaItems: Table<AgendaItem, string>;
  minutes: Table<Minutes, string>;
  amendments: Table<Amendment, string>;
  meetingTemplates: Table<MeetingTemplate, string>;
  attendance: Table<Attendance, string>;
  decisions: Table<Decision, string>;
  votes: Table<Vote, string>;
  householdConsultations: Table<HouseholdConsultation, string>;
  matters: Table<Matter, string>;
  settings: Table<SettingsRow, string>;
};

export type DbOptions = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

/**
 * The app's database at the current schema. Strict durability: since Chrome 121 a
 * transaction otherwise reports "complete" before the data reaches the disk.
 */
export function createDb(name = DB_NAME, options: DbOptions = {}): YishiDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', ...options }) as YishiDb;
  db.version(SCHEMA_VERSION).stores(dexieStores());
  return db;
}
