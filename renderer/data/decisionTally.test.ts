import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from './db';
import { openAppDatabase } from './openDatabase';
import { resetStoredTally, tallyPiece } from './decisionTally';
import { tallyFollowedDecisions } from './repos/boardTally';
import { wholeBoardTally } from './boardClient';
import { unfollowedMeetings } from './repos/boardCachedReads';
import { dexieStores } from '../../shared/store/schema';
import { applyToTallyRows, type TallyRow } from '../../shared/followup/tallyRows';
import {
  emptyTally,
  talliedGroups,
  talliedLists,
  tallyDecisions,
  type GroupCount,
  type Grouping,
} from '../../shared/followup/groups';
import { followedDecision } from '../../shared/fixtures/followedDecision';
import type { Decision } from '../../shared/domain/decision';
import type { Meeting } from '../../shared/domain/meeting';
import type { CalendarDate } from '../../shared/dates';

const NAMES = [
  { kind: 'person', personId: 'p-wang', name: '王建国' },
  { kind: 'person', personId: 'p-li', name: '李梅' },
  { kind: 'text', name: '物业公司' },
  { kind: 'text', name: ' 物业公司' },
  { kind: 'text', name: '业委会' },
] as const;
const STATES = ['notStarted', 'inProgress', 'reported', 'done'] as const;
const DEADLINES = ['2026-10-31', '2026-11-19', '2026-11-20', '2026-11-30', '2027-02-28'] as const;

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return { pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!, next };
}

function someDecision(r: ReturnType<typeof random>, id: string): Decision {
  return followedDecision(id, {
    meetingId: r.pick(['m1', 'm2', 'm3', 'draft']),
    responsible: r.pick(NAMES),
    status: r.pick(STATES),
    deadline: r.pick(DEADLINES),
  });
}

const idOf = (n: number) => `d${String(n).padStart(4, '0')}`;
const freshDb = () => createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });

/** The rows as counting every stored decision afresh gives them. */
async function rowsFromScratch(db: YishiDb): Promise<TallyRow[]> {
  const rows = new Map<string, TallyRow>();
  applyToTallyRows(rows, await db.decisions.toArray(), 1);
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}

const storedRows = async (db: YishiDb) =>
  (await db.decisionTallies.toArray()).sort((a, b) => a.key.localeCompare(b.key));

/** One write of a decision, of every kind the app makes (forms, imports, modify, deletes). */
async function someWrite(db: YishiDb, r: ReturnType<typeof random>, step: number): Promise<void> {
  const existing = idOf(Math.floor(r.next() * 60));
  switch (step % 9) {
    case 0:
      return void (await db.decisions.put(someDecision(r, existing)));
    case 1:
      // A key named twice in one write: the last value is the one stored.
      return void (await db.decisions.bulkPut([someDecision(r, existing), someDecision(r, existing)]));
    case 2:
      return void (await db.decisions.update(existing, { status: r.pick(STATES) }));
    case 3:
      return void (await db.decisions.update(existing, { responsible: r.pick(NAMES), deadline: r.pick(DEADLINES) }));
    case 4:
      return void (await db.decisions
        .where('meetingId')
        .equals(r.pick(['m1', 'm2']))
        .modify({ status: 'done' }));
    case 5:
      return void (await db.decisions.delete(existing));
    case 6:
      return void (await db.decisions.bulkDelete([existing, idOf(Math.floor(r.next() * 60))]));
    case 7:
      // One of them is stored already: that one fails, the others are written.
      return void (await db.decisions
        .bulkAdd([someDecision(r, `n${step}`), someDecision(r, existing)])
        .catch((error: unknown) => {
          if (!(error instanceof Dexie.BulkError)) throw error;
        }));
    default:
      // Given up halfway: neither the decision nor its count is kept.
      await db
        .transaction('rw', db.decisions, async () => {
          await db.decisions.put(someDecision(r, existing));
          throw new Error('abandoned');
        })
        .catch(() => undefined);
  }
}

const both = (lists: Record<Grouping, GroupCount[]>) => ({
  person: [...lists.person].sort((a, b) => a.name.localeCompare(b.name)),
  unit: [...lists.unit].sort((a, b) => a.name.localeCompare(b.name)),
});

async function countedAfresh(db: YishiDb, unfollowed: ReadonlySet<string>, today: CalendarDate) {
  const tally = tallyDecisions(emptyTally(), await db.decisions.toArray(), unfollowed, today);
  return both({ person: talliedGroups(tally, 'person'), unit: talliedGroups(tally, 'unit') });
}

