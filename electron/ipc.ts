import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { zhCN } from 'zod/locales';
import {
  BRIDGE_CHANNELS,
  backupIdSchema,
  readBackupPieceRequestSchema,
  FILE_READ_PIECE_BYTES,
  fileTokenSchema,
  openForReadingRequestSchema,
  readFilePieceRequestSchema,
  openFileRequestSchema,
  printToPdfRequestSchema,
  convertToPdfRequestSchema,
  saveFileRequestSchema,
  appendBackupRequestSchema,
  beginBackupRequestSchema,
  endBackupRequestSchema,
  type AppInfo,
  type FileFilter,
  type PdfConversion,
  type YishiBridge,
} from '../shared/bridge';
import type { BackupStore, BackupWriter } from './backupStore';
import type { TrustOptions } from './config';
import { isTrustedSender } from './security';
import {
  keyBytesSchema,
  protectedKeySchema,
  protectionStatus,
  protectKeyBytes,
  unprotectKeyBytes,
  type SafeStorageLike,
} from '../shared/signing/keyProtection';

/** What main.ts knows about the frame that sent an IPC message. */
export interface SenderInfo {
  frameUrl: string | null;
  isMainFrame: boolean;
}

/** Everything the handlers do to the outside world; main.ts passes Electron and Node. */
export interface IpcEffects {
  appInfo(): AppInfo;
  /** The chosen path, or null when the user cancelled. */
  showSaveDialog(request: { suggestedName: string; filters?: FileFilter[] }): Promise<string | null>;
  showOpenDialog(request: { filters?: FileFilter[] }): Promise<string | null>;
  readFile(filePath: string): Promise<Uint8Array>;
  /** Bytes of a file from `position`, fewer only at its end. */
  readFileRange(filePath: string, position: number, length: number): Promise<Uint8Array>;
  writeFileAtomic(filePath: string, bytes: Uint8Array): Promise<void>;
  stat(filePath: string): Promise<{ size: number }>;
  printWindow(): Promise<void>;
  printToPdf(): Promise<Uint8Array>;
  backups: Pick<BackupStore, 'beginBackup' | 'listBackups' | 'readBackupPiece' | 'copyBackupTo'>;
  now(): Date;
  /** Electron's safeStorage and process.platform: the key protection's only effects. */
  safeStorage: SafeStorageLike;
  platform: string;
  /** The office suite of this computer (electron/officePdf.ts). */
  convertDocxToPdf(documents: readonly Uint8Array[]): Promise<PdfConversion>;
}

type Method = keyof YishiBridge;
export type BridgeChannel = (typeof BRIDGE_CHANNELS)[Method];
export type IpcHandler = (sender: SenderInfo, args: readonly unknown[]) => Promise<unknown>;
export type IpcHandlers = Record<BridgeChannel, IpcHandler>;

const LABELS: Record<Method, string> = {
  appInfo: '读取应用信息',
  saveFile: '保存文件',
  openFile: '打开文件',
  print: '打印',
  printToPdf: '导出 PDF',
  beginBackup: '开始备份',
  appendBackup: '写入备份',
  endBackup: '完成备份',
  listBackups: '读取备份列表',
  readBackupPiece: '读取备份',
  exportBackup: '另存备份',
  openFileForReading: '打开文件',
  readFilePiece: '读取文件',
  closeFile: '关闭文件',
  keyProtection: '查询密钥保护',
  protectKey: '保护签名密钥',
  unprotectKey: '读取签名密钥',
  convertToPdf: '生成 PDF',
};

/** A refusal the renderer can show as is; other errors are wrapped with the action's name. */
export class BridgeRequestError extends Error {
  override name = 'BridgeRequestError';
}

