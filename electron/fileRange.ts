import * as fsp from 'node:fs/promises';

/**
 * `length` bytes of a file from `position`, fewer only at its end (empty past it). One read may
 * return less than asked (network drives, USB sticks): it reads on until the range is full, so
 * the next range starts exactly where this one stopped.
 */
export async function readFileRange(filePath: string, position: number, length: number): Promise<Uint8Array> {
  const handle = await fsp.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
  } finally {
    await handle.close();
  }
}
