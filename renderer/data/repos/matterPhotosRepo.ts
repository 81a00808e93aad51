import { compareIsoTimes } from '../../../shared/dates';
import {
  ATTACHMENTS_PER_OWNER,
  attachmentRows,
  type Attachment,
  type PreparedFile,
} from '../../../shared/evidence/attachment';
import { newId } from '../../../shared/ids';
import type { YishiDb } from '../db';

export type PhotosOutcome = { ok: true; added: number } | { ok: false; message: string };

/**
 * Photos (or files) of a matter as it was raised: the broken step, the blocked corridor. Added in
 * one transaction: a refused file, a matter gone meanwhile or a full album stores nothing.
 */
export async function addMatterPhotos(
  db: YishiDb,
  matterId: string,
  files: readonly PreparedFile[],
  now = new Date(),
): Promise<PhotosOutcome> {
  return db.transaction('rw', [db.matters, db.attachments], async (): Promise<PhotosOutcome> => {
    if (files.length === 0) return { ok: false, message: '请先选择照片或文件' };
    if (!(await db.matters.get(matterId))) return { ok: false, message: '事项不存在，可能已被删除' };
    const already = await db.attachments.where('ownerId').equals(matterId).count();
    if (already + files.length > ATTACHMENTS_PER_OWNER)
      return { ok: false, message: `每件事项最多${ATTACHMENTS_PER_OWNER}个附件，已有${already}个` };
    const rows = attachmentRows(files, { kind: 'matter', id: matterId }, now, newId);
    if (typeof rows === 'string') return { ok: false, message: rows };
    await db.attachments.bulkAdd(rows);
    return { ok: true, added: rows.length };
  });
}

/** A matter's photos and files, oldest first (the ownerId index). */
export async function loadMatterPhotos(db: YishiDb, matterId: string): Promise<Attachment[]> {
  const rows = await db.attachments.where('ownerId').equals(matterId).toArray();
  // Files added together share their time: then by name, so the album's order never shuffles.
  const byName = (a: Attachment, b: Attachment) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0);
  return rows
    .filter((a) => a.ownerKind === 'matter')
    .sort((a, b) => compareIsoTimes(a.addedAt, b.addedAt) || byName(a, b));
}