const zodChinese = zhCN().localeError;

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}：` : '') + issue.message)
    .join('；');
}

function parseArg<T>(method: Method, schema: z.ZodType<T>, arg: unknown): T {
  const result = schema.safeParse(arg, { error: zodChinese });
  if (!result.success) {
    throw new BridgeRequestError(`${LABELS[method]}的请求参数不正确：${describeIssues(result.error.issues)}`);
  }
  return result.data;
}

const noArgument = z.undefined();

function pdfName(suggestedName: string): string {
  return suggestedName.toLowerCase().endsWith('.pdf') ? suggestedName : `${suggestedName}.pdf`;
}

type Implementation = { [K in Method]: (arg: unknown) => ReturnType<YishiBridge[K]> };

/** Backups written at once; a stuck renderer cannot pile up open files beyond this. */
const MAX_OPEN_BACKUPS = 3;
/**
 * A backup that received nothing for this long was left behind (the window reloaded or closed
 * mid-backup): its partial file is removed when another backup begins. A live one appends
 * every few milliseconds.
 */
const ABANDONED_BACKUP_MS = 2 * 60_000;

interface OpenBackup {
  writer: BackupWriter;
  lastUsed: number;
}

/**
 * Files opened for reading at once. A window that never closes what it opened (reloaded
 * mid-restore) only holds names, and the oldest go first.
 */
const MAX_OPEN_FILES = 4;

function implement(effects: IpcEffects): Implementation {
  const openBackups = new Map<string, OpenBackup>();
  // Token → the path the user picked: the page can read only files chosen in the dialog.
  const openFiles = new Map<string, string>();
  const writerFor = (method: Method, token: string) => {
    const open = openBackups.get(token);
    if (!open) throw new BridgeRequestError(`${LABELS[method]}失败：这次备份已经结束或不存在`);
    open.lastUsed = effects.now().getTime();
    return open.writer;
  };
  const dropAbandoned = async () => {
    const now = effects.now().getTime();
    for (const [token, open] of openBackups) {
      if (now - open.lastUsed < ABANDONED_BACKUP_MS) continue;
      openBackups.delete(token);
      await open.writer.abort().catch(() => undefined);
    }
  };
  return {
    appInfo: async (arg) => {
      parseArg('appInfo', noArgument, arg);
      return effects.appInfo();
    },
    saveFile: async (arg) => {
      const request = parseArg('saveFile', saveFileRequestSchema, arg);
      const filePath = await effects.showSaveDialog({ suggestedName: request.suggestedName, filters: request.filters });
      if (!filePath) return { status: 'cancelled' };
      await effects.writeFileAtomic(filePath, request.bytes);
      return { status: 'saved', path: filePath };
    },
    openFile: async (arg) => {
      const request = parseArg('openFile', openFileRequestSchema, arg);
      const filePath = await effects.showOpenDialog({ filters: request.filters });
      if (!filePath) return { status: 'cancelled' };
      const name = path.basename(filePath);
      const { size } = await effects.stat(filePath);
      if (size > request.maxBytes) return { status: 'tooLarge', name, size };
      const bytes = await effects.readFile(filePath);
      // The file may have grown between stat and read.
      if (bytes.byteLength > request.maxBytes) return { status: 'tooLarge', name, size: bytes.byteLength };
      return { status: 'opened', name, bytes };
    },
    print: async (arg) => {
      parseArg('print', noArgument, arg);
      await effects.printWindow();
    },
    printToPdf: async (arg) => {
      const request = parseArg('printToPdf', printToPdfRequestSchema, arg);
      const pdf = await effects.printToPdf();
      const filePath = await effects.showSaveDialog({
        suggestedName: pdfName(request.suggestedName),
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
      });
      if (!filePath) return { status: 'cancelled' };
      await effects.writeFileAtomic(filePath, pdf);
      return { status: 'saved', path: filePath };
    },
    beginBackup: async (arg) => {
      const request = parseArg('beginBackup', beginBackupRequestSchema, arg);
      await dropAbandoned();
      if (openBackups.size >= MAX_OPEN_BACKUPS) throw new BridgeRequestError('同时进行的备份过多，请稍后再试');
      const token = randomUUID();
      const writer = await effects.backups.beginBackup(request.reason, effects.now(), request.spare);
      openBackups.set(token, { writer, lastUsed: effects.now().getTime() });
      return token;
    },
    appendBackup: async (arg) => {
      const request = parseArg('appendBackup', appendBackupRequestSchema, arg);
      const writer = writerFor('appendBackup', request.token);
      try {
        await writer.append(request.bytes);
      } catch (error) {
        // A failed write (disk full) ends the backup: its partial file is removed.
        openBackups.delete(request.token);
        await writer.abort();
        throw error;
      }
    },
    endBackup: async (arg) => {
      const request = parseArg('endBackup', endBackupRequestSchema, arg);
      const writer = writerFor('endBackup', request.token);
      openBackups.delete(request.token);
      if (!request.commit) {
        await writer.abort();
        return null;
      }
      return writer.finish(request.summary);
    },
    openFileForReading: async (arg) => {
      const request = parseArg('openFileForReading', openForReadingRequestSchema, arg);
      const filePath = await effects.showOpenDialog({ filters: request.filters });
      if (!filePath) return { status: 'cancelled' };
      const { size } = await effects.stat(filePath);
      for (const oldest of openFiles.keys()) {
        if (openFiles.size < MAX_OPEN_FILES) break;
        openFiles.delete(oldest);
      }
      const token = randomUUID();
      openFiles.set(token, filePath);
      return { status: 'opened', token, name: path.basename(filePath), sizeBytes: size };
    },
    readFilePiece: async (arg) => {
      const request = parseArg('readFilePiece', readFilePieceRequestSchema, arg);
      const filePath = openFiles.get(request.token);
      if (!filePath) throw new BridgeRequestError(`${LABELS.readFilePiece}失败：这个文件已经关闭`);
      const piece = await effects.readFileRange(filePath, request.index * FILE_READ_PIECE_BYTES, FILE_READ_PIECE_BYTES);
      return piece.byteLength === 0 ? null : piece;
    },
    closeFile: async (arg) => {
      openFiles.delete(parseArg('closeFile', fileTokenSchema, arg));
    },
    // Thin: the rules are shared/signing/keyProtection.ts, tested without Electron.
    keyProtection: async (arg) => {
      parseArg('keyProtection', noArgument, arg);
      return protectionStatus(effects.safeStorage, effects.platform);
    },
    protectKey: async (arg) =>
      protectKeyBytes(effects.safeStorage, effects.platform, parseArg('protectKey', keyBytesSchema, arg)),
    unprotectKey: async (arg) =>
      unprotectKeyBytes(effects.safeStorage, effects.platform, parseArg('unprotectKey', protectedKeySchema, arg)),
    convertToPdf: async (arg) =>
      effects.convertDocxToPdf(parseArg('convertToPdf', convertToPdfRequestSchema, arg).documents),
    listBackups: async (arg) => {
      parseArg('listBackups', noArgument, arg);
      return effects.backups.listBackups();
    },
    readBackupPiece: async (arg) => {
      const request = parseArg('readBackupPiece', readBackupPieceRequestSchema, arg);
      return effects.backups.readBackupPiece(request.id, request.index);
    },
    exportBackup: async (arg) => {
      const id = parseArg('exportBackup', backupIdSchema, arg);
      const extension = id.endsWith('.gz') ? 'gz' : 'json';
      const filePath = await effects.showSaveDialog({
        suggestedName: id,
        filters: [{ name: '议事厅备份', extensions: [extension] }],
      });
      if (!filePath) return { status: 'cancelled' };
      await effects.backups.copyBackupTo(id, filePath);
      return { status: 'saved', path: filePath };
    },
  };
}

function guard(method: Method, run: (arg: unknown) => Promise<unknown>, trust: TrustOptions): IpcHandler {
  return async (sender, args) => {
    if (!isTrustedSender(sender.frameUrl, sender.isMainFrame, trust)) {
      throw new BridgeRequestError(`已拒绝“${LABELS[method]}”请求：它不是来自议事厅主窗口`);
    }
    if (args.length > 1) throw new BridgeRequestError(`${LABELS[method]}的请求参数不正确：参数过多`);
    try {
      return await run(args[0]);
    } catch (error) {
      if (error instanceof BridgeRequestError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${LABELS[method]}失败：${reason}`, { cause: error });
    }
  };
}

/** One handler per bridge channel; main.ts registers each with ipcMain.handle. */
export function createIpcHandlers(effects: IpcEffects, trust: TrustOptions): IpcHandlers {
  const implementation = implement(effects);
  const handlers = {} as IpcHandlers;
  for (const method of Object.keys(BRIDGE_CHANNELS) as Method[]) {
    handlers[BRIDGE_CHANNELS[method]] = guard(method, implementation[method], trust);
  }
  return handlers;
}
