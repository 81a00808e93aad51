import { describe, expect, it } from 'vitest';
import {
  byRosterOrder,
  sortForRoster,
  duplicateKey,
  isValidPhone,
  normalizePhone,
  personMatches,
  personSchema,
} from './person';
import { parseRosterRole, standingCoverage } from './roles';

const base = {
  id: 'p',
  name: '张丽华',
  roles: ['secretary'],
  isGridWorker: false,
  isMediator: false,
  isPartyMember: true,
  initials: 'zlh',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

describe('phones', () => {
  it.each(['13905461234', '139 0546 1234', '+86 139-0546-1234', '0546-8123456', '05468123456', '8123456'])(
    'accepts %s',
    (p) => expect(isValidPhone(p)).toBe(true),
  );
  it.each(['12345', '2390546123', '1390546123a', '139054612345', '', '0546-12'])('rejects %s', (p) =>
    expect(isValidPhone(p)).toBe(false),
  );
  it('normalises spaces, dashes, full-width digits and the country code', () => {
    expect(normalizePhone('+86 139-0546 1234')).toBe('13905461234');
    expect(normalizePhone('１３９０５４６１２３４')).toBe('13905461234');
  });
});

describe('person schema', () => {
  it('accepts a complete person', () => expect(personSchema.safeParse(base).success).toBe(true));
  it('rejects a missing name, a bad phone, markup in the name and an unknown role', () => {
    expect(personSchema.safeParse({ ...base, name: ' ' }).success).toBe(false);
    expect(personSchema.safeParse({ ...base, phone: '123' }).success).toBe(false);
    expect(personSchema.safeParse({ ...base, name: '<script>' }).success).toBe(false);
    expect(personSchema.safeParse({ ...base, roles: ['mayor'] }).success).toBe(false);
  });
});

describe('search and duplicates', () => {
  const p = { name: '张丽华', initials: 'zlh', phone: '139 0546 1234', unit: '垦利供电中心' };
  it('matches by name, initials, unit and phone digits', () => {
    expect(personMatches(p, '丽华')).toBe(true);
    expect(personMatches(p, 'ZLH')).toBe(true);
    expect(personMatches(p, '供电')).toBe(true);
    expect(personMatches(p, '0546')).toBe(true);
    expect(personMatches(p, '王')).toBe(false);
    expect(personMatches(p, '')).toBe(true);
  });
  it('treats the same name and phone as the same person, whatever the spacing', () => {
    expect(duplicateKey({ name: '张丽华 ', phone: '139-0546-1234' })).toBe(
      duplicateKey({ name: '张丽华', phone: '13905461234' }),
    );
    expect(duplicateKey({ name: '张丽华', phone: '13905461234' })).not.toBe(duplicateKey({ name: '张丽华' }));
  });
});

describe('6+N roles', () => {
  it('reads the labels secretaries type', () => {
    expect(parseRosterRole('“两委”成员')).toBe('twoCommittees');
    expect(parseRosterRole('物业')).toBe('property');
    expect(parseRosterRole(' 居民代表 ')).toBe('resident');
    expect(parseRosterRole('resident')).toBe('resident');
    expect(parseRosterRole('村长')).toBeNull();
  });
  it('lists covered and missing standing categories in sheet order', () => {
    expect(standingCoverage([['secretary', 'twoCommittees'], ['stakeholder'], ['property']])).toEqual({
      covered: ['secretary', 'twoCommittees', 'property'],
      missing: ['ownersCommittee', 'resident', 'coBuilding'],
    });
  });
});

describe('roster order', () => {
  it('puts the standing roles first in 6+N order, then sorts by pinyin', () => {
    const people = [
      { name: '王五', initials: 'ww', roles: ['stakeholder' as const] },
      { name: '李四', initials: 'ls', roles: ['resident' as const] },
      { name: '张三', initials: 'zs', roles: ['resident' as const, 'secretary' as const] },
      { name: '陈六', initials: 'cl', roles: ['resident' as const] },
      { name: '无角色', initials: 'wjs', roles: [] },
    ];
    expect([...people].sort(byRosterOrder).map((p) => p.name)).toEqual(['张三', '陈六', '李四', '王五', '无角色']);
    expect(sortForRoster(people).map((p) => p.name)).toEqual(['张三', '陈六', '李四', '王五', '无角色']);
  });
});
