import { describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'fflate';
import {
  GzipDataError,
  fflateGunzipPieces,
  fflateGzipPieces,
  nativeGunzipPieces,
  nativeGzipPieces,
  type GunzipReader,
  type GzipWriter,
} from './gzip';

type Take = (bytes: Uint8Array) => Promise<void>;

const implementations: Array<[string, (w: Take, chunk?: number) => GzipWriter, (t: Take) => GunzipReader]> = [
  ['the platform gzip', nativeGzipPieces, nativeGunzipPieces],
  ['fflate', fflateGzipPieces, fflateGunzipPieces],
];

const text = Array.from({ length: 4000 }, (_, i) => `{"id":"row-${i}","title":"第${i}次党群议事日 𠮷"}`).join(',');

function joined(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (all.set(c, at), at + c.length), 0);
  return all;
}

async function inflated(gunzip: (t: Take) => GunzipReader, gz: Uint8Array, pieceBytes: number) {
  const out: Uint8Array[] = [];
  const reader = gunzip(async (bytes) => void out.push(bytes.slice()));
  for (let at = 0; at < gz.length; at += pieceBytes) await reader.push(gz.subarray(at, at + pieceBytes));
  await reader.end();
  return { bytes: joined(out), pieces: out.length };
}

describe.each(implementations)('gzip with %s', (_name, gzip, gunzip) => {
  it('compresses text handed over in pieces into one gzip stream any gunzip reads', async () => {
    const chunks: Uint8Array[] = [];
    const writer = gzip(async (bytes) => void chunks.push(bytes), 1000);
    // Cut between rows, as the backup writer cuts (never inside a character).
    const rows = text.split('},{');
    for (let at = 0; at < rows.length; at += 7)
      await writer.write(rows.slice(at, at + 7).join('},{') + (at + 7 < rows.length ? '},{' : ''));
    await writer.end();
    const gz = joined(chunks);
    expect(gz.length).toBeLessThan(text.length / 3);
    expect(new TextDecoder().decode(gunzipSync(gz))).toBe(text);
    // Handed on in pieces of the asked size, not the stream's own small chunks.
    expect(chunks.slice(0, -1).every((c) => c.length >= 1000)).toBe(true);
  });

  it('takes text already encoded as UTF-8 alongside text, into the same stream', async () => {
    const chunks: Uint8Array[] = [];
    const writer = gzip(async (bytes) => void chunks.push(bytes), 1000);
    const encoder = new TextEncoder();
    // A character cut between two byte pieces (𠮷 is four bytes) must come out whole.
    const bytes = encoder.encode(text);
    const cut = bytes.indexOf(0xf0) + 2;
    await writer.write('[');
    await writer.writeBytes(bytes.subarray(0, cut));
    await writer.writeBytes(bytes.subarray(cut));
    await writer.write(']');
    await writer.end();
    expect(new TextDecoder().decode(gunzipSync(joined(chunks)))).toBe(`[${text}]`);
  });

  it('passes on the failure of the compressed side, and never waits for ever after it', async () => {
    let calls = 0;
    const writer = gzip(async () => {
      if (++calls === 2) throw new Error('disk full');
    }, 10);
    const written = (async () => {
      for (let i = 0; i < 200; i++) await writer.write(text);
      await writer.end();
    })();
    await expect(written).rejects.toThrow('disk full');
  });

  it('inflates what it was given however the bytes are cut, in pieces the reader can check', async () => {
    const gz = gzipSync(new TextEncoder().encode(text));
    for (const pieceBytes of [1, 13, 4096, gz.length]) {
      const { bytes } = await inflated(gunzip, gz, pieceBytes);
      expect(new TextDecoder().decode(bytes)).toBe(text);
    }
  });

  it('refuses damaged data, a wrong checksum or length, a cut-off stream and bytes after the end', async () => {
    const gz = gzipSync(new TextEncoder().encode(text));
    const damaged = (edit: (copy: Uint8Array) => Uint8Array) => inflated(gunzip, edit(gz.slice()), 4096);
    await expect(damaged((c) => c.slice(0, c.length - 100))).rejects.toBeInstanceOf(GzipDataError);
    await expect(damaged((c) => c.slice(0, c.length - 3))).rejects.toBeInstanceOf(GzipDataError);
    await expect(damaged((c) => ((c[c.length - 8]! ^= 1), c))).rejects.toBeInstanceOf(GzipDataError);
    await expect(damaged((c) => ((c[c.length - 1]! ^= 1), c))).rejects.toBeInstanceOf(GzipDataError);
    await expect(damaged((c) => ((c[12]! ^= 0xff), c))).rejects.toBeInstanceOf(GzipDataError);
    await expect(damaged((c) => new Uint8Array([...c, 0x7b, 0x7d]))).rejects.toBeInstanceOf(GzipDataError);
    await expect(inflated(gunzip, new TextEncoder().encode(text), 4096)).rejects.toBeInstanceOf(GzipDataError);
  });

  it('lets what the reader throws pass through as it is', async () => {
    const gz = gzipSync(new TextEncoder().encode(text));
    class Refused extends Error {}
    const reader = gunzip(async () => {
      throw new Refused('bad row');
    });
    const read = (async () => {
      for (let at = 0; at < gz.length; at += 100) await reader.push(gz.subarray(at, at + 100));
      await reader.end();
    })();
    await expect(read).rejects.toBeInstanceOf(Refused);
  });

  it('expands a small crafted file in bounded pieces', async () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024).fill(0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    let largest = 0;
    let total = 0;
    const reader = gunzip(async (bytes) => {
      largest = Math.max(largest, bytes.length);
      total += bytes.length;
    });
    await reader.push(bomb);
    await reader.end();
    expect(total).toBe(64 * 1024 * 1024);
    // One 64 KB slice of input expands at most about a thousandfold.
    expect(largest).toBeLessThanOrEqual(66 * 1024 * 1024);
  });
});
