import { compareDates, readSheetDate, type CalendarDate } from '../dates';
import type { Matter, MatterPath, MatterUrgency, Raiser } from '../domain/matter';
import { raiserName } from '../domain/matter';
import type { OrgUnit } from '../domain/org';
import { isValidPhone, normalizePhone } from '../domain/person';
import { restoreFormula } from '../roster/csv';
import { cleanCell, isUnsafeText } from '../roster/headers';
import { createOrgMatcher, type OrgMatcher } from '../roster/orgMatch';
import { matchMatterHeader, type MatterField } from './importHeaders';
import { hasBadCharacters } from '../validation/characters';
import { MATTER_DUPLICATE_CODES, type MatterRowProblem, type MatterTableProblem } from './importProblems';

/** What a row becomes before it gets an id, timestamps and a timeline. */
export type ImportedMatter = Pick<
  Matter,
  'orgUnitId' | 'raisedBy' | 'channel' | 'raisedAt' | 'category' | 'title' | 'urgency' | 'path'
> &
  Partial<Pick<Matter, 'address' | 'description' | 'escalationReason'>>;

export type MatterVerdict = 'ok' | 'error' | 'duplicate';

export interface MatterRowVerdict {
  /** 1-based row number as the spreadsheet shows it (第12行). */
  row: number;
  verdict: MatterVerdict;
  /** Present exactly when the verdict is 'ok'. */
  matter?: ImportedMatter;
  reasons: MatterRowProblem[];
  /** The cleaned text read for each recognised field, for the preview table. */
  cells: Partial<Record<MatterField, string>>;
}

export interface MatterImportResult {
  tableProblem: MatterTableProblem | null;
  rows: MatterRowVerdict[];
}

export interface MatterImportContext {
  orgUnits: readonly OrgUnit[];
  categories: readonly string[];
  channels: readonly string[];
  /** Roster people: a raiser whose name (and phone, when given) matches exactly one is linked. */
  roster: ReadonlyArray<{ id: string; name: string; phone?: string | undefined }>;
  /** matterIdentity of matters already stored (on the dates the file names). */
  storedKeys: ReadonlySet<string>;
  today: CalendarDate;
}

export const MATTER_IMPORT_LIMITS = {
  maxRows: 10_000,
  headerSearchRows: 20,
  /** Values quoted back in messages are shortened so one bad cell cannot flood the screen. */
  maxQuoted: 40,
} as const;

/** The longest text each field may hold: matterSchema's limits, so a row that passes also stores. */
const MAX_CHARS: Record<MatterField, number> = {
  raisedAt: 30,
  raiser: 60,
  phone: 30,
  org: 120,
  community: 60,
  compound: 60,
  grid: 60,
  address: 200,
  category: 20,
  title: 100,
  description: 5000,
  channel: 30,
  urgency: 10,
  path: 10,
};

/** Columns whose absence makes every row fail the same way: said once, for the whole table. */
const REQUIRED_COLUMNS: ReadonlyArray<readonly [ReadonlyArray<MatterField>, string]> = [
  [['raisedAt'], '提出日期'],
  [['org', 'community', 'compound', 'grid'], '所属社区/小区/网格'],
  [['category'], '类别'],
];

const URGENCY_WORDS: Record<string, MatterUrgency> = {
  一般: 'normal',
  普通: 'normal',
  正常: 'normal',
  不急: 'normal',
  紧急: 'urgent',
  急: 'urgent',
  较急: 'urgent',
  特急: 'critical',
  非常紧急: 'critical',
  特别紧急: 'critical',
  加急: 'critical',
};

const PATH_WORDS: Record<string, MatterPath> = {
  未分流: 'untriaged',
  即办件: 'immediate',
  即办: 'immediate',
  待办件: 'pending',
  待办: 'pending',
  上报件: 'escalate',
  上报: 'escalate',
};

type Table = ReadonlyArray<ReadonlyArray<string>>;
type Cells = Partial<Record<MatterField, { value: string; column: string }>>;

function clip(value: string): string {
  const chars = [...value];
  return chars.length > MATTER_IMPORT_LIMITS.maxQuoted
    ? `${chars.slice(0, MATTER_IMPORT_LIMITS.maxQuoted).join('')}…`
    : value;
}

function cellAt(table: Table, row: number, col: number): string {
  return restoreFormula(cleanCell(table[row]?.[col]));
}

// One rule for text from files, shared with meeting files.
export { hasBadCharacters };

/** Two rows are the same matter when raiser, title and date agree (the common paper-register repeat). */
export function matterIdentity(m: { raisedBy: Raiser; title: string; raisedAt: string }): string {
  return `${raiserName(m.raisedBy).trim()}|${m.title.trim()}|${m.raisedAt}`;
}

