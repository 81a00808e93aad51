import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { OrgUnit } from '../../shared/domain/org';
import type { Person } from '../../shared/domain/person';
import type { AgendaItem, Amendment, Attendance, Meeting, MeetingTemplate, Minutes } from '../../shared/domain/meeting';
import type { Decision } from '../../shared/domain/decision';
import type { HouseholdConsultation, Vote } from '../../shared/domain/vote';
import type { Matter, MatterEvent } from '../../shared/domain/matter';
import type { ProgressEvent } from '../../shared/followup/state';
import type { AuditEntry, AuditHead } from '../../shared/audit/chain';
import type { FilingPackageRow, FilingResponseRow, FilingRow } from '../../shared/filing/review';
import { DB_NAME, SCHEMA_VERSION, dexieStores, type SettingsRow } from '../../shared/store/schema';
import { migrateRow, tablesToMigrate } from '../../shared/store/migrations';
import { matterOpenFlag } from './matterOpenFlag';
import type { RecordSignature } from '../../shared/signing/sign';
import type { Escalation } from '../../shared/escalation/ladder';
import type { SummonedTask } from '../../shared/escalation/summons';
import type { Attachment } from '../../shared/evidence/attachment';
import type { PublicNotice } from '../../shared/publicity/notice';
import type { Evaluation } from '../../shared/publicity/evaluation';
import type { PointsEntry } from '../../shared/matters/points';
import type { Dispute, MediationSession } from '../../shared/matters/disputes';
import type { OwnKey, PassphraseSecret, RegisteredKey, SigningSecret } from '../../shared/signing/keys';
import { rosterKeysMiddleware } from './rosterKeysMiddleware';

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
  matterEvents: Table<MatterEvent, string>;
  settings: Table<SettingsRow, string>;
  decisionProgress: Table<ProgressEvent, string>;
  recordSignatures: Table<RecordSignature, string>;
  signingKeys: Table<OwnKey, string>;
  registeredKeys: Table<RegisteredKey, string>;
  escalations: Table<Escalation, string>;
  summonedTasks: Table<SummonedTask, string>;
  attachments: Table<Attachment, string>;
  publicNotices: Table<PublicNotice, string>;
  evaluations: Table<Evaluation, string>;
  pointsEntries: Table<PointsEntry, string>;
  disputes: Table<Dispute, string>;
  mediationSessions: Table<MediationSession, string>;
  auditLog: Table<AuditEntry, number>;
  auditHead: Table<AuditHead, string>;
  filings: Table<FilingRow, string>;
  filingPackages: Table<FilingPackageRow, string>;
  filingResponses: Table<FilingResponseRow, string>;
  /** Local only (LOCAL_TABLES): never backed up, never cleared by a restore. */
  signingSecrets: Table<SigningSecret | PassphraseSecret, string>;
};

export type DbOptions = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

/**
 * The app's database at the current schema. Strict durability: since Chrome 121 a
 * transaction otherwise reports "complete" before the data reaches the disk.
 */
export function createDb(name = DB_NAME, options: DbOptions = {}, upgradeFrom?: number): YishiDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', ...options }) as YishiDb;
  db.use(matterOpenFlag);
  const version = db.version(SCHEMA_VERSION).stores(dexieStores());
  db.use(rosterKeysMiddleware);
  if (upgradeFrom !== undefined) version.upgrade((tx) => migrateStoredRows(tx, upgradeFrom));
  return db;
}

/**
 * Runs the row migrations of shared/store/migrations.ts inside Dexie's version change, so an
 * upgrade is all or nothing: a row that fails to migrate aborts it and the old database stays.
 */
async function migrateStoredRows(tx: Transaction, fromVersion: number): Promise<void> {
  for (const table of tablesToMigrate(fromVersion)) {
    await tx
      .table(table)
      .toCollection()
      .modify((row: unknown, ref: { value: unknown }) => {
        ref.value = migrateRow(table, row, fromVersion);
      });
  }
}
