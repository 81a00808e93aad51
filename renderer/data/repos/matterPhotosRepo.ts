import { compareIsoTimes } from '../../../shared/dates';
import {
  ATTACHMENTS_PER_OWNER,
  attachmentRows,
  type Attachment,
  type PreparedFile,
} from '../../../shared/evidence/attachment';
import { newId } from '../../../shared/ids';
import type { CodedRefusal } from '../../../shared/codedRefusal';
import { matterRefusal } from '../../../shared/matters/refusals';
import type { YishiDb } from '../db';

/** A refusal carries its code when it has one (words in the user's language); `message` is the Chinese. */
export type PhotosOutcome = { ok: true; added: number } | { ok: false; message: string; refusal?: CodedRefusal };

const refused = (refusal: CodedRefusal): PhotosOutcome => ({ ok: false, message: refusal.message, refusal });

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
    if (files.length === 0) return refused(matterRefusal('photosNone'));
    if (!(await db.matters.get(matterId))) return refused(matterRefusal('matterMissing'));
    const already = await db.attachments.where('ownerId').equals(matterId).count();
    if (already + files.length > ATTACHMENTS_PER_OWNER)
      return refused(matterRefusal('photosTooMany', { max: ATTACHMENTS_PER_OWNER, count: already }));
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
