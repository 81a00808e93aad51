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
 * (up to several megabytes), so meetings come a few at a time; an evidence file is up to 10 MB,
 * a part of a filing package received for review 8 Mi characters. The minutes stay at 200 a page: each page
 * is a read transaction the minutes' autosave waits behind.
 */
export const BACKUP_PAGE_ROWS: Partial<Record<TableName, number>> = {
  meetings: 10,
  attachments: 2,
  filingPackages: 1,
  filingPackageParts: 2,
  minutes: 200,
};
/**
 * Rows per page of the other tables, at most: a few thousand small rows are under a megabyte,
 * and each page costs a round trip to the database (立即备份 at x1, probe, session 35: 17.5 s
 * at 200 a page, 14.0 s at 1,000, 13.0 s at 2,500). A table whose rows turn out large gets
 * smaller pages (PAGE_CHARS).
 */
export const BACKUP_PAGE_SIZE = 2500;
/** Each table's first page, before its rows' size is known. */
export const FIRST_PAGE_ROWS = 200;
/**
 * JSON characters a page should come to: a page over twice this has the table's next pages cut
 * to fit it; one under a quarter of it lets them grow again, up to the table's size.
 */
export const PAGE_CHARS = 4 * 1024 * 1024;

/** The next page's size, from what the last one came to. */
export function nextPageRows(rows: number, chars: number, most: number): number {
  if (chars > 2 * PAGE_CHARS) return Math.max(1, Math.floor((rows * PAGE_CHARS) / chars));
  if (chars < PAGE_CHARS / 4) return Math.min(most, rows * 2);
  return rows;
}

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
    const most = Math.min(pageSize, BACKUP_PAGE_ROWS[table] ?? pageSize);
    let limit = Math.min(most, FIRST_PAGE_ROWS);
    for (;;) {
      const page = await readPage(table, after, limit);
      if (page.rows.length === 0) break;
      let text = '';
      let pageChars = 0;
      for (const row of page.rows) {
        text += `${count++ > 0 ? ',' : ''}${JSON.stringify(row)}`;
        // Long minutes make some pages large: hand over (and pause) within the page too.
        if (text.length >= pauseChars) {
          pageChars += text.length;
          await emit(text);
          text = '';
          if (options.pause) await options.pause();
        }
      }
      pageChars += text.length;
      await emit(text);
      after = page.lastKey;
      limit = nextPageRows(limit, pageChars, most);
      if (options.pause) await options.pause();
    }
    counts[table] = count;
    await emit(']');
  }
  buffer += `},"counts":${JSON.stringify(counts)}}`;
  await options.write(buffer);
  return counts;
}
