import { z } from 'zod';
import { progressSchema, type ProgressEvent } from '../followup/state';
import { attachmentSchema, fromBase64, sha256OfBytes, type Attachment } from '../evidence/attachment';
import { publicNoticeSchema, type PublicNotice } from '../publicity/notice';
import { evaluationSchema, type Evaluation } from '../publicity/evaluation';
import { recordSignatureSchema, signatureRowId, type RecordSignature } from '../signing/sign';
import type { MeetingRecord } from './record';

/**
 * What a meeting file (format 3) carries beside the sealed record: the signatures of the record
 * (the lock's and every amendment's) and the follow-up of its decisions (督办 steps, 公示, 评议
 * and their evidence). None of it is inside the seal: the follow-up changes after signing by
 * design, and a signature vouches for the fingerprint, not for itself. Escalations (上报件,
 * 吹哨报到) belong to matters, not to a meeting's decisions, so a meeting file carries none.
 */

/**
 * Evidence files travel in the file up to this many bytes in all (before base64): a meeting
 * file stays below MEETING_FILE_MAX_MB and opens on an old laptop. Files past the cap are left
 * out and listed by name, size and SHA-256, so the reader knows what exists and can ask for it.
 */
export const FILE_ATTACHMENTS_MAX_BYTES = 25 * 1024 * 1024;

/** An evidence file left out of a meeting file: what it was, without its bytes. */
export const omittedAttachmentSchema = z
  .object({
    id: z.string().min(1).max(200),
    ownerId: z.string().min(1).max(200),
    decisionId: z.string().min(1).max(200),
    fileName: z.string().min(1).max(200),
    size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type OmittedAttachment = z.infer<typeof omittedAttachmentSchema>;

export const fileFollowupSchema = z
  .object({
    progress: z.array(progressSchema).max(20_000),
    notices: z.array(publicNoticeSchema).max(5_000),
    evaluations: z.array(evaluationSchema).max(2_000),
    attachments: z.array(attachmentSchema).max(2_000),
    omittedAttachments: z.array(omittedAttachmentSchema).max(20_000),
  })
  .strict();
export type FileFollowup = z.infer<typeof fileFollowupSchema>;

export const fileSignaturesSchema = z.array(recordSignatureSchema).max(1_001);

export const EMPTY_FOLLOWUP: FileFollowup = {
  progress: [],
  notices: [],
  evaluations: [],
  attachments: [],
  omittedAttachments: [],
};

/** The follow-up rows of one meeting as stored, before they are put in a file. */
export interface StoredFollowup {
  progress: ProgressEvent[];
  notices: PublicNotice[];
  evaluations: Evaluation[];
  attachments: Attachment[];
}

/**
 * The follow-up block of a file, in a stable order (by time, then id) so two exports of the same
 * state compare equal; evidence in note order until the cap, the rest listed as omitted.
 */
export function fileFollowupOf(stored: StoredFollowup, maxBytes = FILE_ATTACHMENTS_MAX_BYTES): FileFollowup {
  const byAtThenId = <T extends { id: string }>(key: (row: T) => string) =>
    function compare(a: T, b: T): number {
      return key(a).localeCompare(key(b)) || a.id.localeCompare(b.id);
    };
  const progress = [...stored.progress].sort(byAtThenId((p) => p.at));
  const noteOrder = new Map(progress.map((p, i) => [p.id, i]));
  const evidence = [...stored.attachments].sort(
    (a, b) => (noteOrder.get(a.ownerId) ?? 0) - (noteOrder.get(b.ownerId) ?? 0) || a.id.localeCompare(b.id),
  );
  const attachments: Attachment[] = [];
  const omittedAttachments: OmittedAttachment[] = [];
  let total = 0;
  for (const a of evidence) {
    if (total + a.size <= maxBytes) {
      total += a.size;
      attachments.push(a);
    } else
      omittedAttachments.push({
        id: a.id,
        ownerId: a.ownerId,
        decisionId: a.decisionId ?? '',
        fileName: a.fileName,
        size: a.size,
        sha256: a.sha256,
      });
  }
  return {
    progress,
    notices: [...stored.notices].sort(byAtThenId((n) => n.recordedAt)),
    evaluations: [...stored.evaluations].sort(byAtThenId((e) => e.decisionId)),
    attachments,
    omittedAttachments,
  };
}

/** Where a file's extras break the rules, as a path into the file and the words that follow its name. */
export interface ExtrasFault {
  path: Array<string | number>;
  words: string;
}

function duplicateIndex(ids: readonly string[]): { index: number; first: number } | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const first = seen.get(ids[i]!);
    if (first !== undefined) return { index: i, first };
    seen.set(ids[i]!, i);
  }
  return null;
}

