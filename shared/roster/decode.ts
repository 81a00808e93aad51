/**
 * Text files from Chinese Windows: Excel's "CSV (逗号分隔)" is saved in the ANSI code page,
 * which is GBK there; "CSV UTF-8" has a BOM; "Unicode 文本" is UTF-16LE with a BOM.
 */

export type TextEncodingName = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * BOMs first (they are unambiguous), then strict UTF-8, then GBK. Strict UTF-8 rarely accepts
 * real GBK text, because GBK's two-byte sequences are almost never valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // The WHATWG "gbk" label decodes as GB18030, a superset, so rare characters survive too.
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** NUL characters never occur in a real CSV; they mean a binary file was picked by mistake. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 4096).includes('\u0000');
}
