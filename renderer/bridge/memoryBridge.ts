import type { YishiBridge } from '../../shared/bridge';
import type { BrowserBackupStore } from './backupStore';

/**
 * The bridge for tests in Node: backups in the given store (fake IndexedDB), no dialogs (file
 * operations report 'cancelled'), printing does nothing.
 */
export function memoryBridge(store: BrowserBackupStore): YishiBridge {
  return {
    appInfo: async () => ({
      name: '议事厅',
      version: 'test',
      platform: 'browser',
      dataLocation: '',
      backupLocation: '',
    }),
    saveFile: async () => ({ status: 'cancelled' }),
    openFile: async () => ({ status: 'cancelled' }),
    print: async () => {},
    printToPdf: async () => ({ status: 'cancelled' }),
    beginBackup: (r) => store.begin(r.reason, new Date(), r.spare),
    appendBackup: (r) => store.append(r.token, r.bytes),
    endBackup: (r) => store.end(r.token, r.commit, r.summary),
    listBackups: () => store.list(),
    readBackupPiece: (r) => store.readPiece(r.id, r.index),
    exportBackup: async () => ({ status: 'cancelled' }),
    openFileForReading: async () => ({ status: 'cancelled' }),
    readFilePiece: async () => {
      throw new Error('no file is open');
    },
    closeFile: async () => {},
    keyProtection: async () => ({ available: false, reason: 'browser' }),
    protectKey: async () => {
      throw new Error('no key protection in tests');
    },
    unprotectKey: async () => null,
    convertToPdf: async () => ({ status: 'unavailable', reason: 'browser' }),
  };
}
