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
import {
  filingPackagePartRowSchema,
  filingPackageRowSchema,
  filingResponseRowSchema,
  filingRowSchema,
} from '../filing/review';
import { TABLE_INDEXES, type TableName } from './tables';

export { DB_NAME } from './dbName';
export * from './tables';

export const settingsRowSchema = settingsSchema.extend({ key: z.literal('app') });
export type SettingsRow = z.infer<typeof settingsRowSchema>;

/**
 * The stored schema, in one place for backups and restore: each table's indexes (./tables.ts)
 * and the schema its rows are checked against.
 */
export const STORE_TABLES = {
  orgUnits: { indexes: TABLE_INDEXES.orgUnits, row: orgUnitSchema },
  people: { indexes: TABLE_INDEXES.people, row: personSchema },
  meetings: { indexes: TABLE_INDEXES.meetings, row: meetingSchema },
  agendaItems: { indexes: TABLE_INDEXES.agendaItems, row: agendaItemSchema },
  minutes: { indexes: TABLE_INDEXES.minutes, row: minutesSchema },
  attendance: { indexes: TABLE_INDEXES.attendance, row: attendanceSchema },
  decisions: { indexes: TABLE_INDEXES.decisions, row: decisionSchema },
  votes: { indexes: TABLE_INDEXES.votes, row: voteSchema },
  householdConsultations: { indexes: TABLE_INDEXES.householdConsultations, row: householdConsultationSchema },
  amendments: { indexes: TABLE_INDEXES.amendments, row: amendmentSchema },
  meetingTemplates: { indexes: TABLE_INDEXES.meetingTemplates, row: meetingTemplateSchema },
  matters: { indexes: TABLE_INDEXES.matters, row: matterSchema },
  matterEvents: { indexes: TABLE_INDEXES.matterEvents, row: matterEventSchema },
  settings: { indexes: TABLE_INDEXES.settings, row: settingsRowSchema },
  decisionProgress: { indexes: TABLE_INDEXES.decisionProgress, row: progressSchema },
  recordSignatures: { indexes: TABLE_INDEXES.recordSignatures, row: recordSignatureSchema },
  signingKeys: { indexes: TABLE_INDEXES.signingKeys, row: ownKeySchema },
  registeredKeys: { indexes: TABLE_INDEXES.registeredKeys, row: registeredKeySchema },
  escalations: { indexes: TABLE_INDEXES.escalations, row: escalationSchema },
  summonedTasks: { indexes: TABLE_INDEXES.summonedTasks, row: summonedTaskSchema },
  attachments: { indexes: TABLE_INDEXES.attachments, row: attachmentSchema },
  publicNotices: { indexes: TABLE_INDEXES.publicNotices, row: publicNoticeSchema },
  evaluations: { indexes: TABLE_INDEXES.evaluations, row: evaluationSchema },
  pointsEntries: { indexes: TABLE_INDEXES.pointsEntries, row: pointsEntrySchema },
  disputes: { indexes: TABLE_INDEXES.disputes, row: disputeSchema },
  mediationSessions: { indexes: TABLE_INDEXES.mediationSessions, row: mediationSessionSchema },
  auditLog: { indexes: TABLE_INDEXES.auditLog, row: auditEntrySchema },
  auditHead: { indexes: TABLE_INDEXES.auditHead, row: auditHeadSchema },
  filings: { indexes: TABLE_INDEXES.filings, row: filingRowSchema },
  filingPackages: { indexes: TABLE_INDEXES.filingPackages, row: filingPackageRowSchema },
  filingPackageParts: { indexes: TABLE_INDEXES.filingPackageParts, row: filingPackagePartRowSchema },
  filingResponses: { indexes: TABLE_INDEXES.filingResponses, row: filingResponseRowSchema },
} as const satisfies { [T in TableName]: { indexes: string; row: z.ZodType } };

export type TableRows = { [T in TableName]: z.infer<(typeof STORE_TABLES)[T]['row']>[] };
