import { deflateSync, Inflate } from 'fflate';
import { crc32 } from '../crc32';

/**
 * The zip container of a filing package (备案包), written and read here rather than by a general
 * zip library, because the reader must account for every byte of the file: each header field has
 * one allowed value (or must repeat the central directory's), entries follow each other with no
 * gap, and the file ends at the end of the directory. What the headers do not pin down is the
 * entries' data, which the signed manifest covers byte for byte (package.ts). So a single byte
 * changed anywhere is refused, and a crafted zip (a bomb, `..` paths, tricks with duplicate names
 * or overlapping entries) is refused before anything is inflated.
 */

export type ZipMethod = 'store' | 'deflate';

export interface ZipInput {
  path: string;
  bytes: Uint8Array;
  method: ZipMethod;
}

/** An entry as read: its data still packed; `size` is what its headers declare once unpacked. */
export interface ZipEntry {
  path: string;
  method: ZipMethod;
  packed: Uint8Array;
  size: number;
  crc: number;
}

/** Caps a package must keep before anything is inflated. */
export const ZIP_LIMITS = {
  maxEntries: 2000,
  /** The whole package, and all its parts unpacked together. */
  maxTotalBytes: 400 * 1024 * 1024,
  /** Unpacked ÷ packed for a deflated part; text deflates about 10:1, a bomb 1000:1. */
  maxRatio: 100,
} as const;

export type ZipProblem =
  | { code: 'notZip' }
  | { code: 'truncated' }
  | { code: 'malformed'; detail: string }
  | { code: 'badPath'; path: string }
  | { code: 'duplicatePath'; path: string }
  | { code: 'tooManyParts'; count: number; max: number }
  | { code: 'tooLarge'; maxMb: number }
  | { code: 'zipBomb'; path: string }
  | { code: 'damagedPart'; path: string };

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
const END_SIZE = 22;
/** Version 2.0 (deflate) made by and needed; bit 11: names are UTF-8; 1980-01-01 00:00. */
const VERSION = 20;
const FLAGS = 0x0800;
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const METHOD_CODE: Record<ZipMethod, number> = { store: 0, deflate: 8 };

/**
 * A part's path: folders and names of letters, digits, `.`, `_` and `-`, joined by `/`; no empty,
 * `.` or `..` segment, nothing absolute, no backslash. Everything the writer makes is of this form.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;
export function isSafePartPath(path: string): boolean {
  if (path.length === 0 || path.length > 200) return false;
  return path.split('/').every((s) => SEGMENT.test(s) && s !== '.' && s !== '..' && !/^\.+$/.test(s));
}

/** A part with its bytes as the zip will hold them (deflated or as they are). */
export interface PackedInput extends ZipInput {
  packed: Uint8Array;
}

export function packPart(input: ZipInput): PackedInput {
  return { ...input, packed: input.method === 'deflate' ? deflateSync(input.bytes, { level: 6 }) : input.bytes };
}

