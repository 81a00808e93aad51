import { describe, expect, it } from 'vitest';
import { MAX_VALUE_CHARS } from '../backup/jsonStream';
import { toBase64 } from '../signing/bytes';
import {
  MAX_PACKAGE_PARTS,
  PACKAGE_PART_BYTES,
  PACKAGE_PART_CHARS,
  packageRows,
  partIdOf,
  readPackageBytes,
  splitStoredPackage,
  type StoredPackage,
} from './packageParts';
import { filingPackagePartRowSchema, filingPackageRowSchema, type FilingPackagePartRow } from './review';
import { ZIP_LIMITS } from './zip';

const ID = 'c'.repeat(64);

function bytesOf(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7919 + (i >> 8)) & 0xff;
  return bytes;
}

const lookup = (stored: StoredPackage) => {
  const parts = new Map(stored.parts.map((p) => [p.id, p]));
  return (id: string) => Promise.resolve(parts.get(id));
};

describe('filing packages stored in parts', () => {
  it('a part is well under the largest row a backup can be read back with, and 400 MB fits the part count', () => {
    expect(PACKAGE_PART_BYTES % 3).toBe(0);
    expect(PACKAGE_PART_CHARS).toBe(toBase64(new Uint8Array(PACKAGE_PART_BYTES)).length);
    expect(PACKAGE_PART_CHARS * 4).toBeLessThanOrEqual(MAX_VALUE_CHARS);
    expect(Math.ceil(ZIP_LIMITS.maxTotalBytes / PACKAGE_PART_BYTES)).toBeLessThanOrEqual(MAX_PACKAGE_PARTS);
  });

  it('a package of one part is one row without `parts`, as before schema 11', () => {
    const stored = packageRows(ID, bytesOf(100), 300);
    expect(stored.parts).toEqual([]);
    expect(stored.head).toEqual({ id: ID, base64: toBase64(bytesOf(100)) });
    expect(packageRows(ID, bytesOf(30), 30).head.parts).toBeUndefined();
    expect(packageRows(ID, new Uint8Array(0), 30).head).toEqual({ id: ID, base64: '' });
  });

  it('reads back the same bytes for every size around the part boundaries', async () => {
    for (const length of [1, 29, 30, 31, 59, 60, 61, 299, 300, 301]) {
      const bytes = bytesOf(length);
      const stored = packageRows(ID, bytes, 30);
      expect(stored.head.parts ?? 1, `${length} bytes`).toBe(Math.ceil(length / 30));
      expect(stored.parts.map((p) => p.id)).toEqual(stored.parts.map((_, i) => partIdOf(ID, i + 1)));
      for (const row of [stored.head, ...stored.parts]) expect(row.base64.length).toBeLessThanOrEqual(40);
      expect(filingPackageRowSchema.safeParse(stored.head).success).toBe(true);
      for (const part of stored.parts) expect(filingPackagePartRowSchema.safeParse(part).success).toBe(true);
      expect(await readPackageBytes(stored.head, lookup(stored)), `${length} bytes`).toEqual(bytes);
    }
  });

  it('a package stored whole is split at multiples of 4 characters into the same bytes', async () => {
    const bytes = bytesOf(1000);
    const whole = { id: ID, base64: toBase64(bytes) };
    expect(splitStoredPackage(whole, whole.base64.length)).toBeNull();
    const split = splitStoredPackage(whole, 400)!;
    expect(split.head.parts).toBe(Math.ceil(whole.base64.length / 400));
    expect([split.head, ...split.parts].map((r) => r.base64).join('')).toBe(whole.base64);
    expect(await readPackageBytes(split.head, lookup(split))).toEqual(bytes);
    expect(await readPackageBytes(whole, lookup(split))).toEqual(bytes);
    // Already in parts: left as it is.
    expect(splitStoredPackage(split.head, 4)).toBeNull();
  });

  it('a missing or damaged part makes the stored package unreadable, never shorter', async () => {
    const stored = packageRows(ID, bytesOf(100), 30);
    const without = { head: stored.head, parts: stored.parts.filter((_, i) => i !== 1) };
    expect(await readPackageBytes(stored.head, lookup(without))).toBeNull();
    const damaged: FilingPackagePartRow[] = stored.parts.map((p, i) => (i === 0 ? { ...p, base64: 'A===' } : p));
    expect(await readPackageBytes(stored.head, lookup({ head: stored.head, parts: damaged }))).toBeNull();
    expect(await readPackageBytes({ ...stored.head, base64: '!!!!' }, lookup(stored))).toBeNull();
    // A head claiming more parts than were stored.
    expect(await readPackageBytes({ ...stored.head, parts: 5 }, lookup(stored))).toBeNull();
  });

  it('the row schemas refuse a part that is too large, misnamed, or a head with an impossible count', () => {
    const part = { id: partIdOf(ID, 1), base64: 'QUJD' };
    expect(filingPackagePartRowSchema.safeParse(part).success).toBe(true);
    for (const bad of [
      { ...part, id: ID },
      { ...part, id: `${ID}.1` },
      { ...part, id: `${'C'.repeat(64)}.001` },
      { ...part, base64: 'A'.repeat(PACKAGE_PART_CHARS + 4) },
      { ...part, extra: 1 },
    ])
      expect(filingPackagePartRowSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 90)).toBe(false);
    for (const parts of [0, 1, 1.5, MAX_PACKAGE_PARTS + 1])
      expect(filingPackageRowSchema.safeParse({ id: ID, base64: '', parts }).success, `parts ${parts}`).toBe(false);
  });
});
