import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { OrgUnit } from '../../shared/domain/org';
import type { Person } from '../../shared/domain/person';
import type { AgendaItem, Amendment, Attendance, Meeting, MeetingTemplate, Minutes } from '../../shared/domain/meeting';
import type { Decision } from '../../shared/domain/decision';
import type { HouseholdConsultation, Vote } from '../../shared/domain/vote';
import type { Matter, MatterEvent } from '../../shared/domain/matter';
import type { ProgressEvent } from '../../shared/followup/state';
import type { AuditEntry, AuditHead } from '../../shared/audit/chain';
import type { FilingPackagePartRow, FilingPackageRow, FilingResponseRow, FilingRow } from '../../shared/filing/review';
import { DB_NAME } from '../../shared/store/dbName';
import { DERIVED_LAYOUT_VERSION, DERIVED_TABLES, SCHEMA_VERSION, dexieStores } from '../../shared/store/tables';
import type { SettingsRow } from '../../shared/store/schema';
import { migrateRow, tablesToMigrate } from '../../shared/store/migrations';
import { splitStoredPackage } from '../../shared/filing/packageParts';
import type { RestoreMark } from '../../shared/backup/interruptedRestore';
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
import { searchIndexMiddleware, type SearchState } from './searchIndex';
import { POSTINGS, type PostingsState } from './searchPostings';
import type { PostingId, PostingRow } from '../../shared/search/postingLists';
import { searchWorkArrived } from './searchBackfill';
import { decisionTallyMiddleware, NEW_TALLY_STATE, type DecisionTallyState } from './decisionTally';
import type { TallyRow } from '../../shared/followup/tallyRows';
import type { SearchEntry, SearchTerms } from '../../shared/search/entries';
import { SEARCH_KINDS } from '../../shared/search/types';

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
  filingPackageParts: Table<FilingPackagePartRow, string>;
  filingResponses: Table<FilingResponseRow, string>;
  /** Local only (LOCAL_TABLES): never backed up, never cleared by a restore. */
  signingSecrets: Table<SigningSecret | PassphraseSecret, string>;
  /** Local only: a restore under way (shared/backup/interruptedRestore.ts). */
  localMarks: Table<RestoreMark, string>;
  /** Derived (DERIVED_TABLES): the archive search index, rebuilt after a restore. */
  searchEntries: Table<SearchEntry, number>;
  searchTerms: Table<SearchTerms, number>;
  searchPostings: Table<PostingRow, PostingId>;
  searchState: Table<SearchState | PostingsState, string>;
  /** Derived: 按责任人 / 按责任单位 counted as decisions are written (decisionTally.ts). */
  decisionTallies: Table<TallyRow, string>;
  decisionTallyState: Table<DecisionTallyState, string>;
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
  db.use(searchIndexMiddleware(() => searchWorkArrived(db)));
  db.use(decisionTallyMiddleware());
  // A new database holds no records: every one written from now on is indexed and counted as it is written.
  db.on('populate', (tx) =>
    tx
      .table('searchState')
      .bulkAdd([
        ...SEARCH_KINDS.map((kind): SearchState => ({ kind, complete: true })),
        // Searched by reading its few entries until it has grown (SCAN_AT_MOST).
        { kind: POSTINGS, scan: true } satisfies PostingsState,
      ])
      .then(() => tx.table('decisionTallyState').add(NEW_TALLY_STATE)),
  );
  // The key range class of the IndexedDB in use (the tests' fake-indexeddb has its own).
  const keyRange = (options.IDBKeyRange ?? globalThis.IDBKeyRange) as typeof IDBKeyRange;
  if (upgradeFrom !== undefined)
    version.upgrade(async (tx) => {
      if (upgradeFrom < DERIVED_LAYOUT_VERSION) forgetDerivedTables(tx);
      await migrateStoredRows(tx, upgradeFrom, keyRange);
    });
  return db;
}

