import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './bytes';

describe('canonical base64', () => {
  it('reads back every byte string it writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts exactly the canonical spellings (compared with Node’s own decoder)', () => {
    const alphabet = 'AQgw+/=Z9a \n-_é'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        const canonical = /^[A-Za-z0-9+/=]*$/.test(text) && Buffer.from(text, 'base64').toString('base64') === text;
        expect(fromBase64(text) !== null, JSON.stringify(text)).toBe(canonical);
      }),
      { numRuns: 5_000 },
    );
    for (const bad of ['QQ=', 'QR==', '=QQ=', 'Q===', 'QQ==QQ==', 'QUJD\n', ' QUJD', 'QUJ-'])
      expect(fromBase64(bad), bad).toBeNull();
  });

  it('reads a part of a filing package (8 Mi characters) and more; the earlier pattern overflowed the stack', () => {
    const bytes = new Uint8Array(9 * 1024 * 1024).map((_, i) => (i * 31) & 0xff);
    const text = toBase64(bytes);
    // Compared as Buffers: vitest's deep equality walks 9 million elements for seconds.
    expect(Buffer.compare(Buffer.from(fromBase64(text)!), Buffer.from(bytes))).toBe(0);
    expect(fromBase64(`${text.slice(0, -4)}!AAA`)).toBeNull();
  });
});
