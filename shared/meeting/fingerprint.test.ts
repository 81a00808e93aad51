import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amendRecord } from './amend';
import {
  canonicalJson,
  CanonicalJsonError,
  compareCodePoints,
  fingerprintRecord,
  recordForSealing,
  sealRecord,
  shortFingerprint,
  fingerprintDifference,
  verifyRecord,
} from './fingerprint';
import type { MeetingRecord } from './record';
import { sampleRedBenchRecord, sampleSignedRedBenchRecord } from '../fixtures/testRecord';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function errorCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof CanonicalJsonError ? e.code : 'other';
  }
  return undefined;
}

describe('canonicalJson', () => {
  it('sorts keys, keeps array order, drops undefined members, writes -0 as 0', () => {
    expect(canonicalJson({ b: 1, a: [3, -0, { d: undefined, c: null }], e: undefined })).toBe(
      '{"a":[3,0,{"c":null}],"b":1}',
    );
  });
  it('sorts keys by code point, not by UTF-16 unit', () => {
    // U+FF01 (！) comes before U+1F600 by code point; its UTF-16 unit 0xFF01 is above the surrogate 0xD83D.
    expect(canonicalJson({ '\u{1F600}': 1, '\uFF01': 2, a: 3 })).toBe('{"a":3,"！":2,"😀":1}');
    expect(compareCodePoints('\u{1F600}', '\uFF01')).toBeGreaterThan(0);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('', '')).toBe(0);
  });
  it('escapes strings as JSON.stringify does', () => {
    const s = 'say "好"\n\t\\ \u0001 \ud800 </script>';
    expect(canonicalJson([s])).toBe(`[${JSON.stringify(s)}]`);
  });
  it('writes undefined array slots as null, like JSON', () =>
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]'));
  it('refuses what JSON cannot carry faithfully', () => {
    expect(errorCode(() => canonicalJson({ a: Number.NaN }))).toBe('nonFiniteNumber');
    expect(errorCode(() => canonicalJson([Number.POSITIVE_INFINITY]))).toBe('nonFiniteNumber');
    expect(errorCode(() => canonicalJson({ at: new Date(0) }))).toBe('unsupportedValue');
    expect(errorCode(() => canonicalJson({ n: 1n }))).toBe('unsupportedValue');
    expect(errorCode(() => canonicalJson(undefined))).toBe('unsupportedValue');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(errorCode(() => canonicalJson(loop))).toBe('cycle');
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
  it('reads back as the same value (property)', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        cases += 1;
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 1000 },
    );
    console.log(`canonicalJson round-trip property: ${cases} values`);
  });
});

/**
 * The recursive canonicalJson this module had before it became iterative: signed records were
 * hashed with it, so the iterative one must write exactly the same text for every value.
 */
function recursiveCanonicalJson(value: unknown, path = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CanonicalJsonError('nonFiniteNumber', path);
    return Object.is(value, -0) ? '0' : JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') throw new CanonicalJsonError('unsupportedValue', path);
  if (Array.isArray(value))
    return `[${value.map((v, i) => (v === undefined ? 'null' : recursiveCanonicalJson(v, `${path}[${i}]`))).join(',')}]`;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError('unsupportedValue', path);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareCodePoints);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${recursiveCanonicalJson(record[k], path ? `${path}.${k}` : k)}`).join(',')}}`;
}

function errorOf(f: () => unknown): { code: string; path: string } | null {
  try {
    f();
  } catch (e) {
    return e instanceof CanonicalJsonError ? { code: e.code, path: e.path } : { code: 'other', path: '' };
  }
  return null;
}

