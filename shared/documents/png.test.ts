import { create } from 'qrcode/lib/core/qrcode.js';
import { describe, expect, it } from 'vitest';
import { drawnSignaturePng } from '../demo/signatureInk';
import { crc32 } from '../crc32';
import { encodePng, pngDataUrl, pngFromDataUrl, pngSize, rowBytes } from './png';
import { qrPng } from './qr';

/** A strict reader for what encodePng writes: checks every CRC, the stored blocks and Adler-32. */
function decodeStoredPng(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Array<{ type: string; data: Uint8Array }> = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const typeAndData = bytes.subarray(at + 4, at + 8 + length);
    expect(view.getUint32(at + 8 + length)).toBe(crc32(typeAndData));
    chunks.push({ type: String.fromCharCode(...typeAndData.subarray(0, 4)), data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  const idat = chunks.find((c) => c.type === 'IDAT')?.data ?? new Uint8Array();
  const parts: number[] = [];
  let at = 2;
  for (;;) {
    const final = idat[at] as number;
    const len = (idat[at + 1] as number) | ((idat[at + 2] as number) << 8);
    expect(((idat[at + 3] as number) | ((idat[at + 4] as number) << 8)) ^ 0xffff).toBe(len);
    parts.push(...idat.subarray(at + 5, at + 5 + len));
    at += 5 + len;
    if (final & 1) break;
  }
  const header = chunks[0]?.data ?? new Uint8Array();
  const h = new DataView(header.buffer, header.byteOffset, header.byteLength);
  return {
    types: chunks.map((c) => c.type),
    width: h.getUint32(0),
    height: h.getUint32(4),
    bitDepth: header[8],
    colorType: header[9],
    raw: Uint8Array.from(parts),
  };
}

describe('png', () => {
  it('encodes an image a strict reader gets back, across several stored blocks', () => {
    const width = 300;
    const height = 120; // 120 rows of 1201 bytes: two deflate blocks
    const data = Uint8Array.from(
      { length: rowBytes({ width, colorType: 6, bitDepth: 8 }) * height },
      (_, i) => (i * 7) & 0xff,
    );
    const png = encodePng({ width, height, colorType: 6, bitDepth: 8, data });
    const decoded = decodeStoredPng(png);
    expect(decoded).toMatchObject({ types: ['IHDR', 'IDAT', 'IEND'], width, height, bitDepth: 8, colorType: 6 });
    const stride = width * 4;
    for (const y of [0, 57, height - 1]) {
      expect(decoded.raw[y * (stride + 1)]).toBe(0); // filter: none
      expect(decoded.raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))).toEqual(
        data.subarray(y * stride, (y + 1) * stride),
      );
    }
    expect(pngSize(png)).toEqual({ width, height });
  });

  it('draws the QR code module for module, with a quiet zone', () => {
    const text = 'a'.repeat(64);
    const scale = 3;
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const decoded = decodeStoredPng(qrPng(text, scale));
    const side = (modules.size + 8) * scale;
    expect(decoded).toMatchObject({ width: side, height: side, bitDepth: 1, colorType: 0 });
    const stride = Math.ceil(side / 8) + 1;
    const pixel = (x: number, y: number) => ((decoded.raw[y * stride + 1 + (x >> 3)] as number) >> (7 - (x & 7))) & 1;
    for (let row = -4; row < modules.size + 4; row++)
      for (let col = -4; col < modules.size + 4; col++) {
        const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
        const dark = inside && modules.get(row, col) === 1;
        expect(pixel((col + 4) * scale + 1, (row + 4) * scale + 1)).toBe(dark ? 0 : 1);
      }
  });

  it('reads PNG data URLs and refuses anything else', () => {
    const png = drawnSignaturePng(3);
    expect(decodeStoredPng(png).types).toEqual(['IHDR', 'tRNS', 'IDAT', 'IEND']);
    expect(pngFromDataUrl(pngDataUrl(png))).toEqual(png);
    expect(pngFromDataUrl('data:image/jpeg;base64,/9j/4AAQ')).toBeNull();
    expect(pngFromDataUrl('data:image/png;base64,bm90IGEgcG5n')).toBeNull();
    expect(pngFromDataUrl('data:image/png;base64,%%%')).toBeNull();
    expect(pngFromDataUrl(undefined)).toBeNull();
    expect(pngSize(new Uint8Array(10))).toBeNull();
  });

  it('draws a different signature for every seed, the same for the same one', () => {
    expect(drawnSignaturePng(1)).toEqual(drawnSignaturePng(1));
    expect(drawnSignaturePng(1)).not.toEqual(drawnSignaturePng(2));
  });
});
