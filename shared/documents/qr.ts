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
  // Draw each module row once, then copy it down for the module's height.
  for (let row = 0; row < modules.size; row++) {
    const top = (row + quiet) * pixelsPerModule * stride;
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col) !== 1) continue;
      for (let x = (col + quiet) * pixelsPerModule, end = x + pixelsPerModule; x < end; x++) {
        data[top + (x >> 3)] = (data[top + (x >> 3)] as number) & ~(0x80 >> (x & 7));
      }
    }
    for (let y = 1; y < pixelsPerModule; y++) data.copyWithin(top + y * stride, top, top + stride);
  }
  return encodePng({ width: side, height: side, colorType: 0, bitDepth: 1, data });
}
