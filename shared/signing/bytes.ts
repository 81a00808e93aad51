/** Base64 and hex of raw bytes: keys and signatures are stored and exchanged as text. */

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  // In slices: a filing package's part is 6 MiB, and one character at a time took seconds.
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Letters of the base64 alphabet, then at most two '='. One character class repeated, never a
 * repeated group: V8 keeps a backtracking entry per repetition of a group, and the earlier
 * pattern, /^(?:[A-Za-z0-9+/]{4})*…$/, overflowed the stack on ~8 million characters (a filing
 * package of 6 MB could not be opened). Where the '=' may stand is settled by the length and the
 * canonical spelling below.
 */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of canonical base64, or null: a key or signature in any other spelling is refused. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // atob ignores the unused bits of the last character: two spellings of one value are refused.
  return toBase64(bytes) === text ? bytes : null;
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return Array.from(view, (b) => b.toString(16).padStart(2, '0')).join('');
}
