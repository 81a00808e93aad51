import { describe, expect, it } from 'vitest';
import { personSchema } from '../domain/person';
import { sampleOrgUnits } from '../../tests/fixtures/rosterOrg';
import { SAMPLE_ROSTER, sampleRosterRows } from '../../tests/fixtures/rosterFiles';
import { IMPORT_LIMITS, importRosterRows, toPeople, type ImportContext } from './importRows';
import type { RowProblem } from './problems';

const context: ImportContext = { roster: [], orgUnits: sampleOrgUnits() };
const HEADER = ['姓名', '性别', '电话', '单位', '所属小区/网格', '角色', '网格员', '人民调解员', '党员', '备注'];

/** One data row under HEADER, given as field overrides. */
function one(cells: Partial<Record<(typeof HEADER)[number], string>>, ctx: ImportContext = context) {
  const row = HEADER.map((h) => cells[h] ?? '');
  const result = importRosterRows([HEADER, row], ctx);
  expect(result.fileProblems).toEqual([]);
  expect(result.rows).toHaveLength(1);
  return result.rows[0]!;
}

const reasonsOf = (cells: Parameters<typeof one>[0]): RowProblem[] => one(cells).reasons;

describe('importRosterRows: headers', () => {
  it('reads the common header spellings', () => {
    const table = [
      [
        '序号',
        '*姓名',
        '性别（男/女）',
        '手机号码',
        '所在单位',
        '所属网格',
        '身份',
        '是否网格员',
        '调解员',
        '政治面貌',
        '备注',
      ],
      [
        '1',
        '张丽华',
        '女',
        '138 0013 8000',
        '胜兴社区居委会',
        '帝纱富仕城/第一网格',
        '居民代表、业委会代表',
        '是',
        '否',
        '中共党员',
        '楼长',
      ],
    ];
    const { rows, columns } = importRosterRows(table, context);
    expect(columns.map((c) => c.field)).toEqual([
      null,
      'name',
      'gender',
      'phone',
      'unit',
      'grid',
      'roles',
      'isGridWorker',
      'isMediator',
      'isPartyMember',
      'note',
    ]);
    expect(rows[0]).toMatchObject({
      row: 2,
      verdict: 'ok',
      reasons: [],
      person: {
        name: '张丽华',
        gender: 'female',
        phone: '13800138000',
        unit: '胜兴社区居委会',
        orgUnitId: 'g1',
        roles: ['resident', 'ownersCommittee'],
        isGridWorker: true,
        isMediator: false,
        isPartyMember: true,
        note: '楼长',
      },
    });
  });

  it.each([['电话'], ['手机'], ['联系电话'], ['联系电话（手机）']])('maps %s to the phone', (header) => {
    const { rows } = importRosterRows(
      [
        ['姓名', header],
        ['王建国', '13905468899'],
      ],
      context,
    );
    expect(rows[0]?.person.phone).toBe('13905468899');
  });

  it.each([['单位'], ['工作单位'], ['所在单位']])('maps %s to the work unit', (header) => {
    const { rows } = importRosterRows(
      [
        ['姓名', header],
        ['王建国', '垦利区住建局'],
      ],
      context,
    );
    expect(rows[0]?.person.unit).toBe('垦利区住建局');
  });

  it('finds the header below a title row and keeps sheet row numbers', () => {
    const table = [['胜兴社区议事成员名单'], [], ['姓名', '电话'], ['王建国', '13905468899'], [], ['李秀英', '']];
    const result = importRosterRows(table, context);
    expect(result.headerRow).toBe(3);
    expect(result.rows.map((r) => r.row)).toEqual([4, 6]);
  });

  it('skips blank rows and rows where only unrecognised columns have text', () => {
    const table = [
      ['序号', '姓名'],
      ['1', '王建国'],
      ['2', ''],
      ['', '  '],
      ['4', '\u200b'],
    ];
    expect(importRosterRows(table, context).rows.map((r) => r.row)).toEqual([2]);
  });

  it('reports file-level problems', () => {
    expect(importRosterRows([], context).fileProblems).toEqual([{ code: 'emptyFile' }]);
    expect(importRosterRows([['', ' '], []], context).fileProblems).toEqual([{ code: 'emptyFile' }]);
    expect(
      importRosterRows(
        [
          ['名字？', '电话'],
          ['王建国', ''],
        ],
        context,
      ).fileProblems,
    ).toEqual([{ code: 'nameHeaderMissing' }]);
    expect(
      importRosterRows(
        [
          ['姓名', '电话'],
          ['', ''],
        ],
        context,
      ).fileProblems,
    ).toEqual([{ code: 'noDataRows' }]);
    const many = [['姓名'], ...Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => [`人${i}`])];
    const tooMany = importRosterRows(many, context);
    expect(tooMany.fileProblems).toEqual([{ code: 'tooManyRows', max: 10_000, count: 10_001 }]);
    expect(tooMany.rows).toEqual([]);
  });

  it('accepts exactly the row limit', () => {
    const many = [['姓名'], ...Array.from({ length: IMPORT_LIMITS.maxRows }, (_, i) => [`人${i}`])];
    const result = importRosterRows(many, context);
    expect(result.fileProblems).toEqual([]);
    expect(result.rows).toHaveLength(IMPORT_LIMITS.maxRows);
  });
});

