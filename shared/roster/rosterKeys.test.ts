import { describe, expect, it } from 'vitest';
import { sortForRoster, type Person } from '../domain/person';
import { ROSTER_ROLES } from '../domain/roles';
import { seededRandom } from '../random';
import {
  KEY_SEPARATOR,
  gramRange,
  planRosterQuery,
  rosterGrams,
  withRosterKeys,
  withoutRosterKeys,
} from './rosterKeys';

type Row = Pick<Person, 'id' | 'name' | 'initials' | 'phone' | 'unit' | 'roles'>;

describe('roster keys', () => {
  it('stores each 1- and 2-character piece, 3-digit phone pieces and the roles', () => {
    const grams = rosterGrams({ name: '张丽华', initials: 'zlh', phone: '139-0546', unit: 'Ab', roles: ['resident'] });
    expect(grams.sort()).toEqual(
      [
        't张',
        't丽',
        't华',
        't张丽',
        't丽华',
        'tz',
        'tl',
        'th',
        'tzl',
        'tlh',
        'tb',
        'p139',
        'p390',
        'p905',
        'p054',
        'p546',
        'r4',
      ].sort(),
    );
  });

  it('answers short queries from one range and longer ones from candidates', () => {
    expect(planRosterQuery('张')).toEqual({ exact: ['t张'], candidates: [] });
    expect(planRosterQuery('张丽华')).toEqual({ exact: [], candidates: [['t张丽', 't丽华']] });
    expect(planRosterQuery('139')).toEqual({ exact: ['p139'], candidates: [['t13', 't39']] });
    expect(planRosterQuery('1390')).toEqual({
      exact: [],
      candidates: [
        ['t13', 't39', 't90'],
        ['p139', 'p390'],
      ],
    });
  });

  it('sorts by its keys in the order sortForRoster gives, on random rosters', () => {
    const random = seededRandom(5);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const text = (n: number) =>
      Array.from({ length: 1 + Math.floor(random() * n) }, () => pick(['张', '王', 'a', 'b', 'z'])).join('');
    for (let round = 0; round < 30; round++) {
      const rows: Row[] = Array.from({ length: 60 }, (_, i) => ({
        id: String(i).padStart(3, '0'),
        name: text(3),
        initials: text(3).replace(/[^a-z]/g, ''),
        roles: ROSTER_ROLES.filter(() => random() < 0.2),
      }));
      const byKeys = rows
        .map((r) => withRosterKeys(r))
        .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1));
      expect(byKeys.map((r) => r.id)).toEqual(sortForRoster(rows).map((r) => r.id));
    }
  });

  it('puts every entry of a gram in its range, and no other', () => {
    const person = withRosterKeys({ name: '王a', initials: 'wa', roles: ['secretary'] });
    const [lower, upper] = gramRange('tw');
    expect(person.rosterKeys.filter((k) => k >= lower && k < upper)).toEqual([`tw${KEY_SEPARATOR}${person.sortKey}`]);
    expect(withoutRosterKeys(person)).toEqual({ name: '王a', initials: 'wa', roles: ['secretary'] });
  });
});
