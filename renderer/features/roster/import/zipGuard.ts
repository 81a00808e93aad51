import type JSZip from 'jszip';

const MB = 1024 * 1024;

/**
 * An .xlsx is a zip of XML. A crafted one can expand a few kilobytes into gigabytes
 * (a "zip bomb") and freeze the app while exceljs inflates it, so it is measured first.
 */
export const ZIP_LIMITS = {
  maxTotalBytes: 50 * MB,
  maxEntries: 2_000,
  /** Spreadsheet XML compresses about 5–30×; deflate cannot exceed about 1,030×, which only filler reaches. */
  maxRatio: 200,
  /** Small entries may compress absurdly well without harm. */
  ratioFloorBytes: MB,
} as const;

export type ZipCheck = { ok: true } | { ok: false; reason: 'notZip' | 'tooLarge' };

interface EntrySizes {
  compressedSize?: number;
  uncompressedSize?: number;
}

interface ByteStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): ByteStream;
  on(event: 'end', listener: () => void): ByteStream;
  on(event: 'error', listener: (error: unknown) => void): ByteStream;
  resume(): ByteStream;
  pause(): ByteStream;
}

/** JSZip keeps the central directory's sizes on `_data` and streams entries via `internalStream`; neither is typed. */
function declaredSizes(entry: JSZip.JSZipObject): EntrySizes {
  return (entry as unknown as { _data?: EntrySizes })._data ?? {};
}

function declaredTooLarge(entries: readonly JSZip.JSZipObject[]): boolean {
  let total = 0;
  for (const entry of entries) {
    const { compressedSize = 0, uncompressedSize = 0 } = declaredSizes(entry);
    total += uncompressedSize;
    const ratio = uncompressedSize / Math.max(compressedSize, 1);
    if (uncompressedSize > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio) return true;
  }
  return total > ZIP_LIMITS.maxTotalBytes;
}

/** Inflates one entry without keeping it, stopping as soon as it passes `budget` bytes. */
function inflatedSize(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): ByteStream }).internalStream(
      'uint8array',
    );
    stream
      .on('data', (chunk) => {
        size += chunk.length;
        if (size > budget) {
          stream.pause();
          resolve(size);
        }
      })
      .on('error', reject)
      .on('end', () => resolve(size))
      .resume();
  });
}

/**
 * Reads the central directory, then inflates every entry while counting, because the sizes a
 * zip declares can lie. Nothing inflated is kept, so memory stays flat whatever the file holds.
 */
export async function checkZip(bytes: Uint8Array): Promise<ZipCheck> {
  const { default: JSZipClass } = await import('jszip');
  let zip: JSZip;
  try {
    zip = await JSZipClass.loadAsync(bytes);
  } catch {
    return { ok: false, reason: 'notZip' };
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > ZIP_LIMITS.maxEntries || declaredTooLarge(entries)) return { ok: false, reason: 'tooLarge' };
  let remaining = ZIP_LIMITS.maxTotalBytes;
  try {
    for (const entry of entries) {
      remaining -= await inflatedSize(entry, remaining);
      if (remaining < 0) return { ok: false, reason: 'tooLarge' };
    }
  } catch {
    return { ok: false, reason: 'notZip' };
  }
  return { ok: true };
}