describe('importRosterRows: row problems', () => {
  it('nameMissing', () => expect(reasonsOf({ 电话: '13905468899' })).toEqual([{ code: 'nameMissing' }]));
  it('nameTooLong', () => expect(reasonsOf({ 姓名: '张'.repeat(31) })).toEqual([{ code: 'nameTooLong', max: 30 }]));
  it('nameInvalidChars', () =>
    expect(reasonsOf({ 姓名: '张{三}' })).toEqual([{ code: 'nameInvalidChars', value: '张{三}' }]));
  it('phoneInvalid', () => {
    expect(reasonsOf({ 姓名: '王建国', 电话: '123' })).toEqual([{ code: 'phoneInvalid', value: '123' }]);
    expect(reasonsOf({ 姓名: '王建国', 电话: '1.39055E+10' })).toEqual([
      { code: 'phoneInvalid', value: '1.39055E+10' },
    ]);
  });
  it('genderInvalid', () =>
    expect(reasonsOf({ 姓名: '王建国', 性别: '未知' })).toEqual([{ code: 'genderInvalid', value: '未知' }]));
  it('unknownRole, one reason per unknown label', () => {
    expect(reasonsOf({ 姓名: '王建国', 角色: '居民代表、队长/组长' })).toEqual([
      { code: 'unknownRole', value: '队长' },
      { code: 'unknownRole', value: '组长' },
    ]);
  });
  it('unknownOrgUnit', () =>
    expect(reasonsOf({ 姓名: '王建国', '所属小区/网格': '幸福小区' })).toEqual([
      { code: 'unknownOrgUnit', value: '幸福小区' },
    ]));
  it('ambiguousOrgUnit', () => {
    expect(reasonsOf({ 姓名: '王建国', '所属小区/网格': '第一网格' })).toEqual([
      { code: 'ambiguousOrgUnit', value: '第一网格', count: 2 },
    ]);
  });
  it('flagInvalid', () => {
    expect(reasonsOf({ 姓名: '王建国', 党员: '可能' })).toEqual([
      { code: 'flagInvalid', column: '党员', value: '可能' },
    ]);
  });
  it('unitTooLong', () =>
    expect(reasonsOf({ 姓名: '王建国', 单位: '局'.repeat(61) })).toEqual([{ code: 'unitTooLong', max: 60 }]));
  it('cellTooLong, with 备注 allowed up to a stored note', () => {
    expect(reasonsOf({ 姓名: '王建国', 单位: '局'.repeat(201) })).toEqual([
      { code: 'cellTooLong', column: '单位', max: 200 },
    ]);
    expect(reasonsOf({ 姓名: '张'.repeat(201) })).toEqual([{ code: 'cellTooLong', column: '姓名', max: 200 }]);
    expect(reasonsOf({ 姓名: '王建国', 备注: '注'.repeat(500) })).toEqual([]);
    expect(reasonsOf({ 姓名: '王建国', 备注: '注'.repeat(501) })).toEqual([
      { code: 'cellTooLong', column: '备注', max: 500 },
    ]);
  });
  it('unsafeText in any column, the name included', () => {
    expect(reasonsOf({ 姓名: '王建国', 单位: '<script>alert(1)</script>' })).toEqual([
      { code: 'unsafeText', column: '单位' },
    ]);
    expect(reasonsOf({ 姓名: '<img src=x onerror=alert(1)>' })).toEqual([{ code: 'unsafeText', column: '姓名' }]);
    expect(reasonsOf({ 姓名: '王建国', 备注: 'javascript:alert(1)' })).toEqual([
      { code: 'unsafeText', column: '备注' },
    ]);
    expect(reasonsOf({ 姓名: '王建国', 备注: '年龄<60岁' })).toEqual([]);
  });
  it('reports every problem of a row, not just the first', () => {
    const codes = reasonsOf({ 姓名: '王建国', 电话: '1', 性别: '?', 角色: '队长' }).map((r) => r.code);
    expect(codes.sort()).toEqual(['genderInvalid', 'phoneInvalid', 'unknownRole']);
  });
  it('quotes long bad values shortened', () => {
    const [reason] = reasonsOf({ 姓名: '王建国', 电话: '9'.repeat(100) });
    expect(reason).toEqual({ code: 'phoneInvalid', value: `${'9'.repeat(40)}…` });
  });
});

