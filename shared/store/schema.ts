import { z } from 'zod';
import { orgUnitSchema } from '../domain/org';
import { personSchema } from '../domain/person';
import {
  agendaItemSchema,
  amendmentSchema,
  attendanceSchema,
  meetingSchema,
  meetingTemplateSchema,
  minutesSchema,
} from '../domain/meeting';
import { decisionSchema } from '../domain/decision';
import { householdConsultationSchema, voteSchema } from '../domain/vote';
import { matterEventSchema, matterSchema } from '../domain/matter';
import { settingsSchema } from '../settings';
import { progressSchema } from '../followup/state';
import { recordSignatureSchema } from '../signing/sign';
import { ownKeySchema, registeredKeySchema } from '../signing/keys';
import { escalationSchema } from '../escalation/ladder';
import { summonedTaskSchema } from '../escalation/summons';
import { attachmentSchema } from '../evidence/attachment';
import { publicNoticeSchema } from '../publicity/notice';
import { evaluationSchema } from '../publicity/evaluation';
import { pointsEntrySchema } from '../matters/points';
import { disputeSchema, mediationSessionSchema } from '../matters/disputes';
import { auditEntrySchema, auditHeadSchema } from '../audit/chain';
import { filingPackageRowSchema, filingResponseRowSchema, filingRowSchema } from '../filing/review';

export { DB_NAME } from './dbName';

/**
 * The stored schema, in one place for the Dexie database, backups and restore.
 * Bump SCHEMA_VERSION with a new entry in ../store/migrations.ts whenever `indexes` or a
 * row schema changes in a way old rows do not satisfy.
 */
export const SCHEMA_VERSION = 9;

export const settingsRowSchema = settingsSchema.extend({ key: z.literal('app') });
export type SettingsRow = z.infer<typeof settingsRowSchema>;

export const STORE_TABLES = {
  orgUnits: { indexes: 'id, parentId, level', row: orgUnitSchema },
  // Version 5 (roster): the roster pages by sortKey and searches and filters by *rosterKeys (shared/roster/rosterKeys.ts).
  people: { indexes: 'id, orgUnitId, name, initials, *roles, updatedAt, sortKey, *rosterKeys', row: personSchema },
  meetings: { indexes: 'id, orgUnitId, status, startAt, [orgUnitId+startAt], [status+startAt]', row: meetingSchema },
  agendaItems: { indexes: 'id, meetingId, [meetingId+order], matterId', row: agendaItemSchema },
  minutes: { indexes: 'agendaItemId, meetingId', row: minutesSchema },
  attendance: { indexes: 'id, meetingId, personId', row: attendanceSchema },
  // Version 4 (督办 at scale): the board pages each state by [status+deadline] and filters by the names.
  // Version 8: and by a responsible name, each state by [responsible.name+status+deadline] (a unit
  // is named on thousands of decisions).
  decisions: {
    indexes:
      'id, meetingId, agendaItemId, deadline, status, [status+deadline], responsible.name, supervisor.name, [responsible.name+status+deadline]',
    row: decisionSchema,
  },
  votes: { indexes: 'id, meetingId, agendaItemId', row: voteSchema },
  householdConsultations: { indexes: 'id, meetingId, agendaItemId', row: householdConsultationSchema },
  amendments: { indexes: 'id, meetingId, at', row: amendmentSchema },
  meetingTemplates: { indexes: 'id, type', row: meetingTemplateSchema },
  // v2: matters register (issue #12) — structured raiser, path, stage computed; timeline in matterEvents.
  // Version 5 (工作台 at scale): open matters only (the `open` flag), by path and unit.
  matters: {
    indexes: 'id, orgUnitId, path, raisedAt, mergedInto, updatedAt, [open+path+orgUnitId]',
    row: matterSchema,
  },
  matterEvents: { indexes: 'id, matterId, [matterId+at]', row: matterEventSchema },
  settings: { indexes: 'key', row: settingsRowSchema },
  // Version 2 (督办): follow-up steps of decisions, beside the meeting's record and outside its seal.
  decisionProgress: { indexes: 'id, decisionId, meetingId, at', row: progressSchema },
  // Version 2: signatures (shared/signing/).
  recordSignatures: { indexes: 'id, meetingId', row: recordSignatureSchema },
  signingKeys: { indexes: 'id, createdAt', row: ownKeySchema },
  registeredKeys: { indexes: 'id', row: registeredKeySchema },
  // Version 3 (escalation): the 五议一备两公开 ladder of a 上报件 and the departments' 吹哨报到 tasks.
  escalations: { indexes: 'id, &matterId, orgUnitId, updatedAt', row: escalationSchema },
  summonedTasks: { indexes: 'id, escalationId, matterId, deadline, status', row: summonedTaskSchema },
  // Version 3 (publicity): evidence files of progress notes and matters (base64, one file a row),
  // 公示 records (决议公示 per meeting, 结果公示 per decision), 评议/整改 per decision.
  attachments: { indexes: 'id, ownerId, decisionId', row: attachmentSchema },
  publicNotices: { indexes: 'id, meetingId, decisionId, endDate', row: publicNoticeSchema },
  evaluations: { indexes: 'id, &decisionId, meetingId', row: evaluationSchema },
  // Version 3 (matters: 金点子 points, 矛盾纠纷): the points ledger, disputes (keyed by matter) and their sessions.
  pointsEntries: { indexes: 'id, residentKey, matterId, at', row: pointsEntrySchema },
  disputes: { indexes: 'matterId, outcome', row: disputeSchema },
  mediationSessions: { indexes: 'id, matterId, [matterId+date]', row: mediationSessionSchema },
  // Version 4 (file): the audit log (shared/audit/chain.ts), entries chained by hash, and its head.
  auditLog: { indexes: 'seq, at, action', row: auditEntrySchema },
  auditHead: { indexes: 'key', row: auditHeadSchema },
  // Version 5 (filing): 审阅 — filings a reviewer accepted (keyed by content id, so a duplicate is one
  // row; the package bytes in filingPackages) and, on the community's side, the signed 审阅结果 it imported, found by meeting.
  filings: { indexes: 'id, orgName, month, importedAt', row: filingRowSchema },
  // The packages themselves, apart, so that listing filings never reads megabytes of packages.
  filingPackages: { indexes: 'id', row: filingPackageRowSchema },
  filingResponses: { indexes: 'id, filingId, *meetingIds', row: filingResponseRowSchema },
} as const;

