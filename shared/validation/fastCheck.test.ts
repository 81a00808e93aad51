import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastCheckOf } from './fastCheck';
import { generateDistrict, scaledConfig } from '../fixtures/scale/generator';
import { STORE_TABLES, TABLE_NAMES, type TableName } from '../store/schema';
import { withoutRosterKeys } from '../roster/rosterKeys';
import { seededRandom } from '../random';

/** What the fast check promises: a yes only where zod accepts the value and gives back an equal one. */
function expectAgreesWithZod(schema: z.ZodType, value: unknown): boolean {
  const yes = fastCheckOf(schema)(value);
  if (yes) {
    const result = schema.safeParse(value);
    expect(result.success, JSON.stringify(value)?.slice(0, 300)).toBe(true);
    expect(result.data).toStrictEqual(value);
  }
  return yes;
}

describe('fastCheckOf, against zod on small schemas', () => {
  // The app runs zod without `new Function` (CSP): the same here, so both sides are the interpreted zod.
  beforeAll(() => z.config({ jitless: true }));
  afterAll(() => z.config({ jitless: false }));

  const cases: Array<[string, z.ZodType, unknown, boolean]> = [
    ['a plain string', z.string(), 'x', true],
    ['a number for a string', z.string(), 1, false],
    ['infinity is no number', z.number(), Infinity, false],
    ['an integer', z.number().int().min(0), 3, true],
    ['a fraction for an integer', z.number().int(), 1.5, false],
    ['below the floor', z.number().min(1), 0, false],
    ['above the ceiling', z.number().max(1), 2, false],
    ['an empty string for min(1)', z.string().min(1), '', false],
    ['one code point, two units, for min(2)', z.string().min(2), '😀', false],
    ['two code points in four units for max(2)', z.string().max(2), '😀😀', true],
    ['three code points for max(2)', z.string().max(2), 'abc', false],
    ['trimmed already', z.string().trim(), 'a b', true],
    ['trim would change it', z.string().trim(), ' a', false],
    ['a date', z.iso.date(), '2026-12-07', true],
    ['not a date', z.iso.date(), '2026-13-07', false],
    ['a pattern', z.string().regex(/^\d+$/), '123', true],
    ['off the pattern', z.string().regex(/^\d+$/), '12a', false],
    ['an email is left to zod', z.email(), 'a@b.cn', true],
    ['an enum value', z.enum(['a', 'b']), 'b', true],
    ['off the enum', z.enum(['a', 'b']), 'c', false],
    ['a literal', z.literal('app'), 'app', true],
    ['a refinement that holds', z.string().refine((s) => s.startsWith('x')), 'xy', true],
    ['a refinement that fails', z.string().refine((s) => s.startsWith('x')), 'y', false],
    ['a transform is never a yes for a changed value', z.string().transform((s) => s.length), 'ab', false],
    ['an object with every key', z.object({ a: z.string(), b: z.number() }), { a: 'x', b: 1 }, true],
    ['a key zod would strip', z.object({ a: z.string() }), { a: 'x', b: 1 }, false],
    ['a key a strict object refuses', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, false],
    ['a key a loose object keeps', z.looseObject({ a: z.string() }), { a: 'x', b: 1 }, true],
    ['an optional key absent', z.object({ a: z.string().optional() }), {}, true],
    ['an exact optional key absent', z.object({ a: z.string().exactOptional() }), {}, true],
    ['an exact optional key set to undefined', z.object({ a: z.string().exactOptional() }), { a: undefined }, false],
    ['a required key absent', z.object({ a: z.string() }), {}, false],
    ['a default would fill the absent key', z.object({ a: z.string().default('x') }), {}, false],
    ['a catch would replace a bad value', z.object({ a: z.string().catch('x') }), { a: 1 }, false],
    ['a catch with a good value', z.object({ a: z.string().catch('x') }), { a: 'y' }, true],
    ['null where nullable', z.string().nullable(), null, true],
    ['an array of good items', z.array(z.number()), [1, 2], true],
    ['an array with a bad item', z.array(z.number()), [1, 'x'], false],
    ['too long an array', z.array(z.number()).max(1), [1, 2], false],
    ['an own __proto__ key', z.object({ a: z.string() }), JSON.parse('{"a":"x","__proto__":{"b":1}}'), false],
    ['a key inherited from the prototype is left to zod', z.object({ toString: z.string().optional() }), {}, false],
    ['a key only inherited from Object.prototype', z.looseObject({ constructor: z.any() }), {}, false],
    [
      'a key Object.prototype also has, given as its own',
      z.object({ constructor: z.string() }),
      JSON.parse('{"constructor":"x"}'),
      true,
    ],
    [
      'a key inherited from another prototype',
      z.looseObject({ a: z.string() }),
      Object.create({ a: 'x' }) as unknown,
      false,
    ],
    ['an optional key given as undefined', z.object({ a: z.string().optional() }), { a: undefined }, true],
    ['a required key given as undefined', z.object({ a: z.string() }), { a: undefined }, false],
    ['the first union option', z.union([z.string(), z.number()]), 1, true],
    [
      'a later option while an earlier one strips keys',
      z.union([z.object({ a: z.string() }), z.looseObject({ a: z.string() })]),
      { a: 'x', b: 1 },
      false,
    ],
    [
      'a tagged option',
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('person'), name: z.string() }),
        z.object({ kind: z.literal('unit'), unit: z.string() }),
      ]),
      { kind: 'unit', unit: '物业' },
      true,
    ],
    [
      'a tag no option has',
      z.discriminatedUnion('kind', [z.object({ kind: z.literal('person'), name: z.string() })]),
      { kind: 'unit', name: 'x' },
      false,
    ],
    ['an exclusive union is left to zod', z.xor([z.string(), z.number()]), 'x', true],
    ['a record is left to zod (a new object: ask zod)', z.record(z.string(), z.number()), { a: 1 }, false],
  ];
  for (const [name, schema, value, expected] of cases)
    it(name, () => expect(expectAgreesWithZod(schema, value)).toBe(expected));
});