describe('importRosterRows: values', () => {
  it('normalises phones (spaces, dashes, +86, full-width digits)', () => {
    expect(one({ 姓名: 'a', 电话: '+86 139-0546-8899' }).person.phone).toBe('13905468899');
    expect(one({ 姓名: 'a', 电话: '１３９０５４６８８９９' }).person.phone).toBe('13905468899');
    expect(one({ 姓名: 'a', 电话: '0546-8123456' }).person.phone).toBe('05468123456');
  });
  it('reads yes/no marks and takes 网格员/调解员/党员 written among the roles', () => {
    for (const yes of ['是', '√', 'Y', '1', 'TRUE'])
      expect(one({ 姓名: 'a', 网格员: yes }).person.isGridWorker).toBe(true);
    for (const no of ['否', '', 'N', '0', '×']) expect(one({ 姓名: 'a', 网格员: no }).person.isGridWorker).toBe(false);
    const p = one({ 姓名: 'a', 角色: '居民代表 网格员，人民调解员;党员' }).person;
    expect(p).toMatchObject({ roles: ['resident'], isGridWorker: true, isMediator: true, isPartyMember: true });
  });
  it('de-duplicates roles and accepts the "两委" spellings', () => {
    expect(one({ 姓名: 'a', 角色: '"两委"成员、两委、书记、党组织书记' }).person.roles).toEqual([
      'twoCommittees',
      'secretary',
    ]);
  });
  it('locates units by path, by compound + grid columns, and by level preference', () => {
    expect(one({ 姓名: 'a', '所属小区/网格': '胜兴花园/第一网格' }).person.orgUnitId).toBe('g3');
    expect(one({ 姓名: 'a', '所属小区/网格': '胜兴社区 / 胜兴花园 ／ 第一网格' }).person.orgUnitId).toBe('g3');
    // Written as the chain reads (社区/小区), it names the compound even though a grid shares the name.
    expect(one({ 姓名: 'a', '所属小区/网格': '康居社区/康居花园' }).person.orgUnitId).toBe('p3');
    expect(one({ 姓名: 'a', '所属小区/网格': '康居花园/康居花园' }).person.orgUnitId).toBe('g4');
    expect(one({ 姓名: 'a', '所属小区/网格': '胜兴社区/第一网格' }).reasons).toEqual([
      { code: 'ambiguousOrgUnit', value: '胜兴社区/第一网格', count: 2 },
    ]);
    expect(one({ 姓名: 'a', '所属小区/网格': '帝纱富仕城' }).person.orgUnitId).toBe('p1');
    // A grid named like its compound: a generic column prefers the grid.
    expect(one({ 姓名: 'a', '所属小区/网格': '康居花园' }).person.orgUnitId).toBe('g4');
    const both = importRosterRows(
      [
        ['姓名', '所属小区', '所属网格'],
        ['a', '帝纱富仕城', '第二网格'],
        ['b', '康居花园', ''],
      ],
      context,
    );
    expect(both.rows.map((r) => r.person.orgUnitId)).toEqual(['g2', 'p3']);
  });
  it('takes the first non-blank of several columns for one field', () => {
    const { rows } = importRosterRows(
      [
        ['姓名', '手机', '电话'],
        ['a', '', '0546-8123456'],
        ['b', '13905468899', '0546-8123456'],
      ],
      context,
    );
    expect(rows.map((r) => r.person.phone)).toEqual(['05468123456', '13905468899']);
  });
  it('restores cells our CSV export neutralised', () => {
    expect(one({ 姓名: 'a', 备注: "'=见附件" }).person.note).toBe('=见附件');
  });
});

