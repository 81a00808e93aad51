import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from './db';
import { cachedOrgUnits, cachedRead } from './tableCache';
import { BADGE_TABLES, countNeedingAttention } from './repos/followupRepo';
import { countBoardDone } from './repos/boardRepo';
import { smallDistrictDb } from './smallDistrict';
import { FOLLOWUP_STATES } from '../../shared/followup/state';
import { MEETING_STATUSES } from '../../shared/domain/meeting';
import { Rng } from '../../shared/demo/builders';

const TODAY = '2026-11-20';

function districtDb(name: string, options = { indexedDB: new IDBFactory(), IDBKeyRange }): Promise<YishiDb> {
  return smallDistrictDb(name, { today: TODAY }, options);
}

describe('reads cached until their tables are written', () => {
  it('reads once, again after a write to one of its tables, not after a write elsewhere', async () => {
    const db = createDb('cache-a', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.orgUnits.add({ id: 'o1', parentId: null, level: 'district', name: '垦利区', order: 0 });
    let reads = 0;
    const read = () => cachedRead(db, 'units', ['orgUnits'], () => (reads++, db.orgUnits.toArray()));
    expect((await read()).map((u) => u.id)).toEqual(['o1']);
    expect((await read()).map((u) => u.id)).toEqual(['o1']);
    expect(reads).toBe(1);
    await db.settings.put({ key: 'app' } as never);
    await read();
    expect(reads).toBe(1);
    await db.orgUnits.add({ id: 'o2', parentId: 'o1', level: 'subdistrict', name: '胜坨镇', order: 0 });
    expect((await read()).map((u) => u.id)).toEqual(['o1', 'o2']);
    expect(reads).toBe(2);
    expect((await cachedOrgUnits(db)).length).toBe(2);
    db.close();
  });

  it('a failed read is read again next time, not kept', async () => {
    const db = createDb('cache-b', { indexedDB: new IDBFactory(), IDBKeyRange });
    let calls = 0;
    const read = () =>
      cachedRead(db, 'flaky', ['orgUnits'], async () => {
        calls++;
        if (calls === 1) throw new Error('disk');
        return calls;
      });
    await expect(read()).rejects.toThrow('disk');
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
    db.close();
  });

  it('the 督办 badge and the 已完成 count from the cache equal a fresh count after every random write', async () => {
    const options = { indexedDB: new IDBFactory(), IDBKeyRange };
    const db = await districtDb('cache-replay', options);
    // The reference: a new connection for every count, whose caches start empty.
    const reference = async <T>(count: (other: YishiDb) => Promise<T>): Promise<T> => {
      const other = createDb('cache-replay', options);
      try {
        return await count(other);
      } finally {
        other.close();
      }
    };
    const rng = new Rng(20261120);
    const decisionIds = (await db.decisions.toCollection().primaryKeys()) as string[];
    const meetingIds = (await db.meetings.toCollection().primaryKeys()) as string[];
    const units = (await db.orgUnits.toArray()).filter((u) => u.level === 'compound').map((u) => u.id);
    const taskIds = (await db.summonedTasks.toCollection().primaryKeys()) as string[];
    expect(taskIds.length).toBeGreaterThan(0);
    const scopes = [undefined, ...units.slice(0, 2)];
    for (let step = 0; step < 40; step++) {
      // A write the counts depend on: a decision's state or deadline, a meeting's status, a unit's
      // name, a 吹哨报到 task's state.
      const kind = rng.int(0, 4);
      if (kind === 0) {
        const id = rng.pick(decisionIds);
        await db.decisions.update(id, { status: rng.pick([...FOLLOWUP_STATES]) });
      } else if (kind === 1) {
        const id = rng.pick(decisionIds);
        await db.decisions.update(id, { deadline: rng.pick([TODAY, '2026-11-01', '2027-01-05']) });
      } else if (kind === 2) {
        await db.meetings.update(rng.pick(meetingIds), { status: rng.pick([...MEETING_STATUSES]) });
      } else if (kind === 3) {
        await db.orgUnits.update(rng.pick(units), { name: `小区${step}` });
      } else {
        await db.summonedTasks.update(rng.pick(taskIds), { status: rng.pick([...FOLLOWUP_STATES]) });
      }
      for (const scope of scopes) {
        const cached = await cachedRead(db, `badge:${scope ?? ''}`, BADGE_TABLES, () =>
          countNeedingAttention(db, TODAY, scope),
        );
        expect(cached, `step ${step}, scope ${scope ?? 'all'}`).toBe(
          await reference((other) => countNeedingAttention(other, TODAY, scope)),
        );
      }
      const filter = {};
      const done = await countBoardDone(db, filter, TODAY);
      const fresh = await db.decisions.where('status').equals('done').toArray();
      const followed = new Set((await db.meetings.where('status').equals('signed').primaryKeys()) as string[]);
      const summonedDone = await db.summonedTasks.where('status').equals('done').count();
      expect(done, `step ${step}: 已完成`).toBe(fresh.filter((d) => followed.has(d.meetingId)).length + summonedDone);
    }
    db.close();
  }, 120_000);
});
