import { z } from 'zod';
import { momentSchema } from '../dates';
import { jpegSize } from '../documents/jpeg';
import { pngSize } from '../documents/png';

/**
 * Evidence (佐证材料): photos and files attached to a progress note of 督办 (or to a matter).
 * Who added them and when are the note's. The bytes are kept as base64 text in their own table
 * (`attachments`), one row per file: backups are JSON (shared/backup/stream.ts), which cannot
 * carry a Blob, and the paper 签到表 photo already travels the same way. A row of at most 10 MB
 * (≈13.4 MB of base64) is written by the backup a couple of rows per page, so one page stays small.
 */

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_OWNER = 20;
export const ATTACHMENT_NAME_MAX = 120;

/** What may be attached: photos a phone or camera makes, and the documents a committee keeps. */
export const ATTACHMENT_TYPES = {
  'image/jpeg': { label: 'JPG图片', extensions: ['jpg', 'jpeg'], image: true },
  'image/png': { label: 'PNG图片', extensions: ['png'], image: true },
  'application/pdf': { label: 'PDF文件', extensions: ['pdf'], image: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word文档',
    extensions: ['docx'],
    image: false,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel表格',
    extensions: ['xlsx'],
    image: false,
  },
} as const;
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;
const MIMES = Object.keys(ATTACHMENT_TYPES) as [AttachmentMime, ...AttachmentMime[]];

export const ATTACHMENT_OWNER_KINDS = ['progress', 'matter'] as const;

/** Length of the base64 text of `size` bytes (with padding). */
export function base64Length(size: number): number {
  return 4 * Math.ceil(size / 3);
}

export const attachmentSchema = z
  .object({
    id: z.string().min(1),
    ownerKind: z.enum(ATTACHMENT_OWNER_KINDS),
    ownerId: z.string().min(1),
    /** The decision a progress note belongs to: the decision page reads its evidence by this index. */
    decisionId: z.string().min(1).optional(),
    fileName: z.string().trim().min(1).max(ATTACHMENT_NAME_MAX),
    mime: z.enum(MIMES),
    size: z.number().int().positive().max(ATTACHMENT_MAX_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The file's bytes, base64. */
    data: z
      .string()
      .max(base64Length(ATTACHMENT_MAX_BYTES))
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    addedAt: momentSchema,
  })
  // A cut-off or padded payload (a damaged backup) is refused here rather than shown broken.
  .refine((a) => a.data.length === base64Length(a.size), { message: '附件内容不完整（长度与记录的大小不符）' });
export type Attachment = z.infer<typeof attachmentSchema>;

export interface IncomingFile {
  fileName: string;
  bytes: Uint8Array;
}

export type FileVerdict = { ok: true; mime: AttachmentMime } | { ok: false; message: string };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The type the bytes really are (magic bytes and, for images, a readable header), or null. */
export function sniffMime(bytes: Uint8Array, extension: string): AttachmentMime | null {
  if (jpegSize(bytes)) return 'image/jpeg';
  if (pngSize(bytes)) return 'image/png';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  // docx and xlsx are both zip files: the extension tells which, the magic that it is one.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (extension === 'docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (extension === 'xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Whether one file may be attached: its name, its size and what its bytes really are. */
export function checkFile(file: IncomingFile): FileVerdict {
  const name = file.fileName.trim();
  if (!name) return { ok: false, message: '文件没有名称' };
  if (name.length > ATTACHMENT_NAME_MAX) return { ok: false, message: `文件名「${name.slice(0, 30)}…」太长` };
  if (file.bytes.length === 0) return { ok: false, message: `「${name}」是空文件` };
  if (file.bytes.length > ATTACHMENT_MAX_BYTES)
    return {
      ok: false,
      message: `「${name}」有${megabytes(file.bytes.length)}，超过每个文件${megabytes(ATTACHMENT_MAX_BYTES)}的上限，请压缩后再添加`,
    };
  const extension = extensionOf(name);
  const claimed = MIMES.find((m) => (ATTACHMENT_TYPES[m].extensions as readonly string[]).includes(extension));
  if (!claimed)
    return { ok: false, message: `「${name}」的类型不能作为佐证材料，只能添加JPG、PNG图片和PDF、Word、Excel文件` };
  const actual = sniffMime(file.bytes, extension);
  if (actual !== claimed)
    return {
      ok: false,
      message: `「${name}」不是有效的${ATTACHMENT_TYPES[claimed].label}（文件内容与扩展名不符，可能已损坏）`,
    };
  return { ok: true, mime: actual };
}

/** Checks a whole batch: the first refusal names its file; nothing of a refused batch is stored. */
export function checkFiles(files: readonly IncomingFile[], alreadyAttached = 0): FileVerdict[] | string {
  if (files.length + alreadyAttached > ATTACHMENTS_PER_OWNER)
    return `每条进展最多${ATTACHMENTS_PER_OWNER}个附件，这次选了${files.length}个${alreadyAttached ? `（已有${alreadyAttached}个）` : ''}`;
  const verdicts = files.map(checkFile);
  const refused = verdicts.find((v) => !v.ok);
  return refused && !refused.ok ? refused.message : verdicts;
}

export function isImage(mime: AttachmentMime): boolean {
  return ATTACHMENT_TYPES[mime].image;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(data: string): Uint8Array {
  return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file ready to store: checked, hashed and encoded (hashing is async, so done before the transaction). */
export interface PreparedFile {
  fileName: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
  data: string;
}

export async function prepareFiles(files: readonly IncomingFile[]): Promise<PreparedFile[] | string> {
  const verdicts = checkFiles(files);
  if (typeof verdicts === 'string') return verdicts;
  const prepared: PreparedFile[] = [];
  for (const [i, f] of files.entries()) {
    const v = verdicts[i];
    if (!v?.ok) return '文件检查失败';
    prepared.push({
      fileName: f.fileName.trim(),
      mime: v.mime,
      size: f.bytes.length,
      sha256: await sha256OfBytes(f.bytes),
      data: toBase64(f.bytes),
    });
  }
  return prepared;
}

/** Whose evidence a file is: a progress note (with its decision, for the decision page's index) or a matter. */
export type AttachmentOwner = { kind: 'progress'; id: string; decisionId: string } | { kind: 'matter'; id: string };

/**
 * The stored rows of prepared files, each checked by the stored schema; a refusal names the file.
 * One place for every owner, so a matter's photos and a note's evidence obey the same rules.
 */
export function attachmentRows(
  files: readonly PreparedFile[],
  owner: AttachmentOwner,
  now: Date,
  newId: () => string,
): Attachment[] | string {
  const rows: Attachment[] = [];
  for (const f of files) {
    const parsed = attachmentSchema.safeParse({
      ...f,
      id: newId(),
      ownerKind: owner.kind,
      ownerId: owner.id,
      ...(owner.kind === 'progress' ? { decisionId: owner.decisionId } : {}),
      addedAt: now.toISOString(),
    });
    if (!parsed.success) return `「${f.fileName}」不能保存：${parsed.error.issues[0]?.message ?? '内容不符合要求'}`;
    rows.push(parsed.data);
  }
  return rows;
}