/** Every table's rows as a backup holds them (scale data and its variants), and damaged copies of them. */
describe('fastCheckOf on the stored tables', () => {
  const rows = new Map<TableName, unknown[]>();
  beforeAll(async () => {
    z.config({ jitless: true });
    for await (const batch of generateDistrict(scaledConfig(0.01))) {
      const list = rows.get(batch.table) ?? [];
      for (const row of batch.rows.slice(0, 400))
        list.push(JSON.parse(JSON.stringify(batch.table === 'people' ? withoutRosterKeys(row) : row)));
      rows.set(batch.table, list);
    }
  }, 120_000);
  afterAll(() => z.config({ jitless: false }));

  it('says yes to every valid row of the scale data, and zod agrees', () => {
    let checked = 0;
    for (const [table, list] of rows) {
      for (const row of list) {
        expect(
          expectAgreesWithZod(STORE_TABLES[table].row, row),
          `${table}: ${JSON.stringify(row).slice(0, 200)}`,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(rows.size).toBeGreaterThan(15);
  });

  it('never says yes to a damaged row zod would refuse or change', () => {
    const random = seededRandom(14);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const oddValues: unknown[] = [
      '',
      ' padded ',
      'x'.repeat(70_000),
      '😀',
      '\uFFFE',
      -1,
      1.5,
      1e308,
      Number.MAX_SAFE_INTEGER + 2,
      0,
      true,
      null,
      [],
      [1],
      {},
      { kind: 'person' },
      '2026-02-30',
      '2026-12-07T10:00:00.000Z',
    ];
    let yes = 0;
    let tried = 0;
    for (const table of TABLE_NAMES) {
      const list = rows.get(table);
      if (!list) continue;
      const schema = STORE_TABLES[table].row;
      for (let n = 0; n < 150; n++) {
        const damaged = damage(structuredClone(pick(list)), random, pick, oddValues);
        if (expectAgreesWithZod(schema, damaged)) yes++;
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(2000);
    // Some damage leaves a row valid (a note replaced by another string): those are yeses zod agreed to.
    expect(yes).toBeGreaterThan(0);
    expect(yes).toBeLessThan(tried);
  });
});

/** One change somewhere in the value: a key removed, added, or given an odd value, at any depth. */
function damage(
  value: unknown,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
  oddValues: unknown[],
): unknown {
  const containers: Array<Record<string, unknown> | unknown[]> = [];
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    containers.push(v as Record<string, unknown>);
    for (const child of Object.values(v)) walk(child);
  };
  walk(value);
  const target = pick(containers);
  const keys = Object.keys(target);
  const action = random();
  if (Array.isArray(target)) {
    if (action < 0.5 && target.length > 0) target.pop();
    else target.push(pick(oddValues));
  } else if (action < 0.25 && keys.length > 0) delete target[pick(keys)];
  else if (action < 0.4) target[`extra${Math.floor(random() * 3)}`] = pick(oddValues);
  else if (keys.length > 0) target[pick(keys)] = structuredClone(pick(oddValues));
  return value;
}
