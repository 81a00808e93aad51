import type { KeyProtectionStatus } from './signing/keyProtection';
import { z } from 'zod';
import { isSafeFileName } from './fileName';

/**
 * The one interface between the renderer and the platform. The preload implements it over IPC
 * (Electron); the renderer has a browser implementation (downloads, file inputs, IndexedDB).
 */
export interface YishiBridge {
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  print(): Promise<void>;
  printToPdf(request: PrintToPdfRequest): Promise<SaveFileResult>;
  /**
   * A backup is written in pieces, so a ten-year database never has to be one string: begin
   * gives a token, append adds bytes, end commits it (or, with commit false, throws it away).
   */
  beginBackup(request: BeginBackupRequest): Promise<string>;
  appendBackup(request: AppendBackupRequest): Promise<void>;
  endBackup(request: EndBackupRequest): Promise<BackupEntry | null>;
  listBackups(): Promise<BackupEntry[]>;
  /**
   * A stored backup is read back piece by piece (index 0, 1, … until null), so restoring ten
   * years never moves one string of hundreds of megabytes.
   */
  readBackupPiece(request: ReadBackupPieceRequest): Promise<Uint8Array | null>;
  /** Saves a copy of a stored backup where the user chooses (a USB stick, say). */
  exportBackup(id: string): Promise<SaveFileResult>;
  /**
   * A large file the user picks (a backup on a USB stick) stays where it is and is read in
   * pieces of FILE_READ_PIECE_BYTES (index 0, 1, … until null) through the token, until closed.
   */
  openFileForReading(request: OpenForReadingRequest): Promise<OpenedForReading>;
  readFilePiece(request: ReadFilePieceRequest): Promise<Uint8Array | null>;
  closeFile(token: string): Promise<void>;
  /**
   * Whether the OS can protect a private signing key (Electron's safeStorage), and if so, the
   * key's PKCS#8 encrypted by / recovered from it (shared/signing/keyProtection.ts). The browser
   * says no and keeps its non-extractable CryptoKey.
   */
  keyProtection(): Promise<KeyProtectionStatus>;
  protectKey(pkcs8: Uint8Array): Promise<Uint8Array>;
  /** null: not a blob this user's OS store made (another account, a damaged copy). */
  unprotectKey(blob: Uint8Array): Promise<Uint8Array | null>;
  /**
   * Each .docx as PDF, laid out by the office suite of this computer (LibreOffice), for the
   * filing package; 'unavailable' where there is none (the browser, a desktop without one).
   */
  convertToPdf(request: ConvertToPdfRequest): Promise<PdfConversion>;
}

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(60),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,8}$/i))
    .min(1)
    .max(10),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

/** Largest file the bridge moves in one call (backups of a ten-year archive stay below this). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** A file name without folders or characters Windows forbids. */
export const safeFileNameSchema = z.string().min(1).max(200).refine(isSafeFileName, '文件名含有不允许的字符');

/** A file's bytes as the bridge moves them. */
const fileBytesSchema = z
  .custom<Uint8Array>((b) => b instanceof Uint8Array, '不是文件内容')
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件过大');