export function writeZip(inputs: readonly PackedInput[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const input of inputs) {
    if (!isSafePartPath(input.path)) throw new Error(`writeZip: unsafe path ${input.path}`);
    const name = encoder.encode(input.path);
    const packed = input.packed;
    const fields = { method: METHOD_CODE[input.method], crc: crc32(input.bytes), packed: packed.length };
    const local = new Uint8Array(LOCAL_SIZE + name.length + packed.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_SIG, true);
    lv.setUint16(4, VERSION, true);
    lv.setUint16(6, FLAGS, true);
    lv.setUint16(8, fields.method, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, fields.crc, true);
    lv.setUint32(18, fields.packed, true);
    lv.setUint32(22, input.bytes.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, LOCAL_SIZE);
    local.set(packed, LOCAL_SIZE + name.length);
    const central = new Uint8Array(CENTRAL_SIZE + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, CENTRAL_SIG, true);
    cv.setUint16(4, VERSION, true);
    central.set(local.subarray(4, 30), 6); // version needed … extra length: the same as the local header
    // comment length, disk, internal and external attributes: 0
    cv.setUint32(42, offset, true);
    central.set(name, CENTRAL_SIZE);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(END_SIZE);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END_SIG, true);
  ev.setUint16(8, inputs.length, true);
  ev.setUint16(10, inputs.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + END_SIZE);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

type Read = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const malformed = (detail: string): { ok: false; problem: ZipProblem } => ({
  ok: false,
  problem: { code: 'malformed', detail },
});

/**
 * The entries of a package, their data still packed, or the first problem. Checks structure and
 * caps only; the data is checked against the manifest by the caller, then unpacked by `unpack`.
 */
export function readZip(bytes: Uint8Array): Read {
  if (bytes.length < 4 || new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) !== LOCAL_SIG)
    return { ok: false, problem: { code: 'notZip' } };
  if (bytes.length > ZIP_LIMITS.maxTotalBytes)
    return { ok: false, problem: { code: 'tooLarge', maxMb: ZIP_LIMITS.maxTotalBytes / 1024 / 1024 } };
  if (bytes.length < END_SIZE) return { ok: false, problem: { code: 'truncated' } };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endAt = bytes.length - END_SIZE;
  // No comment is written, so the directory's end is the last 22 bytes: a file cut short loses it.
  if (view.getUint32(endAt, true) !== END_SIG) return { ok: false, problem: { code: 'truncated' } };
  const count = view.getUint16(endAt + 10, true);
  const centralSize = view.getUint32(endAt + 12, true);
  const centralAt = view.getUint32(endAt + 16, true);
  if (view.getUint32(endAt + 4, true) !== 0 || view.getUint16(endAt + 8, true) !== count)
    return malformed('目录结尾的分卷信息不正确');
  if (view.getUint16(endAt + 20, true) !== 0) return malformed('目录结尾带有注释');
  if (count > ZIP_LIMITS.maxEntries)
    return { ok: false, problem: { code: 'tooManyParts', count, max: ZIP_LIMITS.maxEntries } };
  if (centralAt + centralSize !== endAt) return malformed('目录的位置或长度不正确');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let centralPos = centralAt;
  let localPos = 0;
  let totalSize = 0;
  for (let i = 0; i < count; i++) {
    const entry = readEntry(bytes, view, centralPos, localPos, centralAt);
    if (!entry.ok) return entry;
    const { path } = entry.entry;
    if (seen.has(path)) return { ok: false, problem: { code: 'duplicatePath', path } };
    seen.add(path);
    totalSize += entry.entry.size;
    if (totalSize > ZIP_LIMITS.maxTotalBytes)
      return { ok: false, problem: { code: 'tooLarge', maxMb: ZIP_LIMITS.maxTotalBytes / 1024 / 1024 } };
    entries.push(entry.entry);
    centralPos = entry.nextCentral;
    localPos = entry.nextLocal;
  }
  if (localPos !== centralAt) return malformed('条目之间有多余的数据');
  if (centralPos !== endAt) return malformed('目录中有多余的数据');
  return { ok: true, entries };
}

type EntryRead =
  { ok: true; entry: ZipEntry; nextCentral: number; nextLocal: number } | { ok: false; problem: ZipProblem };

