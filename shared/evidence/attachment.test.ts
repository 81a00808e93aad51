import { describe, expect, it } from 'vitest';
import { encodePng } from '../documents/png';
import { ATTACHMENT_MAX_BYTES, attachmentSchema, checkFile, checkFiles, prepareFiles } from './attachment';

const png = encodePng({ width: 2, height: 2, colorType: 0, bitDepth: 8, data: new Uint8Array(4) });
const text = new TextEncoder().encode('这不是图片，只是一段文字');

describe('evidence files', () => {
  it('accepts a real PNG and a PDF by their bytes', () => {
    expect(checkFile({ fileName: '现场.png', bytes: png })).toEqual({ ok: true, mime: 'image/png' });
    expect(checkFile({ fileName: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n') })).toEqual({
      ok: true,
      mime: 'application/pdf',
    });
  });
  it('refuses a .jpg that is really text, naming the file', () => {
    expect(checkFile({ fileName: '划线后.jpg', bytes: text })).toEqual({
      ok: false,
      message: '「划线后.jpg」不是有效的JPG图片（文件内容与扩展名不符，可能已损坏）',
    });
    // A PNG called .jpg is not what it says either.
    expect(checkFile({ fileName: 'x.jpg', bytes: png }).ok).toBe(false);
  });
  it('refuses a file over 10 MB, an empty file and an unknown type', () => {
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set(png);
    expect(checkFile({ fileName: '大图.png', bytes: big })).toMatchObject({
      ok: false,
      message: expect.stringContaining('「大图.png」有10.0 MB，超过'),
    });
    expect(checkFile({ fileName: 'e.png', bytes: new Uint8Array() })).toMatchObject({ message: '「e.png」是空文件' });
    expect(checkFile({ fileName: 'run.exe', bytes: text })).toMatchObject({
      message: expect.stringContaining('不能作为佐证材料'),
    });
  });
  it('refuses the whole batch when one file is bad, or when a note would hold more than 20', () => {
    expect(
      checkFiles([
        { fileName: 'a.png', bytes: png },
        { fileName: 'b.jpg', bytes: text },
      ]),
    ).toContain('「b.jpg」');
    expect(checkFiles(Array.from({ length: 21 }, () => ({ fileName: 'a.png', bytes: png })))).toContain('最多20个');
  });
  it('prepares rows the stored schema accepts, and the schema refuses a cut payload', async () => {
    const prepared = await prepareFiles([{ fileName: ' 现场.png ', bytes: png }]);
    if (typeof prepared === 'string') throw new Error(prepared);
    const row = {
      id: 'a',
      ownerKind: 'progress',
      ownerId: 'p',
      decisionId: 'd',
      addedAt: '2026-07-01T00:00:00.000Z',
      ...prepared[0]!,
    };
    expect(row.fileName).toBe('现场.png');
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(attachmentSchema.safeParse(row).success).toBe(true);
    expect(attachmentSchema.safeParse({ ...row, data: row.data.slice(0, -4) }).success).toBe(false);
  });
});
