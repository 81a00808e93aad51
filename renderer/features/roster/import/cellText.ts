/**
 * exceljs cell values as the text a secretary sees in Excel. Kept free of exceljs imports so
 * that loading this module does not pull the library into the initial bundle.
 */

/**
 * Plain digits, never "1.38e+10": phone numbers typed into Excel are often stored as numbers.
 * 15 significant digits is what Excel itself keeps, which also hides float noise (0.1 + 0.2).
 */
const numberFormat = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

export function formatNumber(value: number): string {
  return Number.isFinite(value) ? numberFormat.format(value) : '';
}

/** exceljs turns Excel's zone-less date serials into UTC instants, so read them back in UTC. */
export function formatDate(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const y = value.getUTCFullYear();
  const m = String(value.getUTCMonth() + 1).padStart(2, '0');
  const d = String(value.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Rich text runs, formula results, hyperlinks and errors all reduce to their visible text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  if (!isRecord(value)) return '';
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('text' in value) return cellText(value.text);
  if (typeof value.error === 'string') return value.error;
  return '';
}
