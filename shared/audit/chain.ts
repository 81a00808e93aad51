import { z } from 'zod';
import { canonicalJson } from '../meeting/fingerprint';
import { sha256HexSync } from './sha256';

/**
 * The audit log (审计日志): every import, export, filing, signature, amendment, restore and key
 * change, with its time and organisation. Append-only, and each entry carries the SHA-256 of the
 * previous one, so an entry edited, removed or moved breaks the chain at that place; the head
 * (the last entry's number and hash, kept in its own row) shows entries cut off at the end.
 * This detects changes made past the app (a database edited by hand, a backup file edited); it
 * is not a signature: whoever rewrites the whole chain and its head consistently is not detected.
 */
export const AUDIT_ACTIONS = ['import', 'export', 'filing', 'signature', 'amendment', 'restore', 'keyChange'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const auditEntrySchema = z
  .object({
    /** 1, 2, 3…: the order of the log and its primary key. */
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    at: z.string().min(1).max(40),
    action: z.enum(AUDIT_ACTIONS),
    /** The organisation this installation acts for at that moment. */
    orgName: z.string().max(200),
    /** What happened, in the record's own words (Chinese, like amendment sentences). */
    summary: z.string().max(500),
    /** The meeting or key concerned, when there is one. */
    subjectId: z.string().max(220).optional(),
    prevHash: hex64,
    hash: hex64,
  })
  .strict();
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The last entry's number and hash, kept apart from the entries: a log cut short no longer reaches it. */
export const auditHeadSchema = z.object({ key: z.literal('head'), seq: z.number().int().min(0), hash: hex64 }).strict();
export type AuditHead = z.infer<typeof auditHeadSchema>;

export type AuditDraft = Pick<AuditEntry, 'action' | 'orgName' | 'summary'> & { subjectId?: string; at: string };

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, action, orgName, summary, subjectId, prevHash } = entry;
  return sha256HexSync(canonicalJson({ seq, at, action, orgName, summary, subjectId, prevHash }));
}

/** The entry that follows `head` (null: the log is empty), and the head after it. */
export function nextEntry(head: Pick<AuditHead, 'seq' | 'hash'> | null, draft: AuditDraft): AuditEntry {
  const base = {
    seq: (head?.seq ?? 0) + 1,
    at: draft.at,
    action: draft.action,
    orgName: draft.orgName,
    summary: draft.summary.slice(0, 500),
    ...(draft.subjectId !== undefined ? { subjectId: draft.subjectId.slice(0, 220) } : {}),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  return { ...base, hash: entryHash(base) };
}

export type ChainProblem =
  /** An entry's content no longer matches its own hash. */
  | { kind: 'edited'; seq: number }
  /** Entries are missing before this one (its number or its link skips). */
  | { kind: 'removed'; seq: number }
  /** This entry links to another entry than the one before it. */
  | { kind: 'reordered'; seq: number }
  /** The log ends before its head: the last entries were cut off (or the head does not match). */
  | { kind: 'truncated'; seq: number };

export type ChainVerdict = { ok: true; count: number } | { ok: false; problem: ChainProblem };

/**
 * 核验日志: the entries in stored order (by seq) against their hashes, their links and the head.
 * Returns the first problem, so the person sees where the log was changed.
 */
export function verifyChain(entries: readonly AuditEntry[], head: AuditHead | null): ChainVerdict {
  const hashes = new Set(entries.map((e) => e.hash));
  let prev: AuditEntry | null = null;
  for (const entry of entries) {
    if (entryHash(entry) !== entry.hash) return { ok: false, problem: { kind: 'edited', seq: entry.seq } };
    const expectedSeq = (prev?.seq ?? 0) + 1;
    const expectedPrev = prev?.hash ?? GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) {
      // Its link names an entry that is still here, just not right before it: moved.
      const kind = hashes.has(entry.prevHash) && entry.seq === expectedSeq ? 'reordered' : 'removed';
      return { ok: false, problem: { kind: hashes.has(entry.prevHash) ? 'reordered' : kind, seq: entry.seq } };
    }
    if (entry.seq !== expectedSeq) return { ok: false, problem: { kind: 'removed', seq: entry.seq } };
    prev = entry;
  }
  const last = prev;
  if ((head?.seq ?? 0) !== (last?.seq ?? 0) || (head && last && head.hash !== last.hash))
    return { ok: false, problem: { kind: 'truncated', seq: last?.seq ?? 0 } };
  return { ok: true, count: entries.length };
}
