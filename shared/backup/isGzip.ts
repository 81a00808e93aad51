// Apart from gzip.ts so that telling a backup's kind does not load the compressor at start-up.
/** The two bytes every gzip stream starts with. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