describe('canonicalJson without recursion', () => {
  it('writes what the recursive version wrote, for any value (property)', () => {
    const keys = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('\u{1F600}', '\uFF01', '__proto__', 'a'));
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, 0, -0, 1e308, -1.5, undefined, Number.NaN, '\uFFFE', '\ud800'),
        fc.string({ maxLength: 6 }),
        fc.double(),
        fc.array(tie('any'), { maxLength: 4 }),
        fc.dictionary(keys, tie('any'), { maxKeys: 4 }),
      ),
    })).any;
    let cases = 0;
    fc.assert(
      fc.property(value, (v) => {
        cases += 1;
        const expected = errorOf(() => recursiveCanonicalJson(v));
        if (expected) expect(errorOf(() => canonicalJson(v))).toEqual(expected);
        else expect(canonicalJson(v)).toBe(recursiveCanonicalJson(v));
      }),
      { numRuns: 2000 },
    );
    expect(cases).toBe(2000);
  });

  it('reports the same path as before for a value it refuses', () => {
    expect(errorOf(() => canonicalJson({ a: [1, { b: Number.NaN }] }))).toEqual({
      code: 'nonFiniteNumber',
      path: 'a[1].b',
    });
    expect(errorOf(() => canonicalJson([{ d: new Date(0) }]))).toEqual({ code: 'unsupportedValue', path: '[0].d' });
  });

  it('hashes a value nested 100,000 levels deep instead of overflowing the stack', () => {
    let deep: unknown = '议';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { content: deep };
    expect(() => recursiveCanonicalJson(deep)).toThrow(RangeError);
    const text = canonicalJson(deep);
    // 50,000 objects of `{"content":…}`, 50,000 arrays of `[…]`, and the string at the bottom.
    expect(text.length).toBe(50_000 * 12 + 50_000 * 2 + 3);
    expect(text.startsWith('[{"content":[{"content":')).toBe(true);
  });

  it('gives the signed fixture the fingerprint it was signed with', async () => {
    const signed = await sampleSignedRedBenchRecord();
    expect(canonicalJson(recordForSealing(signed))).toBe(recursiveCanonicalJson(recordForSealing(signed)));
    expect(await verifyRecord(signed)).toEqual({ state: 'consistent', amendments: 0 });
  });
});

describe('the fingerprint', () => {
  it('is SHA-256 of the canonical JSON (known vector, computed with node:crypto)', async () => {
    const { sha256Hex } = await import('./fingerprint');
    const text = canonicalJson({ 议题: '停车位', n: -0, list: [2, 1] });
    expect(text).toBe('{"list":[2,1],"n":0,"议题":"停车位"}');
    expect(await sha256Hex(text)).toBe(nodeSha256(text));
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const record = sampleRedBenchRecord();
    expect(await fingerprintRecord(record)).toBe(nodeSha256(canonicalJson(recordForSealing(record))));
  });

  it('does not depend on the order of lists or keys', async () => {
    const record = sampleRedBenchRecord();
    const reversed = (r: MeetingRecord): MeetingRecord =>
      Object.fromEntries(
        Object.entries(r)
          .reverse()
          .map(([k, v]) => [
            k,
            Array.isArray(v)
              ? [...v]
                  .reverse()
                  .map((row) => (typeof row === 'object' ? Object.fromEntries(Object.entries(row).reverse()) : row))
              : v,
          ]),
      ) as unknown as MeetingRecord;
    const shuffled = { ...reversed(record), orgPath: record.orgPath };
    expect(await fingerprintRecord(shuffled)).toBe(await fingerprintRecord(record));
  });

  it('is deterministic where orderRecord ties (two votes on one item)', async () => {
    const record = sampleRedBenchRecord();
    const second = { ...record.votes[0]!, id: 'sample-vote-2', subject: '施工时间' };
    const a = { ...record, votes: [record.votes[0]!, second] };
    const b = { ...record, votes: [second, record.votes[0]!] };
    expect(await fingerprintRecord(a)).toBe(await fingerprintRecord(b));
  });

  it('leaves out the fingerprint, updatedAt, amendments’ fingerprintAfter and decisions’ status', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const sealed = recordForSealing(signed);
    expect(sealed.meeting).not.toHaveProperty('fingerprint');
    expect(sealed.meeting).not.toHaveProperty('updatedAt');
    expect(sealed.decisions[0]).not.toHaveProperty('status');
    expect(sealed.meeting.signedAt).toBe(signed.meeting.signedAt);
  });

  it('is shown short as four groups', () => {
    expect(shortFingerprint('a1b2c3d4e5f60718' + '9'.repeat(48))).toBe('A1B2-C3D4-E5F6-0718');
  });

  it('is compared in full for a refusal, with where two differ', () => {
    // Equal in the first 16 characters: cut short, both would read A1B2-C3D4-E5F6-0718.
    const stored = 'a1b2c3d4e5f60718' + '9'.repeat(48);
    const computed = 'a1b2c3d4e5f60718' + '9'.repeat(20) + '0' + '9'.repeat(27);
    const difference = fingerprintDifference(stored, computed);
    expect(difference.from).toBe(37);
    expect(difference.stored).toBe(`A1B2 C3D4 E5F6 0718 ${'9999 '.repeat(11)}9999`);
    expect(difference.computed.replace(/ /g, '')).toBe(computed.toUpperCase());
    expect(fingerprintDifference(stored, stored).from).toBe(0);
    expect(fingerprintDifference('', computed)).toMatchObject({ stored: '', from: 1 });
  });
});

