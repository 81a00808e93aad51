import type { OrgUnit } from '../domain/org';
import { duplicateKey, isValidPhone, normalizePhone, personSchema, type Person } from '../domain/person';
import { pinyinInitials } from '../pinyin';
import { restoreFormula } from './csv';
import { cleanCell, isUnsafeText, matchHeader, parseFlag, parseGender, parseRoles, type RosterField } from './headers';
import { createOrgMatcher, type OrgMatcher } from './orgMatch';
import { DUPLICATE_CODES, type RowProblem, type TableProblem } from './problems';

/** What a row becomes before it gets an id and timestamps. */
export type PersonDraft = Omit<Person, 'id' | 'initials' | 'createdAt' | 'updatedAt'>;

export type Verdict = 'ok' | 'error' | 'duplicate';

export interface RowVerdict {
  /** 1-based row number as the spreadsheet shows it, for messages like 第12行. */
  row: number;
  person: PersonDraft;
  verdict: Verdict;
  /** Empty exactly when the verdict is 'ok'. */
  reasons: RowProblem[];
  /** The cleaned text read for each recognised field, for a preview table. */
  cells: Partial<Record<RosterField, string>>;
}

export interface ImportColumn {
  /** 0-based column index in the table. */
  index: number;
  header: string;
  field: RosterField | null;
}

export interface ImportResult {
  /** Any of these means nothing can be imported from the table. */
  fileProblems: TableProblem[];
  /** 1-based row number of the header row, or null when none was found. */
  headerRow: number | null;
  columns: ImportColumn[];
  rows: RowVerdict[];
}

export interface ImportContext {
  roster: ReadonlyArray<{ name: string; phone?: string | undefined }>;
  orgUnits: readonly OrgUnit[];
}

export const IMPORT_LIMITS = {
  maxRows: 10_000,
  maxCellChars: 200,
  /** 备注 may be as long as a stored note, so exported rosters import back whole. */
  maxNoteChars: 500,
  /** Sheets often start with a title line such as "胜兴社区议事成员名单" above the header. */
  headerSearchRows: 20,
  maxNameChars: 30,
  maxUnitChars: 60,
  /** Values quoted back in messages are shortened so one bad cell cannot flood the screen. */
  maxQuotedChars: 40,
} as const;

type Table = ReadonlyArray<ReadonlyArray<string>>;

function clip(value: string): string {
  const chars = [...value];
  return chars.length > IMPORT_LIMITS.maxQuotedChars
    ? `${chars.slice(0, IMPORT_LIMITS.maxQuotedChars).join('')}…`
    : value;
}

function cellAt(table: Table, row: number, col: number): string {
  return restoreFormula(cleanCell(table[row]?.[col]));
}

function findHeaderRow(table: Table): number | null {
  const limit = Math.min(table.length, IMPORT_LIMITS.headerSearchRows);
  for (let r = 0; r < limit; r++) {
    if ((table[r] ?? []).some((cell) => matchHeader(cleanCell(cell)) === 'name')) return r;
  }
  return null;
}

/** Reads one field of a row: the first non-blank cell among the columns mapped to it. */
interface FieldReader {
  (field: RosterField): { value: string; column: string } | null;
}

function makeReader(table: Table, rowIndex: number, columns: readonly ImportColumn[]): FieldReader {
  return (field) => {
    for (const col of columns) {
      if (col.field !== field) continue;
      const value = cellAt(table, rowIndex, col.index);
      if (value !== '') return { value, column: col.header };
    }
    return null;
  };
}

/** Field values that passed the length and markup checks every column gets. */
type Accepted = Partial<Record<RosterField, { value: string; column: string }>>;

function acceptCells(read: FieldReader, fields: readonly RosterField[], reasons: RowProblem[]): Accepted {
  const accepted: Accepted = {};
  for (const field of fields) {
    const cell = read(field);
    if (!cell) continue;
    const max = field === 'note' ? IMPORT_LIMITS.maxNoteChars : IMPORT_LIMITS.maxCellChars;
    if (cell.value.length > max) reasons.push({ code: 'cellTooLong', column: cell.column, max });
    else if (isUnsafeText(cell.value)) reasons.push({ code: 'unsafeText', column: cell.column });
    else accepted[field] = cell;
  }
  return accepted;
}

