import { beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { addPeople, deletePerson, savePerson } from './peopleRepo';
import { RosterReader, clampOffset, watchPeople, type RosterFilter } from './rosterQuery';
import { personMatches, sortForRoster, type Person } from '../../../shared/domain/person';
import { ROSTER_ROLES, type RosterRole } from '../../../shared/domain/roles';
import { pinyinInitials } from '../../../shared/pinyin';
import { seededRandom } from '../../../shared/random';
import { GIVEN_NAMES, SURNAMES, UNITS_COBUILDING, UNITS_PROPERTY } from '../../../shared/demo/pools';

const PEOPLE = 30_000;
const UNITS = Array.from({ length: 20 }, (_, c) => [`c${c}`, ...Array.from({ length: 6 }, (_, k) => `c${c}-p${k}`)]);

/** A district's roster, as the bench generates it: mostly residents, a few of each standing role. */
function district(count: number, seed: number): Person[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const initials = new Map<string, string>();
  const at = '2026-01-01T00:00:00.000Z';
  return Array.from({ length: count }, (_, i) => {
    const name = pick(SURNAMES) + pick(GIVEN_NAMES) + (random() < 0.4 ? pick(GIVEN_NAMES) : '');
    if (!initials.has(name)) initials.set(name, pinyinInitials(name));
    const x = random();
    const role: RosterRole =
      x < 0.01
        ? 'secretary'
        : x < 0.05
          ? 'twoCommittees'
          : x < 0.1
            ? 'ownersCommittee'
            : x < 0.13
              ? 'property'
              : x < 0.73
                ? 'resident'
                : x < 0.8
                  ? 'coBuilding'
                  : 'stakeholder';
    const roles: RosterRole[] = role === 'twoCommittees' && random() < 0.3 ? [role, 'resident'] : [role];
    const phone = random() < 0.85 ? `1${3 + Math.floor(random() * 7)}${String(random()).slice(2, 11)}` : undefined;
    const unit =
      role === 'property' ? pick(UNITS_PROPERTY) : role === 'coBuilding' ? pick(UNITS_COBUILDING) : undefined;
    const orgUnitId = random() < 0.98 ? pick(pick(UNITS)) : undefined;
    return {
      // Not in roster order: ids are given out as people are added.
      id: `p${String(Math.floor(random() * 1e9)).padStart(9, '0')}-${i}`,
      name,
      ...(phone ? { phone } : {}),
      ...(unit ? { unit } : {}),
      ...(orgUnitId ? { orgUnitId } : {}),
      roles,
      isGridWorker: false,
      isMediator: false,
      isPartyMember: random() < 0.2,
      initials: initials.get(name) as string,
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** What the roster showed before it read from indexes: everyone, sorted, filtered one by one. */
function scan(people: readonly Person[], filter: RosterFilter): Person[] {
  return inRosterOrder(people).filter(
    (p) =>
      personMatches(p, filter.query) &&
      (!filter.role || p.roles.includes(filter.role)) &&
      (!filter.unitIds || (p.orgUnitId !== undefined && filter.unitIds.has(p.orgUnitId))),
  );
}

const sortedOnce = new WeakMap<readonly Person[], Person[]>();
function inRosterOrder(people: readonly Person[]): Person[] {
  let sorted = sortedOnce.get(people);
  if (!sorted) {
    // The rows came in key order (toArray) and the sort is stable: equal names stay in id order.
    sorted = sortForRoster([...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    sortedOnce.set(people, sorted);
  }
  return sorted;
}

const rolesOf = (people: readonly Person[]) => ROSTER_ROLES.filter((r) => people.some((p) => p.roles.includes(r)));
const none: RosterFilter = { query: '', unitIds: null, role: null };

describe('the roster read from its indexes, 30,000 people', () => {
  let db: YishiDb;
  let people: Person[];
  beforeAll(async () => {
    db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
    people = district(PEOPLE, 14);
    const started = performance.now();
    await addPeople(db, people);
    console.log(`30,000 people stored in fake-indexeddb in ${Math.round(performance.now() - started)} ms`);
  }, 300_000);

  /** Reads every page of `filter` and checks them against the scan. */
  async function expectPaged(filter: RosterFilter, pageSize: number) {
    const expected = scan(people, filter);
    const reader = new RosterReader(db);
    const seen: Person[] = [];
    for (let offset = 0; offset < Math.max(1, expected.length); offset += pageSize) {
      const view = await reader.page(filter, offset, pageSize);
      expect(view.total).toBe(expected.length);
      expect(view.offset).toBe(offset);
      expect(view.roles).toEqual(rolesOf(expected));
      seen.push(...view.rows);
    }
    expect(seen.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    // The quick first rows of a page, where one range holds them, are the page's rows.
    const quick = await reader.quickRows(filter, 0, 20);
    if (quick) expect(quick.rows).toEqual(expected.slice(0, 20));
    // The rows as the app knows them: the stored keys stay in the database.
    expect(seen.slice(0, 50)).toEqual(expected.slice(0, 50));
  }

  it('pages the whole roster in roster order, and counts it', async () => {
    await expectPaged(none, 3_000);
    const reader = new RosterReader(db);
    const second = await reader.page(none, 20, 20);
    expect(second.rows.map((p) => p.id)).toEqual(
      scan(people, none)
        .slice(20, 40)
        .map((p) => p.id),
    );
  }, 120_000);

  it('pages each role, each unit and units with the units below them', async () => {
    for (const role of ROSTER_ROLES) await expectPaged({ ...none, role }, 2_000);
    await expectPaged({ ...none, unitIds: new Set(['c3-p2']) }, 20);
    await expectPaged({ ...none, unitIds: new Set(UNITS[5]) }, 200);
    await expectPaged({ ...none, unitIds: new Set(UNITS[5]), role: 'coBuilding' }, 20);
    await expectPaged({ query: 'w', unitIds: new Set(UNITS[7]), role: 'resident' }, 50);
  }, 120_000);

  it('finds by the index exactly whom a scan finds, on random queries', async () => {
    const random = seededRandom(2026);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const reader = new RosterReader(db);
    for (let k = 0; k < 60; k++) {
      const person = pick(people);
      const kind = k % 6;
      const from =
        kind === 0
          ? person.name
          : kind === 1
            ? person.initials.toUpperCase()
            : kind === 2
              ? (person.phone ?? '13')
              : kind === 3
                ? (person.unit ?? pick(UNITS_PROPERTY))
                : kind === 4
                  ? 'abcdefghijklmnopqrstuvwxyz'
                  : '0123456789';
      const start = Math.floor(random() * from.length);
      const query = ` ${from.slice(start, start + 1 + Math.floor(random() * 5))} `;
      const filter: RosterFilter = {
        query,
        unitIds: k % 5 === 0 ? new Set(pick(UNITS)) : null,
        role: k % 7 === 0 ? pick(ROSTER_ROLES) : null,
      };
      const expected = scan(people, filter);
      expect(await reader.matchingIds(filter), JSON.stringify(filter.query)).toEqual(expected.map((p) => p.id));
      const view = await reader.page(filter, 0, 20);
      expect(view.total).toBe(expected.length);
      expect(view.roles).toEqual(rolesOf(expected));
      expect(view.rows).toEqual(expected.slice(0, 20));
      const quick = await reader.quickRows(filter, 20, 20);
      if (quick) expect(quick.rows).toEqual(expected.slice(20, 40));
    }
  }, 240_000);

  it('exports everyone the filter lets through, in roster order', async () => {
    const filter: RosterFilter = { query: '李', unitIds: null, role: null };
    expect(await new RosterReader(db).people(filter)).toEqual(scan(people, filter));
  });

  it('keeps the keys right through edits and deletions, and observes them in a new reader', async () => {
    const target = people.find((p) => p.roles[0] === 'resident') as Person;
    const saved = await savePerson(db, { ...target, name: '欧阳娜娜', roles: ['secretary'] });
    expect(saved.ok).toBe(true);
    people = people.map((p) => (p.id === target.id ? (saved as { person: Person }).person : p));
    const reader = new RosterReader(db);
    expect((await reader.page({ ...none, query: 'oyn' }, 0, 20)).rows.map((p) => p.id)).toContain(target.id);
    const first = await reader.page({ ...none, role: 'secretary' }, 0, 5_000);
    expect(first.rows.map((p) => p.id)).toEqual(scan(people, { ...none, role: 'secretary' }).map((p) => p.id));
    await deletePerson(db, target.id);
    people = people.filter((p) => p.id !== target.id);
    expect(await new RosterReader(db).matchingIds({ ...none, query: '欧阳' })).toEqual(
      scan(people, { ...none, query: '欧阳' }).map((p) => p.id),
    );
    expect((await new RosterReader(db).page(none, 0, 1)).total).toBe(people.length);
  }, 60_000);
});

describe("a reader's quick pages", () => {
  it('answers a page asked again (a letter typed, deleted, typed) from what it read, a new reader afresh', async () => {
    const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
    const people = district(300, 3);
    await addPeople(db, people);
    const reader = new RosterReader(db);
    const filter: RosterFilter = { ...none, query: 'w' };
    const first = await reader.quickRows(filter, 0, 20);
    expect(first?.rows.length).toBeGreaterThan(0);
    const everyone = await reader.quickRows(none, 0, 20);
    // Gone from the database behind the reader's back: the same reader still shows what it read
    // (the roster makes a new reader on every write to people), a new one reads again.
    const gone = first!.rows[0]!.id;
    await db.people.delete(gone);
    expect(await reader.quickRows({ ...none, query: ' W ' }, 0, 20)).toBe(first);
    expect(await reader.quickRows(none, 0, 20)).toBe(everyone);
    const fresh = await new RosterReader(db).quickRows(filter, 0, 20);
    expect(fresh?.rows.map((p) => p.id)).not.toContain(gone);
    expect(fresh?.rows.map((p) => p.id)).toEqual(
      scan(
        people.filter((p) => p.id !== gone),
        filter,
      )
        .slice(0, 20)
        .map((p) => p.id),
    );
  });
});

describe("a reader's read-ahead", () => {
  it('reads the first page of every letter at idle moments, answered from memory after; stops when asked', async () => {
    const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
    const people = district(300, 3);
    await addPeople(db, people);
    const reader = new RosterReader(db);
    let moments = 0;
    await reader.prefetch(
      20,
      async () => void moments++,
      () => false,
    );
    expect(moments).toBe(26);
    const stopped = new RosterReader(db);
    let asked = 0;
    await stopped.prefetch(
      20,
      async () => void asked++,
      () => asked > 3,
    );
    expect(asked).toBe(4);
    // With the database closed, the letters read ahead are still answered, and as read then;
    // a search not read ahead is not.
    const expected = new Map<string, string[]>();
    for (const letter of ['w', 'z', 'a']) {
      const filter: RosterFilter = { ...none, query: letter };
      expected.set(
        letter,
        scan(people, filter)
          .slice(0, 20)
          .map((p) => p.id),
      );
    }
    db.close();
    for (const [letter, ids] of expected) {
      const page = await reader.quickRows({ ...none, query: letter }, 0, 20);
      expect(
        page?.rows.map((p) => p.id),
        letter,
      ).toEqual(ids);
    }
    await expect(reader.quickRows({ ...none, query: 'wa' }, 0, 20)).rejects.toThrow();
    await expect(stopped.quickRows({ ...none, query: 'z' }, 0, 20)).rejects.toThrow();
  });
});

describe('watchPeople', () => {
  it('tells of every write to people, and of nothing else', async () => {
    const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
    let told = 0;
    const stop = watchPeople(db, () => told++);
    const settled = () => new Promise((r) => setTimeout(r, 50));
    const person = { roles: [], isGridWorker: false, isMediator: false, isPartyMember: false };
    const saved = await savePerson(db, { ...person, name: '张三' });
    await settled();
    expect(told).toBeGreaterThan(0);
    let before = told;
    await db.orgUnits.add({ id: 'o1', parentId: null, level: 'district', name: '垦利区', order: 0 });
    await settled();
    expect(told).toBe(before);
    if (saved.ok) await deletePerson(db, saved.person.id);
    await settled();
    expect(told).toBeGreaterThan(before);
    stop();
    before = told;
    await savePerson(db, { ...person, name: '李四' });
    await settled();
    expect(told).toBe(before);
  });
});

describe('clampOffset', () => {
  it('moves a page past the end back to the last page', () => {
    expect(clampOffset(40, 20, 41)).toBe(40);
    expect(clampOffset(60, 20, 41)).toBe(40);
    expect(clampOffset(20, 20, 0)).toBe(0);
    expect(clampOffset(20, 20, 20)).toBe(0);
  });
});