export const saveFileRequestSchema = z.object({
  suggestedName: safeFileNameSchema,
  bytes: fileBytesSchema,
  filters: z.array(fileFilterSchema).max(10).optional(),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;
export type SaveFileResult = { status: 'saved'; path: string } | { status: 'cancelled' };

export const openFileRequestSchema = z.object({
  filters: z.array(fileFilterSchema).max(10).optional(),
  maxBytes: z.number().int().positive().max(MAX_FILE_BYTES),
});
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;
export type OpenFileResult =
  | { status: 'opened'; name: string; bytes: Uint8Array }
  | { status: 'tooLarge'; name: string; size: number }
  | { status: 'cancelled' };

export const printToPdfRequestSchema = z.object({ suggestedName: safeFileNameSchema });
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

/** A month's 纪要 at most (a filing package holds up to 200 meetings). */
export const convertToPdfRequestSchema = z.object({ documents: z.array(fileBytesSchema).max(200) });
export type ConvertToPdfRequest = z.infer<typeof convertToPdfRequestSchema>;
export type PdfConversion =
  | { status: 'converted'; pdfs: Uint8Array[] }
  | { status: 'unavailable'; reason: 'noOffice' | 'failed' | 'browser'; detail?: string };

export const BACKUP_REASONS = ['daily', 'manual', 'preUpgrade', 'preRestore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupReasonSchema = z.enum(BACKUP_REASONS);

/** Largest piece of a backup in one call; the renderer sends about 1 MB at a time. */
export const MAX_BACKUP_PIECE_BYTES = 32 * 1024 * 1024;
export const backupTokenSchema = z.string().regex(/^[0-9a-f-]{36}$/, '备份写入标识不正确');

export const appendBackupRequestSchema = z.object({
  token: backupTokenSchema,
  bytes: z
    .custom<Uint8Array>((b) => b instanceof Uint8Array, '不是备份内容')
    .refine((b) => b.byteLength <= MAX_BACKUP_PIECE_BYTES, '备份片段过大'),
});
export type AppendBackupRequest = z.infer<typeof appendBackupRequestSchema>;

/**
 * What a finished backup holds, as its writer counted it: kept beside the backup so that the
 * restore question can show it at once. Only a hint: a restore still reads the whole file, and
 * goes on only when the file holds exactly this (see shared/backup/storedSummary.ts).
 */
export const storedBackupSummarySchema = z
  .object({
    appVersion: z.string().min(1).max(64),
    createdAt: z.iso.datetime(),
    schemaVersion: z.number().int().min(1).max(10_000),
    counts: z.record(z.string().regex(/^[A-Za-z]{1,64}$/), z.number().int().min(0).max(1_000_000_000)),
  })
  // No message: a request failing it is refused as a whole (请求参数不正确), a stored one ignored.
  .refine((s) => Object.keys(s.counts).length <= 200);
export type StoredBackupSummary = z.infer<typeof storedBackupSummarySchema>;

export const endBackupRequestSchema = z.object({
  token: backupTokenSchema,
  commit: z.boolean(),
  summary: z.optional(storedBackupSummarySchema),
});
export type EndBackupRequest = z.infer<typeof endBackupRequestSchema>;

/**
 * A backup file name: yishi-backup-<reason>-<yyyymmdd-hhmmss-mmm>.json.gz (gzip-compressed JSON),
 * or .json for backups written before compression; nothing else.
 */
export const BACKUP_ID_PATTERN =
  /^yishi-backup-(daily|manual|preUpgrade|preRestore)-(\d{8}-\d{6}-\d{3})\.json(?:\.gz)?$/;
export const backupIdSchema = z.string().regex(BACKUP_ID_PATTERN, '备份文件名不正确');

/**
 * `spare`: a stored backup that the pruning after this one must not remove, because it is being
 * restored (the safety backup before restoring the oldest of its kind would otherwise delete it).
 */
// z.optional, not backupIdSchema.optional(): the preload's build drops calls on `z` only.
export const beginBackupRequestSchema = z.object({ reason: backupReasonSchema, spare: z.optional(backupIdSchema) });
export type BeginBackupRequest = z.infer<typeof beginBackupRequestSchema>;

export const readBackupPieceRequestSchema = z.object({
  id: backupIdSchema,
  index: z.number().int().min(0).max(1_000_000),
});
export type ReadBackupPieceRequest = z.infer<typeof readBackupPieceRequestSchema>;

/** Pieces a picked file is read in; a restore parses each in slices, so the window keeps painting. */
export const FILE_READ_PIECE_BYTES = 4 * 1024 * 1024;

export const fileTokenSchema = z.string().regex(/^[0-9a-f-]{36}$/, '文件读取标识不正确');
export const openForReadingRequestSchema = z.object({ filters: z.array(fileFilterSchema).max(10).optional() });
export type OpenForReadingRequest = z.infer<typeof openForReadingRequestSchema>;
export type OpenedForReading =
  { status: 'opened'; token: string; name: string; sizeBytes: number } | { status: 'cancelled' };
export const readFilePieceRequestSchema = z.object({
  token: fileTokenSchema,
  index: z.number().int().min(0).max(1_000_000),
});
export type ReadFilePieceRequest = z.infer<typeof readFilePieceRequestSchema>;

export interface BackupEntry {
  id: string;
  reason: BackupReason;
  createdAt: string;
  sizeBytes: number;
  /** Absent for backups written before it was kept, or whose summary could not be read. */
  summary?: StoredBackupSummary;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: 'electron' | 'browser';
  /** Where the data lives, for the user to read (a folder, or "this browser"). */
  dataLocation: string;
  backupLocation: string;
}

/** IPC channel names, one per bridge method. */
export const BRIDGE_CHANNELS = {
  appInfo: 'yishi:app-info',
  saveFile: 'yishi:save-file',
  openFile: 'yishi:open-file',
  print: 'yishi:print',
  printToPdf: 'yishi:print-to-pdf',
  beginBackup: 'yishi:begin-backup',
  appendBackup: 'yishi:append-backup',
  endBackup: 'yishi:end-backup',
  listBackups: 'yishi:list-backups',
  readBackupPiece: 'yishi:read-backup-piece',
  exportBackup: 'yishi:export-backup',
  openFileForReading: 'yishi:open-file-for-reading',
  readFilePiece: 'yishi:read-file-piece',
  closeFile: 'yishi:close-file',
  keyProtection: 'yishi:key-protection',
  protectKey: 'yishi:protect-key',
  unprotectKey: 'yishi:unprotect-key',
  convertToPdf: 'yishi:convert-to-pdf',
} as const satisfies Record<keyof YishiBridge, string>;
