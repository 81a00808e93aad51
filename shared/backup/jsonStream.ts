/**
 * Reads a backup's JSON as it arrives in pieces: the top-level fields whole, and the rows of
 * "tables" one at a time, so a ten-year archive (hundreds of megabytes) is never one string or
 * one object in memory. This file finds where each value starts and ends; the value itself goes
 * to JSON.parse, so it means exactly what it would mean in one JSON.parse of the whole file, and
 * anything JSON.parse would refuse is refused here too.
 *
 * The shape it accepts is the backup's: an object whose "tables" field is an object of arrays.
 * A duplicate key is refused (JSON.parse would quietly keep the last).
 */

export type BackupJsonEvent =
  | { kind: 'field'; name: string; value: unknown }
  /** "tables" begins: every field before it has been given. */
  | { kind: 'tables' }
  | { kind: 'table'; name: string }
  | { kind: 'row'; table: string; value: unknown };

export type BackupJsonFault = 'notJson' | 'notABackup' | 'valueTooLarge';

export class BackupJsonError extends Error {
  override name = 'BackupJsonError';
  constructor(readonly fault: BackupJsonFault) {
    super(fault);
  }
}

/** Far above any real row (a meeting with the photo of its paper sheet is a few megabytes). */
export const MAX_VALUE_CHARS = 64 * 1024 * 1024;

type State =
  | 'start'
  | 'topKeyOrEnd'
  | 'topKey'
  | 'topColon'
  | 'topValue'
  | 'topAfter'
  | 'tablesOpen'
  | 'tableKeyOrEnd'
  | 'tableKey'
  | 'tableColon'
  | 'tableOpen'
  | 'rowOrEnd'
  | 'row'
  | 'rowAfter'
  | 'tableAfter'
  | 'done';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Characters that end a number, true, false or null. */
function endsPrimitive(c: number): boolean {
  return isSpace(c) || c === 0x2c || c === 0x5d || c === 0x7d;
}

export class BackupJsonReader {
  private text = '';
  private pos = 0;
  private state: State = 'start';
  /** How far the scan of the value starting at `pos` got, and its nesting there. */
  private scanAt = -1;
  private depth = 0;
  private key = '';
  private table = '';
  private readonly fields = new Set<string>();
  private readonly tables = new Set<string>();
  private events: BackupJsonEvent[] = [];
  private ended = false;
  /**
   * How a row of this table begins after the comma before it (`},{"id":`), learned from its
   * first row; null until then, or when the rows are not objects written without spaces.
   */
  private rowLead: string | null = null;
  /** Rows the scanner still reads one at a time before the next try at many at once. */
  private scanOnly = 0;

  constructor(private readonly maxValueChars = MAX_VALUE_CHARS) {}

  /** Adds the next piece of text; returns what it completed. */
  push(piece: string): BackupJsonEvent[] {
    if (this.pos > 0) {
      if (this.scanAt >= 0) this.scanAt -= this.pos;
      this.text = this.text.slice(this.pos);
      this.pos = 0;
    }
    this.text += piece;
    this.run();
    const events = this.events;
    this.events = [];
    return events;
  }

  /** The text is complete: anything left open makes it not a whole backup. */
  end(): BackupJsonEvent[] {
    this.ended = true;
    this.run();
    this.skipSpace();
    if (this.state !== 'done' || this.pos < this.text.length) throw new BackupJsonError('notJson');
    const events = this.events;
    this.events = [];
    return events;
  }

  private run(): void {
    for (;;) {
      if (this.state === 'done') {
        this.skipSpace();
        if (this.pos < this.text.length) throw new BackupJsonError('notJson');
        return;
      }
      if (!this.step()) return;
    }
  }

  /** One move of the state machine; false when it needs more text. */
  private step(): boolean {
    switch (this.state) {
      case 'start':
        return this.expect(0x7b, 'topKeyOrEnd', 'notJson');
      case 'topKeyOrEnd':
        if (this.peek() === 0x7d) return this.advance('done');
        return this.readKey('topColon');
      case 'topKey':
        return this.readKey('topColon');
      case 'topColon':
        return this.expect(0x3a, this.key === 'tables' ? 'tablesOpen' : 'topValue', 'notJson');
      case 'topValue':
        return this.readValue((value) => this.events.push({ kind: 'field', name: this.key, value }), 'topAfter');
      case 'topAfter':
        return this.either(0x2c, 'topKey', 0x7d, 'done');
      case 'tablesOpen':
        if (!this.expect(0x7b, 'tableKeyOrEnd', 'notABackup')) return false;
        this.events.push({ kind: 'tables' });
        return true;
      case 'tableKeyOrEnd':
        if (this.peek() === 0x7d) return this.advance('topAfter');
        return this.readKey('tableColon');
      case 'tableKey':
        return this.readKey('tableColon');
      case 'tableColon':
        return this.expect(0x3a, 'tableOpen', 'notJson');
      case 'tableOpen':
        if (!this.expect(0x5b, 'rowOrEnd', 'notABackup')) return false;
        this.events.push({ kind: 'table', name: this.table });
        this.rowLead = null;
        this.scanOnly = 0;
        return true;
      case 'rowOrEnd':
        if (this.peek() === 0x5d) return this.advance('tableAfter');
        return this.readRows();
      case 'row':
        return this.readRows();
      case 'rowAfter':
        return this.either(0x2c, 'row', 0x5d, 'tableAfter');
      case 'tableAfter':
        return this.either(0x2c, 'tableKey', 0x7d, 'topAfter');
      case 'done':
        return false;
    }
  }