interface Column {
  index: number;
  header: string;
  field: MatterField | null;
}

function readCells(table: Table, r: number, columns: readonly Column[], reasons: MatterRowProblem[]): Cells {
  const cells: Cells = {};
  for (const col of columns) {
    if (!col.field || cells[col.field]) continue;
    const value = cellAt(table, r, col.index);
    if (value === '') continue;
    const max = MAX_CHARS[col.field];
    if ([...value].length > max) reasons.push({ code: 'cellTooLong', column: col.header, max });
    else if (hasBadCharacters(value)) reasons.push({ code: 'badCharacters', column: col.header });
    else if (isUnsafeText(value)) reasons.push({ code: 'unsafeText', column: col.header });
    else cells[col.field] = { value, column: col.header };
  }
  return cells;
}

function parseDate(cells: Cells, today: CalendarDate, reasons: MatterRowProblem[]): CalendarDate | null {
  const text = cells.raisedAt?.value;
  if (text === undefined) return (reasons.push({ code: 'dateMissing' }), null);
  const date = readSheetDate(text);
  if (!date) return (reasons.push({ code: 'dateInvalid', value: clip(text) }), null);
  if (compareDates(date, today) > 0) return (reasons.push({ code: 'dateInFuture', value: clip(text) }), null);
  return date;
}

function parseOrg(cells: Cells, orgs: OrgMatcher, reasons: MatterRowProblem[]): string | null {
  const parts = (['community', 'org', 'compound', 'grid'] as const)
    .map((f) => cells[f]?.value ?? '')
    .filter((v) => v !== '');
  if (parts.length === 0) return (reasons.push({ code: 'orgMissing' }), null);
  const segments = parts.flatMap(orgs.segments);
  const match = orgs.resolve(segments, cells.grid ? 'grid' : 'compound');
  if (match.ok) return match.id;
  const value = clip(parts.join('/'));
  reasons.push(
    match.reason === 'ambiguous'
      ? { code: 'ambiguousOrgUnit', value, count: match.count }
      : { code: 'unknownOrgUnit', value },
  );
  return null;
}

/** A value that must be one of an editable list; blank takes `fallback` when the list has it. */
function fromList(
  cell: { value: string } | undefined,
  list: readonly string[],
  fallback: string | null,
): { ok: true; value: string } | { ok: false; value: string } {
  const value = cell?.value.normalize('NFKC').trim() ?? '';
  if (value === '')
    return fallback !== null && list.includes(fallback) ? { ok: true, value: fallback } : { ok: false, value };
  return list.includes(value) ? { ok: true, value } : { ok: false, value };
}

function parseRaiser(cells: Cells, context: MatterImportContext, reasons: MatterRowProblem[]): Raiser {
  const name = cells.raiser?.value ?? '';
  const rawPhone = cells.phone?.value;
  let phone: string | undefined;
  if (rawPhone !== undefined) {
    const normal = normalizePhone(rawPhone.normalize('NFKC'));
    if (isValidPhone(normal)) phone = normal;
    else reasons.push({ code: 'phoneInvalid', value: clip(rawPhone) });
  }
  if (name === '' || name === '匿名') return { kind: 'anonymous' };
  const same = context.roster.filter(
    (p) =>
      p.name.trim() === name && (phone === undefined || (p.phone !== undefined && normalizePhone(p.phone) === phone)),
  );
  if (same.length === 1) return { kind: 'resident', personId: same[0]!.id, name };
  return phone ? { kind: 'oneOff', name, phone } : { kind: 'oneOff', name };
}

function parseRow(cells: Cells, reasons: MatterRowProblem[], orgs: OrgMatcher, context: MatterImportContext) {
  const title = cells.title?.value ?? '';
  if (title === '') reasons.push({ code: 'titleMissing' });
  const raisedAt = parseDate(cells, context.today, reasons);
  const orgUnitId = parseOrg(cells, orgs, reasons);
  const category = fromList(cells.category, context.categories, null);
  if (!category.ok)
    reasons.push(
      category.value === '' ? { code: 'categoryMissing' } : { code: 'unknownCategory', value: clip(category.value) },
    );
  const channel = fromList(cells.channel, context.channels, '其他');
  if (!channel.ok) reasons.push({ code: 'unknownChannel', value: clip(channel.value || '（空）') });
  const urgencyText = cells.urgency?.value.replace(/\s/g, '') ?? '';
  const urgency =
    urgencyText === '' ? 'normal' : Object.hasOwn(URGENCY_WORDS, urgencyText) ? URGENCY_WORDS[urgencyText] : undefined;
  if (!urgency) reasons.push({ code: 'urgencyInvalid', value: clip(urgencyText) });
  const pathText = cells.path?.value.replace(/\s/g, '') ?? '';
  const path = pathText === '' ? 'untriaged' : Object.hasOwn(PATH_WORDS, pathText) ? PATH_WORDS[pathText] : undefined;
  if (!path) reasons.push({ code: 'pathInvalid', value: clip(pathText) });
  const raisedBy = parseRaiser(cells, context, reasons);
  if (!raisedAt || !orgUnitId || !category.ok || !channel.ok || !urgency || !path || title === '') return null;
  const matter: ImportedMatter = {
    orgUnitId,
    raisedBy,
    channel: channel.value,
    raisedAt,
    category: category.value,
    title,
    urgency,
    path,
    ...(cells.address && { address: cells.address.value }),
    ...(cells.description && { description: cells.description.value }),
    // An 上报件 carries its reason; the register it came from did not say one.
    ...(path === 'escalate' && { escalationReason: '导入的登记表中标为上报件' }),
  };
  return matter;
}