describe('verifyRecord', () => {
  it('calls a never-signed record unsigned', async () =>
    expect(await verifyRecord(sampleRedBenchRecord())).toEqual({ state: 'unsigned' }));

  it('calls a signed record consistent, also after storage touched updatedAt or a decision was done', async () => {
    const signed = await sampleSignedRedBenchRecord();
    expect(await verifyRecord(signed)).toEqual({ state: 'consistent', amendments: 0 });
    const touched = structuredClone(signed);
    touched.meeting.updatedAt = '2026-08-01T00:00:00.000Z';
    touched.decisions[0]!.status = 'done';
    expect(await verifyRecord(touched)).toEqual({ state: 'consistent', amendments: 0 });
  });

  it('calls it inconsistent when edited in place, unsealed or sealed without being signed', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const edited = structuredClone(signed);
    edited.decisions[0]!.deadline = '2026-12-31';
    expect(await verifyRecord(edited)).toEqual({ state: 'inconsistent' });
    const noSeal = structuredClone(signed);
    delete noSeal.meeting.fingerprint;
    expect(await verifyRecord(noSeal)).toEqual({ state: 'inconsistent' });
    const sealedDraft = await sealRecord(sampleRedBenchRecord());
    expect(await verifyRecord(sealedDraft)).toEqual({ state: 'inconsistent' });
    const nan = structuredClone(signed);
    nan.votes[0]!.agree = Number.NaN;
    expect(await verifyRecord(nan)).toEqual({ state: 'inconsistent' });
  });
});

type Leaf = { path: Array<string | number>; value: string | number };

function leaves(value: unknown, path: Array<string | number> = []): Leaf[] {
  if (typeof value === 'string' || typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

function setAt(root: unknown, path: Array<string | number>, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

/** Outside the seal on purpose (see fingerprint.ts): storage bookkeeping and decisions' follow-up. */
const unsealed = (path: Array<string | number>) =>
  (path[0] === 'meeting' && path[1] === 'updatedAt') || (path[0] === 'decisions' && path[2] === 'status');

describe('tampering with a signed and amended record (property)', () => {
  it('any single changed character or number makes it inconsistent', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const amended = await amendRecord(
      signed,
      { by: '赵丽娟', reason: '完成时限笔误', apply: (d) => void (d.decisions[1]!.deadline = '2026-09-30') },
      new Date('2026-07-20T02:00:00Z'),
      () => 'amendment-1',
    );
    if (!amended.ok) throw new Error(amended.problem.code);
    const base = amended.record;
    const candidates = leaves(base).filter(
      (l) => !unsealed(l.path) && (typeof l.value === 'number' || l.value.length > 0),
    );
    expect(await verifyRecord(base)).toEqual({ state: 'consistent', amendments: 1 });

    let cases = 0;
    const fieldsTouched = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 0xffff }), async (which, at, delta) => {
        const leaf = candidates[which % candidates.length]!;
        let changed: string | number;
        if (typeof leaf.value === 'number') changed = leaf.value + (delta % 2 === 0 ? delta : -delta / 7);
        else {
          const i = at % leaf.value.length;
          const code = (leaf.value.charCodeAt(i) + delta) % 0x10000;
          changed =
            leaf.value.slice(0, i) +
            String.fromCharCode(code === leaf.value.charCodeAt(i) ? code + 1 : code) +
            leaf.value.slice(i + 1);
        }
        const tampered = structuredClone(base);
        setAt(tampered, leaf.path, changed);
        cases += 1;
        fieldsTouched.add(leaf.path.join('.'));
        expect(await verifyRecord(tampered)).toEqual({ state: 'inconsistent' });
      }),
      { numRuns: 3000 },
    );
    console.log(
      `fingerprint tamper property: ${cases} single-field changes over ${candidates.length} fields (${fieldsTouched.size} distinct touched), all inconsistent`,
    );
  });
});
