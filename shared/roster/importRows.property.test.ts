import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKey, personSchema, type Person } from '../domain/person';
import { ROSTER_ROLES, ROSTER_ROLE_LABELS_ZH } from '../domain/roles';
import { sampleOrgUnits } from '../../tests/fixtures/rosterOrg';
import { parseCsv, writeCsv } from './csv';
import { exportRosterRows } from './exportRows';
import { importRosterRows, toPeople } from './importRows';
import { DUPLICATE_CODES } from './problems';

const units = sampleOrgUnits();
const HEADERS = [
  '姓名',
  '性别',
  '电话',
  '手机',
  '单位',
  '所属小区',
  '所属网格',
  '所属小区/网格',
  '角色',
  '身份',
  '网格员',
  '人民调解员',
  '党员',
  '备注',
  '序号',
  '*姓名',
];

const cell = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '男',
    '女',
    '是',
    '否',
    '√',
    '张丽华',
    '王建国',
    '13800138000',
    '0546-8123456',
    '123',
    '第一网格',
    '帝纱富仕城/第一网格',
    '康居花园',
  ),
  fc.constantFrom(...Object.values(ROSTER_ROLE_LABELS_ZH), '居民代表、党员', '队长'),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '{{value}}',
    '\\',
    "'=1+1",
    '=HYPERLINK("x")',
  ),
  fc.string({ minLength: 190, maxLength: 600 }),
  fc.constantFrom('true', 'false', 'null', 'undefined', 'NaN', '[object Object]', '1e21', '-0', '2026-11-10'),
  fc.double().map(String),
);
const row = fc.array(cell, { maxLength: 12 });
/** Mostly a recognisable header (so rows get parsed), sometimes anything at all. */
const headerRow = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.shuffledSubarray(HEADERS), fc.nat())
      .map(([hs, at]) => hs.toSpliced(at % (hs.length + 1), 0, '姓名')),
  },
  { weight: 1, arbitrary: row },
);
const table = fc
  .tuple(fc.array(row, { maxLength: 3 }), headerRow, fc.array(row, { maxLength: 25 }))
  .map(([above, header, body]) => [...above, header, ...body]);
const rosterEntries = fc.array(
  fc.record({
    name: fc.constantFrom('张丽华', '王建国', ''),
    phone: fc.option(fc.constantFrom('13800138000', ''), { nil: undefined }),
  }),
  { maxLength: 3 },
);

describe('importRosterRows on arbitrary tables', () => {
  it('never throws, and every row is either valid or explains itself', () => {
    let cases = 0;
    let rowsChecked = 0;
    let okRows = 0;
    fc.assert(
      fc.property(table, rosterEntries, (rows, roster) => {
        cases++;
        const result = importRosterRows(rows, { roster, orgUnits: units });
        let previous = 0;
        for (const verdict of result.rows) {
          rowsChecked++;
          expect(verdict.row).toBeGreaterThan(previous);
          previous = verdict.row;
          if (verdict.verdict === 'ok') {
            okRows++;
            expect(verdict.reasons).toEqual([]);
            const candidate = { ...verdict.person, id: 'x', initials: '', createdAt: '', updatedAt: '' };
            expect(personSchema.safeParse(candidate).success).toBe(true);
          } else {
            expect(verdict.reasons.length).toBeGreaterThan(0);
            const onlyDuplicates = verdict.reasons.every((r) => DUPLICATE_CODES.has(r.code));
            expect(verdict.verdict).toBe(onlyDuplicates ? 'duplicate' : 'error');
          }
        }
        const okCount = result.rows.filter((r) => r.verdict === 'ok').length;
        expect(toPeople(result.rows, '2026-11-10T00:00:00.000Z', () => 'id')).toHaveLength(okCount);
      }),
      { numRuns: 300 },
    );
    console.log(`roster import property: ${cases} tables, ${rowsChecked} rows checked, ${okRows} of them importable`);
    expect(cases).toBe(300);
  });
});

const hanzi = fc.constantFrom(
  ...'张王李刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文丽华建国秀英海涛志强明远春生',
);
const text = (min: number, max: number) => fc.array(hanzi, { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const phone = fc.oneof(
  fc.tuple(fc.constantFrom('13', '15', '18', '19'), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => a + b),
  fc.stringMatching(/^\d{7,8}$/).map((n) => `0546${n}`),
);
const person = fc.record(
  {
    name: text(1, 6),
    gender: fc.constantFrom('male' as const, 'female' as const),
    phone,
    unit: text(1, 20),
    orgUnitId: fc.constantFrom(...units.map((u) => u.id)),
    roles: fc.subarray([...ROSTER_ROLES]),
    isGridWorker: fc.boolean(),
    isMediator: fc.boolean(),
    isPartyMember: fc.boolean(),
    note: fc.oneof(text(1, 30), fc.constantFrom('=SUM(A1)', '说明: "加急", 第二行\n续', '+86')),
  },
  { requiredKeys: ['name', 'roles', 'isGridWorker', 'isMediator', 'isPartyMember'] },
);

describe('export then import', () => {
  it('gives back the same people for any valid roster, through CSV text', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.uniqueArray(person, { selector: duplicateKey, maxLength: 15 }), (drafts) => {
        cases++;
        const roster = drafts.map((d, i) =>
          personSchema.parse({ ...d, id: `p${i}`, initials: '', createdAt: '', updatedAt: '' }),
        ) as Person[];
        const table = parseCsv(writeCsv(exportRosterRows(roster, units)));
        const result = importRosterRows(table, { roster: [], orgUnits: units });
        const people = toPeople(result.rows, '', () => 'x');
        const strip = (p: Person) => ({ ...p, id: 'x', initials: '', createdAt: '', updatedAt: '' });
        expect(people.map(strip)).toEqual(roster.map(strip));
      }),
      { numRuns: 200 },
    );
    console.log(`roster round-trip property: ${cases} rosters`);
  });
});
