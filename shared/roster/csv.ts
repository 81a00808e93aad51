/**
 * CSV as Excel reads and writes it (RFC 4180), plus tab-separated text pasted from a sheet.
 * Parsing is lenient: secretaries' files are hand-edited, so a stray quote inside an
 * unquoted field is kept as text rather than rejected.
 */

export type Delimiter = ',' | '\t';

/** Tab when the first record has tabs and no more commas than tabs (copy-paste from Excel), else comma. */
export function detectDelimiter(text: string): Delimiter {
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n' || ch === '\r') {
      if (tabs + commas > 0) break;
    } else if (ch === '\t') tabs++;
    else if (ch === ',') commas++;
  }
  return tabs > 0 && tabs >= commas ? '\t' : ',';
}

/**
 * Records as arrays of fields. An empty line yields [''] so that record numbers stay equal
 * to the row numbers Excel shows, which is what error messages quote back to the user.
 */
export function parseCsv(input: string, delimiter: Delimiter = detectDelimiter(input)): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let recordStart = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' && field === '') {
      const close = readQuoted(text, i + 1);
      field = close.value;
      i = close.next;
      continue;
    }
    if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      recordStart = i + 1;
    } else field += ch;
    i++;
  }
  // A final line break ends the last record; it does not start an empty one.
  if (recordStart < text.length) endRow();
  return rows;
}

/** Reads a quoted field's content starting after the opening quote; "" is a literal quote. */
function readQuoted(text: string, start: number): { value: string; next: number } {
  let value = '';
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, next: i + 1 };
    }
    value += ch;
    i++;
  }
  return { value, next: i }; // unterminated: keep what there is rather than lose the row
}

/** Characters that make a spreadsheet treat a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes an apostrophe so Excel/WPS show the text instead of evaluating it; a leading "-"
 * is rare in roster data (phones never start with it), so the cost to real values is low.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormula, so a roster exported to CSV imports back unchanged. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quoteField(value: string): string {
  return /[",\r\n\t]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text with CRLF line ends; formula-like cells are neutralised unless told otherwise. */
export function writeCsv(rows: readonly (readonly string[])[], options: { neutraliseFormulas?: boolean } = {}): string {
  const neutralise = options.neutraliseFormulas ?? true;
  return rows
    .map((row) => row.map((cell) => quoteField(neutralise ? neutraliseFormula(cell) : cell)).join(','))
    .map((line) => `${line}\r\n`)
    .join('');
}

/** UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the file as GBK. */
export function encodeCsv(rows: readonly (readonly string[])[]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`\ufeff${writeCsv(rows)}`);
}
