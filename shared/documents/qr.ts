// The declaration must reach every program that compiles this file (renderer, node, tests).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./qrcode-core.d.ts" />
import { create } from 'qrcode/lib/core/qrcode.js';
import { encodePng } from './png';

/**
 * The QR code of a text as a 1-bit PNG, drawn from the qrcode package's module matrix: no canvas,
 * no Node, so the renderer and the CLI make the same image. A 4-module quiet zone, as the QR
 * standard asks, keeps phone scanners happy on a printed page.
 */
export function qrPng(text: string, pixelsPerModule = 6): Uint8Array {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const side = (modules.size + 2 * quiet) * pixelsPerModule;
  const stride = Math.ceil(side / 8);
  const data = new Uint8Array(stride * side).fill(0xff); // 1 = white in 1-bit grey
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / pixelsPerModule) - quiet;
    for (let x = 0; x < side; x++) {
      const col = Math.floor(x / pixelsPerModule) - quiet;
      const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col) === 1;
      if (dark) data[y * stride + (x >> 3)] = (data[y * stride + (x >> 3)] as number) & ~(0x80 >> (x & 7));
    }
  }
  return encodePng({ width: side, height: side, colorType: 0, bitDepth: 1, data });
}