/**
 * What makes the extras belong to the record: every signature names the record's meeting (one
 * per slot), every follow-up row names the record's meeting and one of its decisions, evidence
 * hangs on one of the file's progress notes, and no id repeats within a list. A crafted file that
 * breaks any of these would write rows into another meeting, or over rows of this one.
 */
export function extrasFault(
  record: MeetingRecord,
  signatures: readonly RecordSignature[],
  followup: FileFollowup,
): ExtrasFault | null {
  const meetingId = record.meeting.id;
  for (const [i, s] of signatures.entries()) {
    if (s.meetingId !== meetingId || s.id !== signatureRowId(meetingId, s.slot))
      return { path: ['signatures', i], words: '属于另一个会议' };
  }
  const dupSig = duplicateIndex(signatures.map((s) => s.id));
  if (dupSig) return { path: ['signatures', dupSig.index], words: `与签名第${dupSig.first + 1}个重复` };
  const decisions = new Set(record.decisions.map((d) => d.id));
  // Only a signed meeting's decisions are followed (shared/followup/access.ts).
  if (record.meeting.status !== 'signed') {
    const rows = [
      ['progress', followup.progress],
      ['notices', followup.notices],
      ['evaluations', followup.evaluations],
    ] as const;
    const found = rows.find(([, list]) => list.length > 0);
    if (found)
      return { path: ['followup', found[0], 0], words: '属于尚未签字的会议（只有已签字会议的决定才有办理记录）' };
  }
  const lists = {
    progress: followup.progress,
    notices: followup.notices,
    evaluations: followup.evaluations,
  } as const;
  for (const [list, rows] of Object.entries(lists) as Array<[keyof typeof lists, ReadonlyArray<RowRef>]>) {
    for (const [i, row] of rows.entries()) {
      if (row.meetingId !== meetingId) return { path: ['followup', list, i], words: '属于另一个会议' };
      if (row.decisionId !== undefined && !decisions.has(row.decisionId))
        return { path: ['followup', list, i], words: '对应的决定事项不在本会议中' };
    }
    const dup = duplicateIndex(rows.map((r) => r.id));
    if (dup) return { path: ['followup', list, dup.index], words: `与第${dup.first + 1}条编号重复` };
  }
  const dupEval = duplicateIndex(followup.evaluations.map((e) => e.decisionId));
  if (dupEval) return { path: ['followup', 'evaluations', dupEval.index], words: '重复（每项决定事项只有一份评议）' };
  const notes = new Map(followup.progress.map((p) => [p.id, p.decisionId]));
  const evidence = [...followup.attachments, ...followup.omittedAttachments];
  for (const [i, a] of evidence.entries()) {
    const [list, at] =
      i < followup.attachments.length ? ['attachments', i] : ['omittedAttachments', i - followup.attachments.length];
    const owner = 'ownerKind' in a ? a.ownerKind : 'progress';
    if (owner !== 'progress' || !notes.has(a.ownerId) || notes.get(a.ownerId) !== a.decisionId)
      return { path: ['followup', list, at], words: '不属于本文件中的办理进展' };
  }
  const dupFile = duplicateIndex(evidence.map((a) => a.id));
  if (dupFile) return { path: ['followup', 'attachments', dupFile.index], words: '编号重复' };
  return null;
}

interface RowRef {
  id: string;
  meetingId: string;
  decisionId?: string;
}

/** The first evidence file whose bytes are not the ones its SHA-256 names (a damaged or edited file), or -1. */
export async function corruptAttachmentIndex(attachments: readonly Attachment[]): Promise<number> {
  for (const [i, a] of attachments.entries()) {
    const bytes = (() => {
      try {
        return fromBase64(a.data);
      } catch {
        return null; // base64 that atob refuses (bad padding)
      }
    })();
    if (!bytes || bytes.length !== a.size || (await sha256OfBytes(bytes)) !== a.sha256) return i;
  }
  return -1;
}