describe('按责任人 / 按责任单位 kept as decisions are written', () => {
  it('agree with counting every decision afresh after each write of any kind', { timeout: 60_000 }, async () => {
    const db = freshDb();
    const r = random(7);
    await db.decisions.bulkAdd(Array.from({ length: 60 }, (_, i) => someDecision(r, idOf(i))));
    expect(await storedRows(db)).toEqual(await rowsFromScratch(db));
    for (let step = 0; step < 90; step++) {
      await someWrite(db, r, step);
      expect(await storedRows(db), `after write ${step}`).toEqual(await rowsFromScratch(db));
    }
    const unfollowed = new Set(['draft']);
    for (const today of ['2026-11-20', '2027-03-01'] as const)
      expect(both(await tallyFollowedDecisions(db, unfollowed, today))).toEqual(
        await countedAfresh(db, unfollowed, today),
      );
  });

  it('are counted piece by piece where they were not, with writes in between, and after a restore empties them', async () => {
    const db = freshDb();
    const r = random(3);
    await db.decisions.bulkAdd(Array.from({ length: 60 }, (_, i) => someDecision(r, idOf(i))));
    await resetStoredTally(db); // as after the upgrade that added the rows
    expect(await db.decisionTallyState.get('decisions')).toBeUndefined();
    for (let step = 0; !(await tallyPiece(db, 7)); step++) {
      // Within the counted stretch a write is counted as it happens; beyond it, by a later piece.
      await someWrite(db, r, step);
      await someWrite(db, r, step + 4);
    }
    expect(await storedRows(db)).toEqual(await rowsFromScratch(db));

    await db.decisions.clear(); // a restore empties the tables first
    expect(await db.decisionTallies.count()).toBe(0);
    expect(await db.decisionTallyState.get('decisions')).toBeUndefined();
    await db.decisions.bulkAdd(Array.from({ length: 30 }, (_, i) => someDecision(r, idOf(i))));
    expect(await db.decisionTallies.count()).toBe(0); // the restored rows are counted afterwards
    const unfollowed = new Set(['draft']);
    expect(both(await tallyFollowedDecisions(db, unfollowed, '2026-11-20', 8))).toEqual(
      await countedAfresh(db, unfollowed, '2026-11-20'),
    );
    expect(await storedRows(db)).toEqual(await rowsFromScratch(db));
  });

  it('are counted afresh when a stored row holds a count no write could leave', async () => {
    const db = freshDb();
    const r = random(5);
    await db.decisions.bulkAdd(Array.from({ length: 40 }, (_, i) => someDecision(r, idOf(i))));
    const [first] = await db.decisionTallies.toArray();
    await db.decisionTallies.put({ ...first!, done: -3 });
    const unfollowed = new Set(['draft']);
    expect(both(await tallyFollowedDecisions(db, unfollowed, '2026-11-20'))).toEqual(
      await countedAfresh(db, unfollowed, '2026-11-20'),
    );
    expect(await storedRows(db)).toEqual(await rowsFromScratch(db));
  });

  it('are counted for the decisions of a database upgraded from version 8', async () => {
    const opts = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie('yishi', opts);
    const { decisionTallies: _rows, decisionTallyState: _state, ...v8 } = dexieStores();
    old.version(8).stores(v8);
    const r = random(9);
    const stored = Array.from({ length: 25 }, (_, i) => someDecision(r, idOf(i)));
    await old.table('decisions').bulkAdd(stored);
    old.close();
    const db = await openAppDatabase({ backupBeforeUpgrade: async () => undefined }, 'yishi', opts);
    expect(await db.decisionTallyState.get('decisions')).toBeUndefined();
    await db.decisions.update(idOf(3), { status: 'done' }); // beyond the (empty) counted stretch
    const unfollowed = new Set(['draft']);
    expect(both(await tallyFollowedDecisions(db, unfollowed, '2026-11-20'))).toEqual(
      await countedAfresh(db, unfollowed, '2026-11-20'),
    );
    expect(await db.decisionTallyState.get('decisions')).toEqual({ key: 'decisions', complete: true });
    db.close();
  });

  it('give the board the same counts read from the rows in the window as counted by the worker', async () => {
    const db = freshDb();
    const r = random(13);
    const meeting = (id: string, status: Meeting['status']) =>
      ({ id, status, orgUnitId: 'c1', startAt: '2026-11-10T01:00:00.000Z' }) as Meeting;
    await db.meetings.bulkAdd([meeting('m1', 'signed'), meeting('m2', 'signed'), meeting('draft', 'draft')]);
    await db.decisions.bulkAdd(Array.from({ length: 50 }, (_, i) => someDecision(r, idOf(i))));
    const unfollowed = await unfollowedMeetings(db);
    expect([...unfollowed]).toEqual(['draft']);
    const fromRows = both(talliedLists(await wholeBoardTally(db, unfollowed, '2026-11-20')));
    expect(fromRows).toEqual(await countedAfresh(db, unfollowed, '2026-11-20'));
    await resetStoredTally(db);
    // Not covered: counted first (by the worker, here in the window), the same counts.
    expect(both(talliedLists(await wholeBoardTally(db, unfollowed, '2026-11-20')))).toEqual(fromRows);
    expect(await db.decisionTallyState.get('decisions')).toEqual({ key: 'decisions', complete: true });
  });
});
