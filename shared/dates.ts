/**
 * Dates as Chinese official documents write them: 2026年11月10日, no zero padding.
 * Inputs are ISO strings; a date-only string is read as that calendar day (no time-zone shift).
 */
function parts(iso: string): { y: number; m: number; d: number; hh: number; mm: number } | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) {
    return { y: Number(dateOnly[1]), m: Number(dateOnly[2]), d: Number(dateOnly[3]), hh: 0, mm: 0 };
  }
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return null;
  return { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate(), hh: t.getHours(), mm: t.getMinutes() };
}

export function formatChineseDate(iso: string): string {
  const p = parts(iso);
  return p ? `${p.y}年${p.m}月${p.d}日` : '';
}

export function formatChineseDateTime(iso: string): string {
  const p = parts(iso);
  return p ? `${p.y}年${p.m}月${p.d}日 ${String(p.hh).padStart(2, '0')}:${String(p.mm).padStart(2, '0')}` : '';
}

/** The local calendar day of a moment, as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** `Date.toISOString()`'s one format: the only one the app writes itself. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Orders two timestamps in time. Two in `Date.toISOString()`'s format compare by their
 * characters, which is time order and exactly what `localeCompare` gave for them; anything else
 * (an offset, other decimals, a hand-edited meeting file) still goes through `localeCompare`, so
 * the order a signed meeting's fingerprint was computed in never changes. Why not always
 * `localeCompare`: in a Chinese locale its first call loads the Chinese collation tables (10 ms
 * and more on opening a past meeting), and collation is for words, not times.
 */
export function compareIsoTimes(a: string, b: string): number {
  if (CANONICAL_ISO.test(a) && CANONICAL_ISO.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