function findHeader(table: Table): number | null {
  const limit = Math.min(table.length, MATTER_IMPORT_LIMITS.headerSearchRows);
  for (let r = 0; r < limit; r++) if ((table[r] ?? []).some((c) => matchMatterHeader(c) === 'title')) return r;
  return null;
}

/**
 * Checks a matters register read from Excel/CSV: finds the header row, reads each matter and
 * says whether the row can be imported, and why not. Never throws on odd input.
 */
export function importMatterRows(table: Table, context: MatterImportContext): MatterImportResult {
  const fail = (tableProblem: MatterTableProblem): MatterImportResult => ({ tableProblem, rows: [] });
  if (!table.some((row) => row.some((c) => cleanCell(c) !== ''))) return fail({ code: 'emptyFile' });
  const headerIndex = findHeader(table);
  if (headerIndex === null) return fail({ code: 'titleHeaderMissing' });
  const columns: Column[] = Array.from(table[headerIndex] ?? [], (cell, index) => ({
    index,
    header: cleanCell(cell),
    field: matchMatterHeader(cell ?? ''),
  }));
  const present = new Set(columns.flatMap((c) => (c.field ? [c.field] : [])));
  const missing = REQUIRED_COLUMNS.filter(([fields]) => !fields.some((f) => present.has(f))).map(([, name]) => name);
  if (missing.length > 0) return fail({ code: 'columnsMissing', columns: missing.join('、') });
  const mapped = columns.filter((c) => c.field !== null);
  // Rows where only unrecognised columns (a pre-filled 序号) have text count as blank.
  const dataRows: number[] = [];
  for (let r = headerIndex + 1; r < table.length; r++)
    if (mapped.some((c) => cellAt(table, r, c.index) !== '')) dataRows.push(r);
  if (dataRows.length === 0) return fail({ code: 'noDataRows' });
  if (dataRows.length > MATTER_IMPORT_LIMITS.maxRows)
    return fail({ code: 'tooManyRows', max: MATTER_IMPORT_LIMITS.maxRows, count: dataRows.length });

  const orgs = createOrgMatcher(context.orgUnits);
  const firstRowByKey = new Map<string, number>();
  const rows = dataRows.map((r): MatterRowVerdict => {
    const reasons: MatterRowProblem[] = [];
    const cells = readCells(table, r, columns, reasons);
    const matter = parseRow(cells, reasons, orgs, context);
    const texts = Object.fromEntries(Object.entries(cells).map(([f, c]) => [f, c.value]));
    if (matter) {
      const key = matterIdentity(matter);
      const first = firstRowByKey.get(key);
      if (first !== undefined) reasons.push({ code: 'duplicateInFile', firstRow: first });
      else firstRowByKey.set(key, r + 1);
      if (context.storedKeys.has(key)) reasons.push({ code: 'duplicateStored' });
    }
    const verdict: MatterVerdict =
      reasons.length === 0 ? 'ok' : reasons.every((p) => MATTER_DUPLICATE_CODES.has(p.code)) ? 'duplicate' : 'error';
    return { row: r + 1, verdict, reasons, cells: texts, ...(verdict === 'ok' && matter && { matter }) };
  });
  return { tableProblem: null, rows };
}

/** The dates a table's rows name, so the caller can look up stored matters on just those days. */
export function datesNamed(table: Table): CalendarDate[] {
  const headerIndex = findHeader(table);
  if (headerIndex === null) return [];
  const col = (table[headerIndex] ?? []).findIndex((c) => matchMatterHeader(c ?? '') === 'raisedAt');
  if (col < 0) return [];
  const dates = new Set<CalendarDate>();
  for (let r = headerIndex + 1; r < table.length; r++) {
    const date = readSheetDate(cellAt(table, r, col));
    if (date) dates.add(date);
  }
  return [...dates];
}