/**
 * Tables that stay on this machine: never in a backup, never cleared by a restore. The private
 * signing keys (non-extractable CryptoKeys, which JSON could not hold anyway) live here.
 */
export const LOCAL_TABLES = { signingSecrets: 'keyId' } as const;

/**
 * Version 6 (archive search, issue 13): tables derived from the records — never in a backup; a
 * restore empties them and they are built again in the background (renderer/data/searchIndex.ts).
 * searchEntries: one row per searchable record, keyed by its day so a term's records come newest
 * first; searchTerms: its letter pairs under the same key (version 7: a table of their own);
 * searchState: how far the index of each kind of record has got.
 */
export const DERIVED_TABLES = {
  searchEntries: 'id, &ref, meetingId',
  searchTerms: 'id, *terms',
  searchState: 'kind',
  // Version 9 (督办 按责任人 / 按责任单位 at scale, shared/followup/tallyRows.ts): the decisions
  // counted per responsible person or unit, and how far that count has got in key order.
  decisionTallies: 'key',
  decisionTallyState: 'key',
} as const;

/**
 * The schema version that last changed what the derived tables hold: a database upgraded from
 * before it has them emptied in the upgrade, and they are built again in the background.
 * Version 7: search entries keyed newest first (a later day's key lower, shared/search/entries.ts),
 * their terms in a table of their own (searchTerms).
 */
export const DERIVED_LAYOUT_VERSION = 7;

export type TableName = keyof typeof STORE_TABLES;
export const TABLE_NAMES = Object.keys(STORE_TABLES) as TableName[];

/** The primary key field of a table: the first entry of its Dexie index list. */
export function primaryKeyOf(table: TableName): string {
  return STORE_TABLES[table].indexes.split(',')[0]!.trim();
}

/** Dexie stores() argument for the current version. */
export function dexieStores(): Record<string, string> {
  return {
    ...Object.fromEntries(TABLE_NAMES.map((t) => [t, STORE_TABLES[t].indexes])),
    ...LOCAL_TABLES,
    ...DERIVED_TABLES,
  };
}

export type TableRows = { [T in TableName]: z.infer<(typeof STORE_TABLES)[T]['row']>[] };