function readEntry(bytes: Uint8Array, view: DataView, c: number, l: number, centralAt: number): EntryRead {
  if (c + CENTRAL_SIZE > bytes.length - END_SIZE || view.getUint32(c, true) !== CENTRAL_SIG)
    return malformed('目录条目不正确');
  const nameLength = view.getUint16(c + 28, true);
  const fixed: Array<[number, number, number]> = [
    [c + 4, 2, VERSION],
    [c + 30, 2, 0], // extra length
    [c + 32, 2, 0], // comment length
    [c + 34, 2, 0], // disk
    [c + 36, 2, 0], // internal attributes
    [c + 38, 4, 0], // external attributes
  ];
  if (!fixed.every(([at, size, value]) => (size === 2 ? view.getUint16(at, true) : view.getUint32(at, true)) === value))
    return malformed('目录条目含有不认识的字段');
  if (view.getUint32(c + 42, true) !== l) return malformed('条目的位置不正确');
  // The local header repeats the directory's fields 6..30 exactly.
  if (l + LOCAL_SIZE + nameLength > centralAt || view.getUint32(l, true) !== LOCAL_SIG)
    return malformed('条目头不正确');
  for (let k = 0; k < 26; k++) if (bytes[l + 4 + k] !== bytes[c + 6 + k]) return malformed('条目头与目录不一致');
  if (view.getUint16(c + 6, true) !== VERSION || view.getUint16(c + 8, true) !== FLAGS)
    return malformed('条目的版本或标志不正确');
  if (view.getUint16(c + 12, true) !== DOS_TIME || view.getUint16(c + 14, true) !== DOS_DATE)
    return malformed('条目的时间不正确');
  for (let k = 0; k < nameLength; k++)
    if (bytes[l + LOCAL_SIZE + k] !== bytes[c + CENTRAL_SIZE + k]) return malformed('条目名与目录不一致');
  const methodCode = view.getUint16(c + 10, true);
  const method = methodCode === 0 ? 'store' : methodCode === 8 ? 'deflate' : null;
  if (!method) return malformed('条目的压缩方式不认识');
  let path: string;
  try {
    path = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(c + CENTRAL_SIZE, c + CENTRAL_SIZE + nameLength),
    );
  } catch {
    return { ok: false, problem: { code: 'badPath', path: '?' } };
  }
  if (!isSafePartPath(path)) return { ok: false, problem: { code: 'badPath', path } };
  const packedSize = view.getUint32(c + 20, true);
  const size = view.getUint32(c + 24, true);
  const dataAt = l + LOCAL_SIZE + nameLength;
  if (dataAt + packedSize > centralAt) return { ok: false, problem: { code: 'truncated' } };
  if (method === 'store' && packedSize !== size) return malformed('未压缩条目的长度不一致');
  if (method === 'deflate' && size > Math.max(packedSize, 1) * ZIP_LIMITS.maxRatio)
    return { ok: false, problem: { code: 'zipBomb', path } };
  return {
    ok: true,
    entry: {
      path,
      method,
      packed: bytes.subarray(dataAt, dataAt + packedSize),
      size,
      crc: view.getUint32(c + 16, true),
    },
    nextCentral: c + CENTRAL_SIZE + nameLength,
    nextLocal: dataAt + packedSize,
  };
}

/** Inflate a slice at a time, so a lying size is caught after a bounded amount of output. */
const INPUT_SLICE = 4096;

/**
 * An entry's bytes, unpacked: never more than its declared size (a bomb that lies about its size
 * stops there), and refused unless the size and CRC-32 are what the headers say.
 */
export function unpack(entry: ZipEntry): { ok: true; bytes: Uint8Array } | { ok: false; problem: ZipProblem } {
  const damaged = { ok: false as const, problem: { code: 'damagedPart' as const, path: entry.path } };
  let bytes: Uint8Array;
  if (entry.method === 'store') bytes = entry.packed;
  else {
    const out = new Uint8Array(entry.size);
    let at = 0;
    let overflow = false;
    const inflate = new Inflate((chunk) => {
      if (overflow || at + chunk.length > out.length) {
        overflow = true;
        return;
      }
      out.set(chunk, at);
      at += chunk.length;
    });
    try {
      for (let i = 0; i < entry.packed.length && !overflow; i += INPUT_SLICE)
        inflate.push(entry.packed.subarray(i, i + INPUT_SLICE), false);
      if (!overflow) inflate.push(new Uint8Array(0), true);
    } catch {
      return damaged;
    }
    if (overflow) return { ok: false, problem: { code: 'zipBomb', path: entry.path } };
    if (at !== entry.size) return damaged;
    bytes = out;
  }
  return crc32(bytes) === entry.crc ? { ok: true, bytes } : damaged;
}