/**
 * Empties the search index an older schema wrote, so it is built anew. Only its tables: the
 * 督办 tallies (version 9) kept their layout, and counting them again at ×1 takes minutes.
 */
function forgetDerivedTables(tx: Transaction): void {
  const idbtx = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans;
  for (const table of Object.keys(DERIVED_TABLES))
    if (table.startsWith('search') && idbtx.objectStoreNames.contains(table)) idbtx.objectStore(table).clear();
}

/** Rows read per request while migrating: a few megabytes, and few round trips. */
const MIGRATION_BATCH = 2_000;

/**
 * Runs the row migrations of shared/store/migrations.ts inside Dexie's version change, so an
 * upgrade is all or nothing: a row that fails to migrate aborts it and the old database stays.
 *
 * Straight on the version change's IndexedDB transaction, not through Dexie's tables: a ten-year
 * district holds 117,000 matters and 30,000 people, and Dexie's modify() sends every row through
 * the middlewares (the matters' open flag and the people's roster keys worked out a second time,
 * every key noted for the live queries) and writes every row back. Here rows are read in batches
 * and only a row the migration changed is written (migration 5 changes the ~1,500 open matters
 * of ~117,000): the upgrade of a ×1 district went from 146 s to a few seconds (see the commit).
 */
async function migrateStoredRows(tx: Transaction, fromVersion: number, keyRange: typeof IDBKeyRange): Promise<void> {
  const idbtx = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans;
  // Marks for the upgrade bench (bench/browser/upgrade.ts): indexes are built before this runs.
  const mark = (name: string) => globalThis.performance?.mark?.(`yishi:${name}`);
  for (const table of tablesToMigrate(fromVersion)) {
    if (!idbtx.objectStoreNames.contains(table)) continue;
    mark(`migrate-${table}-start`);
    await migrateStore(idbtx.objectStore(table), keyRange, (row) => migrateRow(table, row, fromVersion));
    mark(`migrate-${table}-end`);
  }
  if (fromVersion < PACKAGE_PARTS_VERSION) await splitStoredPackages(idbtx, keyRange);
}

/** Schema 11 stores filing packages in parts (shared/filing/packageParts.ts). */
const PACKAGE_PARTS_VERSION = 11;

/**
 * Packages stored whole before schema 11 and larger than one part are split, so the next backup
 * holds no row too large to restore. One package at a time: each may be hundreds of megabytes.
 */
async function splitStoredPackages(idbtx: IDBTransaction, keyRange: typeof IDBKeyRange): Promise<void> {
  const packages = idbtx.objectStore('filingPackages');
  const parts = idbtx.objectStore('filingPackageParts');
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : keyRange.lowerBound(after, true);
    const [row] = (await request(packages.getAll(range, 1))) as FilingPackageRow[];
    if (!row) return;
    const split = splitStoredPackage(row);
    if (split) {
      packages.put(split.head);
      for (const part of split.parts) parts.put(part);
    }
    after = row.id;
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Batch by batch in key order; writes go out without waiting (the transaction orders them). */
export async function migrateStore(
  store: IDBObjectStore,
  keyRange: typeof IDBKeyRange,
  migrate: (row: unknown) => unknown,
): Promise<number> {
  let after: IDBValidKey | undefined;
  let written = 0;
  for (;;) {
    const range = after === undefined ? undefined : keyRange.lowerBound(after, true);
    const [keys, rows] = await Promise.all([
      request(store.getAllKeys(range, MIGRATION_BATCH)),
      request(store.getAll(range, MIGRATION_BATCH)),
    ]);
    if (keys.length === 0) return written;
    rows.forEach((row, i) => {
      // Taken before migrating: a migration that changed the row in place is still seen.
      const before = JSON.stringify(row);
      const next = migrate(row);
      if (JSON.stringify(next) === before) return;
      if (store.keyPath === null) store.put(next, keys[i]);
      else store.put(next);
      written++;
    });
    after = keys[keys.length - 1];
  }
}
