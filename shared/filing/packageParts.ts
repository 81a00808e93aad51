import { fromBase64, toBase64 } from '../signing/bytes';
import { concatBytes } from '../bytes';
import type { FilingPackagePartRow, FilingPackageRow } from './review';

/**
 * A received filing package is stored in parts of a few megabytes (schema 11): its first part in
 * `filingPackages` (with how many parts there are), the rest in `filingPackageParts`, each keyed
 * `<package id>.<NNN>`. A package may hold up to 400 MB of photos and files, but the backup reader
 * takes rows of at most 64 Mi characters (shared/backup/jsonStream.ts MAX_VALUE_CHARS) and a
 * JavaScript string at most ~512 Mi: stored as one base64 row, a package over ~48 MB made every
 * backup of the reviewer's data unrestorable. Rows stored whole before schema 11 are still read
 * (no `parts`); the upgrade to 11 splits those larger than one part.
 */

/** Bytes per part: a multiple of 3, so each part is base64 on its own (8 Mi characters). */
export const PACKAGE_PART_BYTES = 6 * 1024 * 1024;
export const PACKAGE_PART_CHARS = (PACKAGE_PART_BYTES / 3) * 4;
/** 400 MB (ZIP_LIMITS.maxTotalBytes) in parts of 6 MiB, with room to spare. */
export const MAX_PACKAGE_PARTS = 999;

export function partIdOf(packageId: string, index: number): string {
  return `${packageId}.${String(index).padStart(3, '0')}`;
}

export interface StoredPackage {
  head: FilingPackageRow;
  parts: FilingPackagePartRow[];
}

/** The rows that store a package's bytes: one head, and parts when it is larger than one. */
export function packageRows(packageId: string, bytes: Uint8Array, partBytes = PACKAGE_PART_BYTES): StoredPackage {
  const count = Math.max(1, Math.ceil(bytes.length / partBytes));
  const slice = (i: number) => toBase64(bytes.subarray(i * partBytes, (i + 1) * partBytes));
  return rowsOf(packageId, count, slice);
}

/**
 * A row stored whole before schema 11, in parts if it is larger than one. The base64 is cut at
 * multiples of 4 characters, so each part decodes on its own to the same bytes.
 */
export function splitStoredPackage(row: FilingPackageRow, partChars = PACKAGE_PART_CHARS): StoredPackage | null {
  if (row.parts !== undefined || row.base64.length <= partChars) return null;
  const count = Math.ceil(row.base64.length / partChars);
  return rowsOf(row.id, count, (i) => row.base64.slice(i * partChars, (i + 1) * partChars));
}

function rowsOf(packageId: string, count: number, base64Of: (index: number) => string): StoredPackage {
  const head: FilingPackageRow =
    count === 1 ? { id: packageId, base64: base64Of(0) } : { id: packageId, base64: base64Of(0), parts: count };
  const parts: FilingPackagePartRow[] = [];
  for (let i = 1; i < count; i++) parts.push({ id: partIdOf(packageId, i), base64: base64Of(i) });
  return { head, parts };
}

/**
 * The package's bytes, reading its parts one at a time (a 400 MB package never becomes one
 * string), or null when a part is missing or is not canonical base64: the stored copy is damaged.
 */
export async function readPackageBytes(
  head: FilingPackageRow,
  partOf: (id: string) => Promise<FilingPackagePartRow | undefined>,
): Promise<Uint8Array | null> {
  const first = fromBase64(head.base64);
  if (!first) return null;
  const pieces: Uint8Array[] = [first];
  for (let i = 1; i < (head.parts ?? 1); i++) {
    const part = await partOf(partIdOf(head.id, i));
    const bytes = part ? fromBase64(part.base64) : null;
    if (!bytes) return null;
    pieces.push(bytes);
  }
  return pieces.length === 1 ? first : concatBytes(pieces);
}
