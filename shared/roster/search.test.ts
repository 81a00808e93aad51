import { describe, expect, it } from 'vitest';
import { personMatches, type Person } from '../domain/person';
import { ROSTER_ROLES } from '../domain/roles';
import { seededRandom } from '../random';
import { buildRosterSearchIndex, normalizeRosterQuery, searchRoster } from './search';

type Row = Pick<Person, 'id' | 'name' | 'initials' | 'phone' | 'unit' | 'roles'>;

const people: Row[] = [
  { id: '1', name: '张三', initials: 'zs', phone: '139 0546 1234', roles: ['secretary'] },
  { id: '2', name: '李四', initials: 'ls', unit: '胜兴社区居委会', roles: ['resident'] },
  { id: '3', name: '张丽华', initials: 'zlh', phone: '0546-8123456', unit: '供电公司', roles: [] },
  { id: '4', name: 'Anna', initials: 'anna', roles: ['stakeholder'] },
];

const names = (result: { people: readonly Row[] }) => result.people.map((p) => p.name);

describe('roster search index', () => {
  const index = buildRosterSearchIndex(people);

  it('finds people by name, pinyin initials, unit and phone digits', () => {
    expect(names(searchRoster(index, 'zs'))).toEqual(['张三']);
    expect(names(searchRoster(index, 'ZLH '))).toEqual(['张丽华']);
    expect(names(searchRoster(index, '张'))).toEqual(['张三', '张丽华']);
    expect(names(searchRoster(index, '社区'))).toEqual(['李四']);
    expect(names(searchRoster(index, '0546'))).toEqual(['张三', '张丽华']);
    expect(names(searchRoster(index, '90546'))).toEqual(['张三']);
    expect(names(searchRoster(index, '王'))).toEqual([]);
  });

  it('keeps the order given and applies the extra filter', () => {
    expect(searchRoster(index, '').people).toBe(index.people);
    expect(names(searchRoster(index, '', (p) => p.roles.length > 0))).toEqual(['张三', '李四', 'Anna']);
    expect(names(searchRoster(index, 's', (p) => p.roles.includes('resident')))).toEqual(['李四']);
  });

  it('lists the roles the people found hold between them, in 6+N order', () => {
    expect(searchRoster(index, '').roles).toEqual(['secretary', 'resident', 'stakeholder']);
    expect(searchRoster(index, 's').roles).toEqual(['secretary', 'resident']);
    expect(searchRoster(index, '张').roles).toEqual(['secretary']);
    expect(searchRoster(index, '王').roles).toEqual([]);
  });

  it('compares digits with phones only from three digits on, as personMatches does', () => {
    expect(names(searchRoster(index, '13'))).toEqual([]);
    expect(names(searchRoster(index, '139'))).toEqual(['张三']);
  });

  it('normalises the query by trimming and lower-casing', () => {
    expect(normalizeRosterQuery('  ZS ')).toBe('zs');
  });

  it('matches exactly the people personMatches matches, on random rosters and queries', () => {
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const chars = ['张', '王', '丽', '华', '社', '区', 'z', 'l', 'h', 'W', '1', '3', '0', '5', '4', '6', ' ', '-'];
    const text = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => pick(chars)).join('');
    for (let round = 0; round < 50; round++) {
      const roster: Row[] = Array.from({ length: 40 }, (_, i) => ({
        id: String(i),
        name: text(4) || '某',
        initials: text(4).toLowerCase(),
        phone: random() < 0.5 ? text(14) : undefined,
        unit: random() < 0.5 ? text(6) : undefined,
        roles: ROSTER_ROLES.filter(() => random() < 0.15),
      }));
      const built = buildRosterSearchIndex(roster);
      for (let k = 0; k < 20; k++) {
        // Every other query digits only: phone numbers are searched from three digits on.
        const query =
          k % 2 === 0
            ? text(5)
            : Array.from({ length: 2 + (k % 4) }, () => pick(['0', '1', '3', '4', '5', '6'])).join('');
        const expected = roster.filter((p) => personMatches(p, query));
        const result = searchRoster(built, query);
        expect(result.people).toEqual(expected);
        expect(result.roles).toEqual(ROSTER_ROLES.filter((r) => expected.some((p) => p.roles.includes(r))));
      }
    }
  });
});
