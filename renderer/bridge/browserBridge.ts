import type { AppInfo, OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult, YishiBridge } from '../../shared/bridge';
import { backupIdSchema, beginBackupRequestSchema, openFileRequestSchema, readBackupPieceRequestSchema, saveFileRequestSchema } from '../../shared/bridge';
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

function pickFile(request: OpenFileRequest): Promise<OpenFileResult> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = (request.filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.dataset.testid = 'bridge-file-input';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve({ status: 'cancelled' });
    });
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve({ status: 'cancelled' });
      if (file.size > request.maxBytes) return resolve({ status: 'tooLarge', name: file.name, size: file.size });
      resolve({ status: 'opened', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    });
    document.body.append(input);
    input.click();
  });
}

/** The bridge for a plain browser: downloads instead of save dialogs, file inputs, IndexedDB backups. */
export function createBrowserBridge(appVersion: string, backups = new BrowserBackupStore()): YishiBridge {
  return {
    async appInfo(): Promise<AppInfo> {
      return {
        name: '议事厅',
        version: appVersion,
        platform: 'browser',
        dataLocation: `${location.origin}（浏览器 IndexedDB）`,
        backupLocation: `${location.origin}（浏览器内的独立备份库 yishi-backups）`,
      };
    },
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const valid = saveFileRequestSchema.parse(request);
      download(valid.suggestedName, new Blob([valid.bytes as BlobPart], { type: 'application/octet-stream' }));
      return { status: 'saved', path: valid.suggestedName };
    },
    async openFile(request: OpenFileRequest): Promise<OpenFileResult> {
      return pickFile(openFileRequestSchema.parse(request));
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
    endBackup: (request) => backups.end(request.token, request.commit),
    listBackups: () => backups.list(),
    readBackupPiece: (request) => {
      const valid = readBackupPieceRequestSchema.parse(request);
      return backups.readPiece(valid.id, valid.index);
    },
    async exportBackup(id) {
      const valid = backupIdSchema.parse(id);
      download(valid, await backups.asBlob(valid));
      return { status: 'saved', path: valid };
    },
  };
}
