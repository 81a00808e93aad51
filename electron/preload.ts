import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type YishiBridge } from '../shared/bridge';

/**
 * The whole of what the page may ask of the main process. Each method forwards one argument
 * at most; ipcRenderer itself never reaches the page.
 */
const api = {
  appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo),
  saveFile: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.openFile, request),
  print: () => ipcRenderer.invoke(BRIDGE_CHANNELS.print),
  printToPdf: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.printToPdf, request),
  beginBackup: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.beginBackup, request),
  appendBackup: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.appendBackup, request),
  endBackup: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.endBackup, request),
  listBackups: () => ipcRenderer.invoke(BRIDGE_CHANNELS.listBackups),
  readBackupPiece: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.readBackupPiece, request),
  exportBackup: (id) => ipcRenderer.invoke(BRIDGE_CHANNELS.exportBackup, id),
  openFileForReading: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.openFileForReading, request),
  readFilePiece: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.readFilePiece, request),
  closeFile: (token) => ipcRenderer.invoke(BRIDGE_CHANNELS.closeFile, token),
  keyProtection: () => ipcRenderer.invoke(BRIDGE_CHANNELS.keyProtection),
  protectKey: (pkcs8) => ipcRenderer.invoke(BRIDGE_CHANNELS.protectKey, pkcs8),
  unprotectKey: (blob) => ipcRenderer.invoke(BRIDGE_CHANNELS.unprotectKey, blob),
  convertToPdf: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.convertToPdf, request),
} satisfies YishiBridge;

contextBridge.exposeInMainWorld('yishi', api);
