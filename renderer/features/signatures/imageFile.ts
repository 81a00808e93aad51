export const SHEET_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const SHEET_MAX_BYTES = 8 * 1024 * 1024;
export const SHEET_MAX_WIDTH = 2000;
/** meetingSchema.paperSignatureSheet.imageDataUrl allows 8,000,000 characters. */
export const SHEET_MAX_DATA_URL_CHARS = 8_000_000;

export type SheetFileProblem =
  { code: 'sheetWrongType'; type: string } | { code: 'sheetTooLarge'; size: number } | { code: 'sheetEmpty' };

/** Checks a chosen file before decoding it: type by MIME (the picker's accept is only a hint). */
export function checkSheetFile(file: { type: string; size: number }): SheetFileProblem | null {
  if (!(SHEET_TYPES as readonly string[]).includes(file.type.toLowerCase()))
    return { code: 'sheetWrongType', type: file.type || '?' };
  if (file.size === 0) return { code: 'sheetEmpty' };
  if (file.size > SHEET_MAX_BYTES) return { code: 'sheetTooLarge', size: file.size };
  return null;
}

/** Scales down (never up) to at most maxWidth wide, keeping the aspect ratio. */
export function fitWidth(width: number, height: number, maxWidth = SHEET_MAX_WIDTH): { width: number; height: number } {
  if (width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.max(1, Math.round((height * maxWidth) / width)) };
}

/** "1.2 MB" / "350 KB": sizes as a secretary reads them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Bytes held by a base64 data URL (what it will cost on disk once decoded). */
export function dataUrlBytes(dataUrl: string): number {
  const comma = dataUrl.indexOf(',');
  const base64 = comma < 0 ? '' : dataUrl.slice(comma + 1);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}