describe('importRosterRows: duplicates', () => {
  it('flags repeats within the file, pointing at the first row', () => {
    const table = [
      ['姓名', '电话'],
      ['王建国', '13905468899'],
      ['王建国', '139 0546 8899'],
      ['王建国', ''],
      ['王建国', '13905468899'],
    ];
    const { rows } = importRosterRows(table, context);
    expect(rows.map((r) => r.verdict)).toEqual(['ok', 'duplicate', 'ok', 'duplicate']);
    expect(rows[1]?.reasons).toEqual([{ code: 'duplicateInFile', firstRow: 2 }]);
    expect(rows[3]?.reasons).toEqual([{ code: 'duplicateInFile', firstRow: 2 }]);
  });
  it('flags people already on the roster', () => {
    const roster = [{ name: '王建国', phone: '139-0546-8899' }, { name: '李秀英' }];
    const { rows } = importRosterRows(
      [
        ['姓名', '电话'],
        ['王建国', '13905468899'],
        ['李秀英', ''],
        ['李秀英', '13800138000'],
      ],
      { ...context, roster },
    );
    expect(rows.map((r) => r.reasons)).toEqual([[{ code: 'duplicateInRoster' }], [{ code: 'duplicateInRoster' }], []]);
  });
  it('does not call a row with an unreadable phone a duplicate', () => {
    const roster = [{ name: '李秀英' }];
    const { rows } = importRosterRows(
      [
        ['姓名', '电话'],
        ['李秀英', '123'],
        ['李秀英', '123'],
      ],
      { ...context, roster },
    );
    expect(rows.map((r) => r.reasons)).toEqual([
      [{ code: 'phoneInvalid', value: '123' }],
      [{ code: 'phoneInvalid', value: '123' }],
    ]);
  });
  it('an erroneous duplicate is an error, and still carries the duplicate reason', () => {
    const { rows } = importRosterRows(
      [
        ['姓名', '性别'],
        ['王建国', ''],
        ['王建国', '?'],
      ],
      context,
    );
    expect(rows[1]?.verdict).toBe('error');
    expect(rows[1]?.reasons.map((r) => r.code)).toEqual(['genderInvalid', 'duplicateInFile']);
  });
});

describe('the sample roster fixture and toPeople', () => {
  const orgNames = ['帝纱富仕城', '胜兴花园', '康居花园', '帝纱富仕城/第二网格'];

  it('has four importable rows and one bad phone', () => {
    const { rows, fileProblems } = importRosterRows(sampleRosterRows(orgNames), context);
    expect(fileProblems).toEqual([]);
    expect(rows.filter((r) => r.verdict === 'ok').map((r) => r.person.name)).toEqual(SAMPLE_ROSTER.goodNames);
    const bad = rows.filter((r) => r.verdict !== 'ok');
    expect(bad).toHaveLength(SAMPLE_ROSTER.bad);
    expect(bad[0]).toMatchObject({
      row: SAMPLE_ROSTER.badRow,
      reasons: [{ code: 'phoneInvalid', value: SAMPLE_ROSTER.badPhone }],
    });
  });

  it('builds schema-valid people with ids, initials and timestamps from ok rows only', () => {
    const { rows } = importRosterRows(sampleRosterRows(orgNames), context);
    let n = 0;
    const people = toPeople(rows, '2026-11-10T09:00:00.000Z', () => `id-${++n}`);
    expect(people).toHaveLength(4);
    for (const p of people) expect(personSchema.safeParse(p).success).toBe(true);
    expect(people[0]).toMatchObject({
      id: 'id-1',
      name: '苗春生',
      initials: 'mcs',
      createdAt: '2026-11-10T09:00:00.000Z',
      orgUnitId: 'p1',
    });
    expect(people[1]).toMatchObject({ phone: '13905465678', isPartyMember: true, roles: ['ownersCommittee'] });
    expect(people[3]).toMatchObject({ orgUnitId: 'g2', isMediator: true, roles: ['property'] });
    expect(Object.values(people[0]!).some((v) => v === undefined)).toBe(false);
  });
});
