import type {
  AppInfo,
  FileFilter,
  OpenFileRequest,
  OpenFileResult,
  SaveFileRequest,
  SaveFileResult,
  YishiBridge,
} from '../../shared/bridge';
import {
  FILE_READ_PIECE_BYTES,
  backupIdSchema,
  beginBackupRequestSchema,
  fileTokenSchema,
  openFileRequestSchema,
  openForReadingRequestSchema,
  readBackupPieceRequestSchema,
  readFilePieceRequestSchema,
  saveFileRequestSchema,
} from '../../shared/bridge';
import { BrowserBackupStore } from './backupStore';

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The file the user picks in the browser's dialog, or null when cancelled. */
function pickFile(filters: FileFilter[] | undefined): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = (filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.dataset.testid = 'bridge-file-input';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ?? null);
    });
    document.body.append(input);
    input.click();
  });
}

async function openWholeFile(request: OpenFileRequest): Promise<OpenFileResult> {
  const file = await pickFile(request.filters);
  if (!file) return { status: 'cancelled' };
  if (file.size > request.maxBytes) return { status: 'tooLarge', name: file.name, size: file.size };
  return { status: 'opened', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The bridge for a plain browser: downloads instead of save dialogs, file inputs, IndexedDB backups. */
export function createBrowserBridge(appVersion: string, backups = new BrowserBackupStore()): YishiBridge {
  // Files picked for reading in pieces: the browser reads slices of them as asked.
  const openFiles = new Map<string, File>();
  return {
    async appInfo(): Promise<AppInfo> {
      return {
        name: '议事厅',
        version: appVersion,
        platform: 'browser',
        // Shown on the backups screen in either language: no words, only where.
        dataLocation: `${location.origin} · IndexedDB`,
        backupLocation: `${location.origin} · IndexedDB yishi-backups`,
      };
    },
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const valid = saveFileRequestSchema.parse(request);
      download(valid.suggestedName, new Blob([valid.bytes as BlobPart], { type: 'application/octet-stream' }));
      return { status: 'saved', path: valid.suggestedName };
    },
    async openFile(request: OpenFileRequest): Promise<OpenFileResult> {
      return openWholeFile(openFileRequestSchema.parse(request));
    },
    async print(): Promise<void> {
      window.print();
    },
    async printToPdf(): Promise<SaveFileResult> {
      // Browsers offer "Save as PDF" in their own print dialog; there is no silent PDF path.
      window.print();
      return { status: 'cancelled' };
    },
    beginBackup: (request) => {
      const valid = beginBackupRequestSchema.parse(request);
      return backups.begin(valid.reason, new Date(), valid.spare);
    },
    appendBackup: (request) => backups.append(request.token, request.bytes),
    endBackup: (request) => backups.end(request.token, request.commit, request.summary),
    listBackups: () => backups.list(),
    readBackupPiece: (request) => {
      const valid = readBackupPieceRequestSchema.parse(request);
      return backups.readPiece(valid.id, valid.index);
    },
    async openFileForReading(request) {
      const file = await pickFile(openForReadingRequestSchema.parse(request).filters);
      if (!file) return { status: 'cancelled' };
      const token = crypto.randomUUID();
      openFiles.set(token, file);
      return { status: 'opened', token, name: file.name, sizeBytes: file.size };
    },
    async readFilePiece(request) {
      const valid = readFilePieceRequestSchema.parse(request);
      const file = openFiles.get(valid.token);
      if (!file) throw new Error('读取文件失败：这个文件已经关闭');
      const start = valid.index * FILE_READ_PIECE_BYTES;
      if (start >= file.size) return null;
      return new Uint8Array(await file.slice(start, start + FILE_READ_PIECE_BYTES).arrayBuffer());
    },
    async closeFile(token) {
      openFiles.delete(fileTokenSchema.parse(token));
    },
    // A web page has no OS key store: the non-extractable CryptoKey in IndexedDB stays.
    async keyProtection() {
      return { available: false, reason: 'browser' };
    },
    async protectKey() {
      throw new Error('key protection is not available in a browser');
    },
    async unprotectKey() {
      return null;
    },
    // A web page cannot run the office suite: a filing package from the browser holds no PDF.
    async convertToPdf() {
      return { status: 'unavailable', reason: 'browser' };
    },
    async exportBackup(id) {
      const valid = backupIdSchema.parse(id);
      download(valid, await backups.asBlob(valid));
      return { status: 'saved', path: valid };
    },
  };
}
