import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from './decode';

describe('decodeText', () => {
  it('reads GBK, the default of Excel on Chinese Windows', () => {
    // 张三,男 in GBK: 张 D5C5, 三 C8FD, 男 C4D0.
    const gbk = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xc4, 0xd0]);
    expect(decodeText(gbk)).toEqual({ text: '张三,男', encoding: 'gbk' });
  });

  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode('姓名,电话');
    expect(decodeText(plain)).toEqual({ text: '姓名,电话', encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(withBom)).toEqual({ text: '姓名,电话', encoding: 'utf-8' });
  });

  it('reads UTF-16 ("Unicode 文本") by its BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x20, 0x5f, 0x09, 0x00, 0x09, 0x4e]); // 张\t三
    expect(decodeText(le)).toEqual({ text: '张\t三', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, 0x5f, 0x20]);
    expect(decodeText(be)).toEqual({ text: '张', encoding: 'utf-16be' });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('name,phone')).encoding).toBe('utf-8');
  });
});

describe('looksBinary', () => {
  it('spots NUL characters', () => {
    expect(looksBinary('a\u0000b')).toBe(true);
    expect(looksBinary('姓名,电话')).toBe(false);
  });
});
