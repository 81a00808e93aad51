import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256HexSync } from './sha256';
import { sha256Hex } from '../meeting/fingerprint';

describe('sha256HexSync', () => {
  it('matches the standard vectors and WebCrypto on any text (every padding length, CJK, astral)', async () => {
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (let n = 0; n < 200; n++) expect(sha256HexSync('议'.repeat(n))).toBe(await sha256Hex('议'.repeat(n)));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        expect(sha256HexSync(text)).toBe(await sha256Hex(text));
      }),
      { numRuns: 200 },
    );
  });
});
