/** A JPEG from a data URL with its pixel size, or null when it is not a readable JPEG. */
export function jpegFromDataUrl(url: string | undefined): { bytes: Uint8Array; width: number; height: number } | null {
  const match = url ? /^data:image\/jpeg;base64,([A-Za-z0-9+/=]+)$/.exec(url) : null;
  if (!match) return null;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(match[1] as string), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const size = jpegSize(bytes);
  return size ? { bytes, ...size } : null;
}

/** Reads the frame header (SOF0–SOF3) for the size, walking the marker segments. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] as number;
    const length = ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number);
    if (marker >= 0xc0 && marker <= 0xc3) {
      const height = ((bytes[i + 5] as number) << 8) | (bytes[i + 6] as number);
      const width = ((bytes[i + 7] as number) << 8) | (bytes[i + 8] as number);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    if (marker === 0xda || length < 2) return null;
    i += 2 + length;
  }
  return null;
}
