/**
 * Just enough PNG for documents, without canvas or Node: an encoder (stored, uncompressed deflate
 * blocks, which every PNG reader accepts), the size of a PNG, and data-URL decoding. The QR code
 * and the test signatures are small, so skipping compression costs a few kilobytes at most.
 */

import { crc32 } from '../crc32';
import { concatBytes } from '../bytes';

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

/** A zlib stream of stored blocks (at most 65535 bytes each). */
function zlibStored(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array([0x78, 0x01])];
  const blocks = Math.max(1, Math.ceil(data.length / 0xffff));
  for (let i = 0; i < blocks; i++) {
    const block = data.subarray(i * 0xffff, Math.min((i + 1) * 0xffff, data.length));
    const len = block.length;
    const final = i === blocks - 1 ? 1 : 0;
    parts.push(new Uint8Array([final, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff]), block);
  }
  parts.push(u32(adler32(data)));
  return concatBytes(parts);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = new Uint8Array([...type].map((ch) => ch.charCodeAt(0)));
  return concatBytes([u32(data.length), typeBytes, data, u32(crc32(concatBytes([typeBytes, data])))]);
}

export interface RawImage {
  width: number;
  height: number;
  /** 0 grey, 2 RGB, 4 grey + alpha, 6 RGBA. */
  colorType: 0 | 2 | 4 | 6;
  /** 1 only with grey (colorType 0). */
  bitDepth: 1 | 8;
  /** Packed scanlines, top to bottom, without filter bytes. */
  data: Uint8Array;
  /** A grey value drawn transparent (tRNS), for 1-bit ink on no paper. */
  transparentGrey?: number;
}

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 } as const;

export function rowBytes(image: Pick<RawImage, 'width' | 'colorType' | 'bitDepth'>): number {
  return Math.ceil((image.width * CHANNELS[image.colorType] * image.bitDepth) / 8);
}

export function encodePng(image: RawImage): Uint8Array {
  const stride = rowBytes(image);
  if (image.data.length !== stride * image.height) throw new Error('PNG data does not match its size');
  const filtered = new Uint8Array((stride + 1) * image.height); // filter byte 0 (None) per row
  for (let y = 0; y < image.height; y++)
    filtered.set(image.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = concatBytes([
    u32(image.width),
    u32(image.height),
    new Uint8Array([image.bitDepth, image.colorType, 0, 0, 0]),
  ]);
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const grey = image.transparentGrey;
  const transparency =
    grey === undefined || image.colorType !== 0 ? [] : [chunk('tRNS', new Uint8Array([grey >>> 8, grey & 0xff]))];
  return concatBytes([
    signature,
    chunk('IHDR', header),
    ...transparency,
    chunk('IDAT', zlibStored(filtered)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Width and height of a PNG, or null when the bytes are not one. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** The bytes of a base64 `data:` URL of a PNG, or null for anything else. */
export function pngFromDataUrl(url: string | undefined): Uint8Array | null {
  if (!url) return null;
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=\s]+)$/.exec(url);
  if (!match) return null;
  try {
    const binary = atob((match[1] as string).replace(/\s/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return pngSize(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

/** A `data:` URL of PNG bytes (fixtures and previews). */
export function pngDataUrl(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}
