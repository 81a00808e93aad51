import { describe, expect, it } from 'vitest';
import { checkSheetFile, dataUrlBytes, fitWidth, formatSize, SHEET_MAX_BYTES } from './imageFile';

describe('paper sheet file checks', () => {
  it('accepts PNG, JPEG and WebP up to 8 MB', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'IMAGE/JPEG'])
      expect(checkSheetFile({ type, size: 1000 })).toBeNull();
    expect(checkSheetFile({ type: 'image/jpeg', size: SHEET_MAX_BYTES })).toBeNull();
  });

  it('refuses other types, empty and oversized files', () => {
    expect(checkSheetFile({ type: 'image/heic', size: 1000 })).toEqual({ code: 'sheetWrongType', type: 'image/heic' });
    expect(checkSheetFile({ type: 'application/pdf', size: 1000 })).toMatchObject({ code: 'sheetWrongType' });
    expect(checkSheetFile({ type: '', size: 1000 })).toEqual({ code: 'sheetWrongType', type: '?' });
    expect(checkSheetFile({ type: 'image/png', size: 0 })).toEqual({ code: 'sheetEmpty' });
    expect(checkSheetFile({ type: 'image/png', size: SHEET_MAX_BYTES + 1 })).toEqual({
      code: 'sheetTooLarge',
      size: SHEET_MAX_BYTES + 1,
    });
  });

  it('scales down to 2000 px wide, never up', () => {
    expect(fitWidth(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWidth(3024, 4032)).toEqual({ width: 2000, height: 2667 });
    expect(fitWidth(1200, 1600)).toEqual({ width: 1200, height: 1600 });
  });

  it('formats sizes and measures data URLs', () => {
    expect(formatSize(1_300_000)).toBe('1.2 MB');
    expect(formatSize(350 * 1024)).toBe('350 KB');
    expect(formatSize(10)).toBe('1 KB');
    expect(dataUrlBytes('data:image/jpeg;base64,QUJD')).toBe(3);
    expect(dataUrlBytes('data:image/jpeg;base64,QUI=')).toBe(2);
    expect(dataUrlBytes('data:image/jpeg;base64,QQ==')).toBe(1);
  });
});
