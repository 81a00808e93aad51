/**
 * Control characters (other than line breaks and tabs), lone surrogates and Unicode
 * noncharacters: none is ever typed, they come from damaged files and break exports later.
 */
export function hasBadCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufdd0-\ufdef\ufffe\uffff]/.test(value)) return true;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) return true;
    if (cp > 0xffff && (cp & 0xfffe) === 0xfffe) return true;
  }
  return false;
}
