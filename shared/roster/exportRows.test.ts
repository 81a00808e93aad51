import { describe, expect, it } from 'vitest';
import type { Person } from '../domain/person';
import { sampleOrgUnits } from '../../tests/fixtures/rosterOrg';
import { parseCsv, writeCsv } from './csv';
import { exportRosterRows } from './exportRows';
import { importRosterRows, toPeople } from './importRows';

const units = sampleOrgUnits();

function person(fields: Partial<Person> & Pick<Person, 'name'>): Person {
  return {
    id: `id-${fields.name}`,
    roles: [],
    isGridWorker: false,
    isMediator: false,
    isPartyMember: false,
    initials: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

const roster: Person[] = [
  person({
    name: '张丽华',
    gender: 'female',
    phone: '13800138000',
    unit: '胜兴社区居委会',
    orgUnitId: 'g1',
    roles: ['secretary', 'twoCommittees'],
    isPartyMember: true,
  }),
  person({
    name: '王建国',
    gender: 'male',
    phone: '05468123456',
    orgUnitId: 'g3',
    roles: ['resident'],
    isGridWorker: true,
    note: '楼长，"热心"',
  }),
  person({
    name: '李秀英',
    orgUnitId: 'p3',
    roles: ['ownersCommittee', 'property', 'coBuilding', 'stakeholder'],
    isMediator: true,
  }),
  person({ name: '刘海涛', orgUnitId: 'g4', roles: [], note: '=SUM(A1)' }),
  person({ name: '陈志强', unit: '+86 联系处', orgUnitId: 'gone' }),
];

const COMPARED = [
  'name',
  'gender',
  'phone',
  'unit',
  'orgUnitId',
  'roles',
  'isGridWorker',
  'isMediator',
  'isPartyMember',
  'note',
] as const;
const comparable = (p: Partial<Person>) => Object.fromEntries(COMPARED.map((k) => [k, p[k]]));

describe('exportRosterRows', () => {
  it('writes the Chinese headers and readable values', () => {
    const rows = exportRosterRows(roster, units);
    expect(rows[0]).toEqual([
      '姓名',
      '性别',
      '电话',
      '单位',
      '所属小区/网格',
      '角色',
      '网格员',
      '人民调解员',
      '党员',
      '备注',
    ]);
    expect(rows[1]).toEqual([
      '张丽华',
      '女',
      '13800138000',
      '胜兴社区居委会',
      '帝纱富仕城/第一网格',
      '党组织书记、“两委”成员',
      '否',
      '否',
      '是',
      '',
    ]);
    // The shortest path that still names the right unit.
    expect(rows.slice(1).map((r) => r[4])).toEqual([
      '帝纱富仕城/第一网格',
      '胜兴花园/第一网格',
      '康居社区/康居花园',
      '康居花园',
      '',
    ]);
  });

  it.each([
    ['directly', (rows: string[][]) => rows],
    ['through CSV text', (rows: string[][]) => parseCsv(writeCsv(rows))],
  ])('round-trips %s: the same people, flagged as already on the roster', (_, carry) => {
    const table = carry(exportRosterRows(roster, units));
    const again = importRosterRows(table, { roster, orgUnits: units });
    expect(again.fileProblems).toEqual([]);
    expect(again.rows.map((r) => r.reasons)).toEqual(roster.map(() => [{ code: 'duplicateInRoster' }]));

    const fresh = importRosterRows(table, { roster: [], orgUnits: units });
    expect(fresh.rows.every((r) => r.verdict === 'ok')).toBe(true);
    const people = toPeople(fresh.rows, '2026-11-10T00:00:00.000Z', () => 'x');
    const expected = roster.map((p) =>
      comparable({ ...p, orgUnitId: p.orgUnitId === 'gone' ? undefined : p.orgUnitId }),
    );
    expect(people.map(comparable)).toEqual(expected);
  });
});
