import {
  nextEntry,
  verifyChain,
  type AuditAction,
  type AuditEntry,
  type ChainVerdict,
} from '../../../shared/audit/chain';
import type { YishiDb } from '../db';
import { organisationOf } from '../../../shared/signing/organisation';

/**
 * The audit log's writes and reads. `appendAudit` runs inside the caller's transaction when there
 * is one (which must then include AUDIT_TABLES), so the entry is written with the action or not
 * at all; alone, it opens its own. The hash is computed synchronously (shared/audit/sha256.ts):
 * awaiting WebCrypto would commit the transaction half-way.
 */
export const AUDIT_TABLES = ['auditLog', 'auditHead', 'orgUnits', 'settings'] as const;

export interface AuditInput {
  action: AuditAction;
  summary: string;
  subjectId?: string;
  at?: Date;
}

const AUDIT_SUMMARY_MAX = 500;

/** Within the log schema's 500 units (a saved file's path can be long), never half a character. */
function boundedSummary(text: string): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > AUDIT_SUMMARY_MAX) break;
    out += ch;
  }
  return out;
}

export async function appendAudit(db: YishiDb, input: AuditInput): Promise<AuditEntry> {
  return db.transaction('rw', [...AUDIT_TABLES], async () => {
    const [units, settings, head] = await Promise.all([
      db.orgUnits.toArray(),
      db.settings.get('app'),
      db.auditHead.get('head'),
    ]);
    const entry = nextEntry(head ?? null, {
      action: input.action,
      summary: boundedSummary(input.summary),
      ...(input.subjectId !== undefined ? { subjectId: input.subjectId } : {}),
      at: (input.at ?? new Date()).toISOString(),
      orgName: organisationOf(units, settings?.documentOrgName ?? '').orgName,
    });
    // add, not put: an entry never replaces another (two windows appending at once: one fails).
    await db.auditLog.add(entry);
    await db.auditHead.put({ key: 'head', seq: entry.seq, hash: entry.hash });
    return entry;
  });
}

/** The newest entries first, for 设置 (one page, by the primary key: no whole-table read). */
export function loadAuditPage(db: YishiDb, limit = 200): Promise<AuditEntry[]> {
  return db.auditLog.orderBy('seq').reverse().limit(limit).toArray();
}

export function countAudit(db: YishiDb): Promise<number> {
  return db.auditLog.count();
}

/** 核验日志: the whole chain against its head, read in one transaction so they agree. */
export async function verifyAuditLog(db: YishiDb): Promise<ChainVerdict> {
  return db.transaction('r', db.auditLog, db.auditHead, async () => {
    const [entries, head] = await Promise.all([db.auditLog.orderBy('seq').toArray(), db.auditHead.get('head')]);
    return verifyChain(entries, head ?? null);
  });
}