/** `hadCell`: a name was there but failed the common checks, which were reported already. */
function parseName(cells: Accepted, hadCell: boolean, reasons: RowProblem[]): string {
  const name = cells.name?.value ?? '';
  if (name === '') {
    if (!hadCell) reasons.push({ code: 'nameMissing' });
  } else if (name.length > IMPORT_LIMITS.maxNameChars)
    reasons.push({ code: 'nameTooLong', max: IMPORT_LIMITS.maxNameChars });
  else if (/[<>{}\\]/.test(name)) reasons.push({ code: 'nameInvalidChars', value: clip(name) });
  return name;
}

function parseOrg(cells: Accepted, orgs: OrgMatcher, reasons: RowProblem[]): string | undefined {
  const parts = (['org', 'compound', 'grid'] as const).map((f) => cells[f]?.value ?? '').filter((v) => v !== '');
  if (parts.length === 0) return undefined;
  const prefer = cells.compound && !cells.grid && !cells.org ? 'compound' : 'grid';
  const match = orgs.resolve(parts.flatMap(orgs.segments), prefer);
  if (match.ok) return match.id;
  const value = clip(parts.join('/'));
  reasons.push(
    match.reason === 'ambiguous'
      ? { code: 'ambiguousOrgUnit', value, count: match.count }
      : { code: 'unknownOrgUnit', value },
  );
  return undefined;
}

const FLAG_FIELDS = ['isGridWorker', 'isMediator', 'isPartyMember'] as const;

function parseFlagsAndRoles(
  cells: Accepted,
  reasons: RowProblem[],
): Pick<PersonDraft, 'roles' | (typeof FLAG_FIELDS)[number]> {
  const parsed = parseRoles(cells.roles?.value ?? '');
  for (const value of parsed.unknown) reasons.push({ code: 'unknownRole', value: clip(value) });
  const flags = { isGridWorker: false, isMediator: false, isPartyMember: false };
  for (const field of FLAG_FIELDS) {
    const cell = cells[field];
    const flag = parseFlag(cell?.value ?? '');
    if (flag === null && cell) reasons.push({ code: 'flagInvalid', column: cell.column, value: clip(cell.value) });
    flags[field] = flag === true || parsed.flags.includes(field);
  }
  return { roles: parsed.roles, ...flags };
}

interface ParsedRow {
  person: PersonDraft;
  reasons: RowProblem[];
  cells: RowVerdict['cells'];
  /** duplicateKey, or null when the name or phone was unreadable and a match would mislead. */
  identity: string | null;
}

function parseRow(read: FieldReader, fields: readonly RosterField[], orgs: OrgMatcher): ParsedRow {
  const reasons: RowProblem[] = [];
  const cells = acceptCells(read, fields, reasons);
  const person: PersonDraft = {
    name: parseName(cells, read('name') !== null, reasons),
    ...parseFlagsAndRoles(cells, reasons),
  };

  const gender = parseGender(cells.gender?.value ?? '');
  if (gender === null) reasons.push({ code: 'genderInvalid', value: clip(cells.gender?.value ?? '') });
  else if (gender) person.gender = gender;

  const rawPhone = cells.phone?.value;
  if (rawPhone !== undefined) {
    const phone = normalizePhone(rawPhone.normalize('NFKC'));
    if (isValidPhone(phone)) person.phone = phone;
    else reasons.push({ code: 'phoneInvalid', value: clip(rawPhone) });
  }

  const unit = cells.unit?.value;
  if (unit !== undefined && unit.length > IMPORT_LIMITS.maxUnitChars)
    reasons.push({ code: 'unitTooLong', max: IMPORT_LIMITS.maxUnitChars });
  else if (unit !== undefined) person.unit = unit;

  const orgUnitId = parseOrg(cells, orgs, reasons);
  if (orgUnitId) person.orgUnitId = orgUnitId;
  if (cells.note) person.note = cells.note.value;

  const texts: RowVerdict['cells'] = {};
  for (const field of fields) {
    const cell = read(field);
    if (cell) texts[field] = cell.value;
  }
  const nameOk = person.name !== '' && !reasons.some((r) => r.code.startsWith('name'));
  const phoneOk = read('phone') === null || person.phone !== undefined;
  return { person, reasons, cells: texts, identity: nameOk && phoneOk ? duplicateKey(person) : null };
}