  private readRows(): boolean {
    if (this.scanAt < 0 && this.readManyRows()) return true;
    const first = this.rowLead === null ? this.pos : -1;
    if (!this.readValue((value) => this.events.push({ kind: 'row', table: this.table, value }), 'rowAfter'))
      return false;
    if (this.scanOnly > 0) this.scanOnly--;
    if (first >= 0) this.rowLead = leadOf(this.text, first);
    return true;
  }

  /**
   * Every complete row in the text so far, parsed by one JSON.parse rather than scanned and
   * parsed one by one (most of a ten-year restore's reading time). The cut is the last place a
   * row begins as the table's first row began (`},{"id":`): where that text lies inside a string
   * or a nested object instead, what precedes it is not a list of whole values and JSON.parse
   * refuses it; the scanner then reads the next rows one at a time. So what this returns is
   * always what the scanner would have.
   */
  private readManyRows(): boolean {
    if (this.rowLead === null || this.scanOnly > 0) return false;
    const cut = this.text.lastIndexOf(this.rowLead);
    if (cut < this.pos) return false;
    let rows: unknown[];
    try {
      rows = JSON.parse(`[${this.text.slice(this.pos, cut + 1)}]`) as unknown[];
    } catch {
      this.scanOnly = ROWS_BETWEEN_TRIES;
      return false;
    }
    for (const value of rows) this.events.push({ kind: 'row', table: this.table, value });
    this.pos = cut + 1;
    this.state = 'rowAfter';
    return true;
  }

  /** The next non-space character, or -1 when the text so far ends first. */
  private peek(): number {
    this.skipSpace();
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private advance(next: State): boolean {
    this.pos++;
    this.state = next;
    return true;
  }

  private expect(char: number, next: State, fault: BackupJsonFault): boolean {
    const c = this.peek();
    if (c === -1) return false;
    if (c !== char) throw new BackupJsonError(fault);
    return this.advance(next);
  }

  private either(a: number, nextA: State, b: number, nextB: State): boolean {
    const c = this.peek();
    if (c === -1) return false;
    if (c === a) return this.advance(nextA);
    if (c === b) return this.advance(nextB);
    throw new BackupJsonError('notJson');
  }

  private readKey(next: State): boolean {
    const c = this.peek();
    if (c === -1) return false;
    if (c !== QUOTE) throw new BackupJsonError('notJson');
    return this.readValue((value) => {
      const key = value as string;
      const inTables = this.state === 'tableKey' || this.state === 'tableKeyOrEnd';
      const seen = inTables ? this.tables : this.fields;
      if (seen.has(key)) throw new BackupJsonError('notABackup');
      seen.add(key);
      if (inTables) this.table = key;
      else this.key = key;
    }, next);
  }

  /** Scans one whole value from `pos`, parses it and hands it on; false when it is not all here. */
  private readValue(take: (value: unknown) => void, next: State): boolean {
    if (this.scanAt < 0) {
      if (this.peek() === -1) return false;
      this.scanAt = this.pos;
      this.depth = 0;
    }
    const end = this.scanValue();
    if (end < 0) {
      if (this.text.length - this.pos > this.maxValueChars) throw new BackupJsonError('valueTooLarge');
      return false;
    }
    let value: unknown;
    try {
      value = JSON.parse(this.text.slice(this.pos, end));
    } catch {
      throw new BackupJsonError('notJson');
    }
    this.pos = end;
    this.scanAt = -1;
    take(value);
    this.state = next;
    return true;
  }

  /** Where the value starting at `pos` ends, or -1 (scanning resumes there with more text). */
  private scanValue(): number {
    const text = this.text;
    let i = this.scanAt;
    const first = text.charCodeAt(this.pos);
    if (first !== 0x7b && first !== 0x5b && first !== QUOTE) {
      // A number, true, false or null: it ends at the first delimiter (or at the end of the text).
      while (i < text.length && !endsPrimitive(text.charCodeAt(i))) i++;
      this.scanAt = i;
      return i < text.length || this.ended ? i : -1;
    }
    let depth = this.depth;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const close = closingQuote(text, i + 1);
        if (close < 0) break;
        i = close + 1;
        if (depth === 0) return i;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth <= 0) return i + 1;
      }
      i++;
    }
    this.scanAt = i;
    this.depth = depth;
    return -1;
  }
}

/** After a try at many rows failed, the scanner reads this many before the next try. */
const ROWS_BETWEEN_TRIES = 64;

/** `},{"key":` for a row written as `{"key":…` without spaces; null for any other row. */
function leadOf(text: string, start: number): string | null {
  if (text.charCodeAt(start) !== 0x7b || text.charCodeAt(start + 1) !== QUOTE) return null;
  const close = closingQuote(text, start + 2);
  if (close < 0 || close - start > 64 || text.charCodeAt(close + 1) !== 0x3a) return null;
  return `},${text.slice(start, close + 2)}`;
}

/** The index of the quote that closes a string whose content starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  let at = from;
  for (;;) {
    const q = text.indexOf('"', at);
    if (q < 0) return -1;
    let slashes = 0;
    for (let j = q - 1; j >= from && text.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return q;
    at = q + 1;
  }
}
