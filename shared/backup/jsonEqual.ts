/**
 * Whether two values would be the same JSON once key order is set aside: what a restore asks
 * of a stored row and the backup's (tableMerge.ts). A row checked by its zod schema comes back
 * with its keys in the schema's order, not the file's, so equal rows may stringify differently.
 * As in JSON, a property whose value is undefined counts as absent.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    // JSON writes an undefined element as null.
    return a.every((value, i) => jsonEqual(value ?? null, other[i] ?? null));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(right, k) && jsonEqual(left[k], right[k]));
}