/** Marks later rows that repeat an earlier row, or someone already on the roster. */
function markDuplicates(
  rows: ReadonlyArray<RowVerdict & { identity: string | null }>,
  roster: ImportContext['roster'],
): void {
  const known = new Set(roster.map((p) => duplicateKey(p)));
  const firstRowByKey = new Map<string, number>();
  for (const row of rows) {
    const key = row.identity;
    if (key === null) continue;
    const firstRow = firstRowByKey.get(key);
    if (firstRow !== undefined) row.reasons.push({ code: 'duplicateInFile', firstRow });
    else firstRowByKey.set(key, row.row);
    if (known.has(key)) row.reasons.push({ code: 'duplicateInRoster' });
  }
}

function verdictOf(reasons: readonly RowProblem[]): Verdict {
  if (reasons.length === 0) return 'ok';
  return reasons.every((r) => DUPLICATE_CODES.has(r.code)) ? 'duplicate' : 'error';
}

function blankResult(
  problem: TableProblem,
  headerRow: number | null = null,
  columns: ImportColumn[] = [],
): ImportResult {
  return { fileProblems: [problem], headerRow, columns, rows: [] };
}

/**
 * Checks a roster table read from Excel/CSV: finds the header row, reads each person and says
 * whether the row can be imported, and why not. Never throws on odd input.
 */
export function importRosterRows(table: Table, context: ImportContext): ImportResult {
  if (!table.some((row) => row.some((cell) => cleanCell(cell) !== ''))) return blankResult({ code: 'emptyFile' });
  const headerIndex = findHeaderRow(table);
  if (headerIndex === null) return blankResult({ code: 'nameHeaderMissing' });

  const columns: ImportColumn[] = (table[headerIndex] ?? []).map((cell, index) => {
    const header = cleanCell(cell);
    return { index, header, field: matchHeader(header) };
  });
  const fields = [...new Set(columns.flatMap((c) => (c.field ? [c.field] : [])))];
  const mapped = columns.filter((c) => c.field !== null);
  // Rows where only unrecognised columns (such as a pre-filled 序号) have text count as blank.
  const dataRows: number[] = [];
  for (let r = headerIndex + 1; r < table.length; r++) {
    if (mapped.some((c) => cellAt(table, r, c.index) !== '')) dataRows.push(r);
  }
  const headerRow = headerIndex + 1;
  if (dataRows.length === 0) return blankResult({ code: 'noDataRows' }, headerRow, columns);
  if (dataRows.length > IMPORT_LIMITS.maxRows) {
    return blankResult({ code: 'tooManyRows', max: IMPORT_LIMITS.maxRows, count: dataRows.length }, headerRow, columns);
  }

  const orgs = createOrgMatcher(context.orgUnits);
  const parsed = dataRows.map((r) => ({
    row: r + 1,
    verdict: 'ok' as Verdict,
    ...parseRow(makeReader(table, r, columns), fields, orgs),
  }));
  markDuplicates(parsed, context.roster);
  const rows = parsed.map(({ identity: _identity, ...row }): RowVerdict => ({
    ...row,
    verdict: verdictOf(row.reasons),
  }));
  return { fileProblems: [], headerRow, columns, rows };
}

/**
 * Complete Person records for the rows marked 'ok'. Parsing again with personSchema is the last
 * gate before the database; it throws only if the importer and the schema disagree (a bug).
 */
export function toPeople(verdicts: readonly RowVerdict[], now: string, newId: () => string): Person[] {
  return verdicts
    .filter((v) => v.verdict === 'ok')
    .map((v) =>
      personSchema.parse({
        ...v.person,
        id: newId(),
        initials: pinyinInitials(v.person.name),
        createdAt: now,
        updatedAt: now,
      }),
    );
}
