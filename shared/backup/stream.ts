import { SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../store/schema';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './document';

/**
 * Writes a backup document piece by piece, so a ten-year database (hundreds of megabytes of
 * JSON) never has to be one string in memory. The result parses to the same document
 * makeBackupDocument gives, with `counts` last: the rows are counted as they are written.
 */

export interface BackupPage {
  table: TableName;
  rows: readonly unknown[];
}

/** Reads one table page after page (by primary key); an empty page ends the table. */
export type ReadPage = (
  table: TableName,
  after: unknown,
  limit: number,
) => Promise<{ rows: unknown[]; lastKey: unknown }>;

/**
 * Rows per page. Most rows are small; a meeting may carry the photo of its paper sign-in sheet
 * (up to several megabytes), so meetings come a few at a time; an evidence file is up to 10 MB.
 */
export const BACKUP_PAGE_ROWS: Partial<Record<TableName, number>> = { meetings: 10, attachments: 2 };
/** Rows per page of the other tables. */
export const BACKUP_PAGE_SIZE = 200;

export interface BackupWriteOptions {
  appVersion: string;
  createdAt: Date;
  /** The schema the rows are in: the current one, or an older database's before its upgrade. */
  schemaVersion?: number;
  pageSize?: number;
  /** Receives the JSON text in pieces of roughly `pieceChars` characters. */
  write(piece: string): Promise<void>;
  pieceChars?: number;
  /** Called between pages and after every `pauseChars` characters, e.g. to let the window paint. */
  pause?: () => Promise<void>;
  pauseChars?: number;
}

export async function writeBackupPieces(
  readPage: ReadPage,
  options: BackupWriteOptions,
): Promise<Record<TableName, number>> {
  const pageSize = options.pageSize ?? BACKUP_PAGE_SIZE;
  const pieceChars = options.pieceChars ?? 1 << 20;
  const pauseChars = options.pauseChars ?? 1 << 18;
  let buffer = '';
  const emit = async (text: string) => {
    buffer += text;
    if (buffer.length >= pieceChars) {
      const piece = buffer;
      buffer = '';
      await options.write(piece);
    }
  };
  const head = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: options.schemaVersion ?? SCHEMA_VERSION,
    appVersion: options.appVersion,
    createdAt: options.createdAt.toISOString(),
  };
  await emit(`${JSON.stringify(head).slice(0, -1)},"tables":{`);
  const counts = {} as Record<TableName, number>;
  for (const [t, table] of TABLE_NAMES.entries()) {
    await emit(`${t > 0 ? ',' : ''}${JSON.stringify(table)}:[`);
    let count = 0;
    let after: unknown = undefined;
    for (;;) {
      const page = await readPage(table, after, Math.min(pageSize, BACKUP_PAGE_ROWS[table] ?? pageSize));
      if (page.rows.length === 0) break;
      let text = '';
      for (const row of page.rows) {
        text += `${count++ > 0 ? ',' : ''}${JSON.stringify(row)}`;
        // Long minutes make some pages large: hand over (and pause) within the page too.
        if (text.length >= pauseChars) {
          await emit(text);
          text = '';
          if (options.pause) await options.pause();
        }
      }
      await emit(text);
      after = page.lastKey;
      if (options.pause) await options.pause();
    }
    counts[table] = count;
    await emit(']');
  }
  buffer += `},"counts":${JSON.stringify(counts)}}`;
  await options.write(buffer);
  return counts;
}
