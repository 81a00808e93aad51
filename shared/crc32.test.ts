import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('gives the standard check value and the empty CRC', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('carries over pieces: the CRC of a then b is the CRC of both', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const both = new Uint8Array([...a, ...b]);
        expect(crc32(b, crc32(a))).toBe(crc32(both));
      }),
    );
  });

  it('agrees with the CRC a gzip writer stores in its trailer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        const gz = gzipSync(data);
        const stored = new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 4).getUint32(0, true);
        expect(crc32(data)).toBe(stored);
      }),
    );
  });
});
