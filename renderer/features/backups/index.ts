import './messages';
/** The backups feature as other features see it. */
export { useRestore } from './useRestore';
export { formatBytes } from './formatBytes';
