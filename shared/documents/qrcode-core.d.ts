/**
 * The pure core of the qrcode package (no canvas, fs or pngjs, unlike its entry points), so
 * shared/ can make the fingerprint's QR code anywhere. @types/qrcode covers only the entry
 * points, and pulls Node's types into every program that imports it.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrSymbol {
    version: number;
    modules: { size: number; get(row: number, col: number): number };
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QrSymbol;
}
