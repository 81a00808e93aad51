import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from './db';
import { loadDemoCommunity } from './repos/setupRepo';
import {
  closeMatter,
  handleAndClose,
  mergeMatter,
  registerMatter,
  triageMatter,
  type MatterDraft,
} from './repos/mattersRepo';
import { loadWorkbench } from './repos/workbenchParts';
import { DEMO_RED_BENCH_COMPOUND_ID } from '../../shared/demo/demoCommunity';
import type { Matter } from '../../shared/domain/matter';

const NOW = new Date('2026-12-03T02:00:00Z');

async function demoDb(): Promise<YishiDb> {
  const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
  await loadDemoCommunity(db, NOW);
  return db;
}

const draft: MatterDraft = {
  orgUnitId: DEMO_RED_BENCH_COMPOUND_ID,
  raisedBy: { kind: 'oneOff', name: '王大爷', phone: '13905460001' },
  channel: '红马扎',
  raisedAt: '2026-12-03',
  category: '设施',
  title: '5号楼前健身器材损坏',
  urgency: 'urgent',
};

/** A small seeded generator, so a failing sequence can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

/** The open matters by path, recounted from every row (what the index must hold). */
async function recount(db: YishiDb) {
  const rows = await db.matters.toArray();
  for (const m of rows) expect(m.open, m.id).toBe(!m.closedAt && !m.mergedInto ? 1 : undefined);
  const byIndex = async (path: Matter['path']) =>
    (
      await db.matters
        .where('[open+path+orgUnitId]')
        .between([1, path, Dexie.minKey], [1, path, Dexie.maxKey])
        .primaryKeys()
    ).sort();
  for (const path of ['untriaged', 'pending', 'immediate', 'escalate'] as const)
    expect(await byIndex(path), path).toEqual(
      rows
        .filter((m) => m.path === path && !m.closedAt && !m.mergedInto)
        .map((m) => m.id)
        .sort(),
    );
}

describe('the `open` flag of matters (schema 5), derived by the database on every write', () => {
  it('never drifts from closedAt/mergedInto: random writes replayed, the index compared to a recount', async () => {
    for (const seed of [1, 7, 42]) {
      const db = await demoDb();
      const pick = rng(seed);
      const ids = async () => (await db.matters.toArray()).map((m) => m.id);
      for (let step = 0; step < 40; step++) {
        const all = await ids();
        const id = all[pick(all.length)]!;
        const other = all[pick(all.length)]!;
        const when = new Date(NOW.getTime() + step * 60_000);
        // Refusals (a closed matter cannot be triaged, …) are part of the replay: nothing changes then.
        const attempt = async (write: () => Promise<unknown>) => write().catch(() => undefined);
        switch (pick(9)) {
          case 0:
            await attempt(() => registerMatter(db, { ...draft, title: `新事项${step}` }, '李', { now: when }));
            break;
          case 1: // merged at registration
            await attempt(() =>
              registerMatter(db, { ...draft, title: `重复${step}` }, '李', { mergeInto: other, now: when }),
            );
            break;
          case 2:
            await attempt(() => triageMatter(db, id, (['pending', 'immediate'] as const)[pick(2)]!, '李', when));
            break;
          case 3:
            await attempt(() => handleAndClose(db, id, { by: '张', action: '修好', result: '已修' }, '李', when));
            break;
          case 4:
            await attempt(() => closeMatter(db, id, '已办结', '李', when));
            break;
          case 5:
            await attempt(() => mergeMatter(db, id, other, '李', when));
            break;
          case 6: // a raw write that lies about the flag
            await attempt(async () => {
              const m = await db.matters.get(id);
              if (m) await db.matters.put({ ...m, open: m.closedAt || m.mergedInto ? 1 : undefined });
            });
            break;
          case 7: // Dexie update/modify paths
            await db.matters.update(id, { closedAt: when.toISOString() });
            break;
          case 8:
            await db.matters
              .where('id')
              .equals(id)
              .modify((m) => {
                delete m.closedAt;
                delete m.mergedInto;
              });
            break;
        }
      }
      await recount(db);
      db.close();
    }
  });

  it('a matter merged at registration leaves the 工作台’s 待分流 list and count at once', async () => {
    const db = await demoDb();
    const kept = await registerMatter(db, draft, '李', { now: NOW });
    const before = (await loadWorkbench(db, undefined, '2026-12-03')).triage.map((l) => l.matter.id);
    expect(before).toContain(kept.id);
    await registerMatter(db, { ...draft, title: '健身器材又坏了' }, '李', { mergeInto: kept.id, now: NOW });
    const after = await loadWorkbench(db, undefined, '2026-12-03');
    expect(after.triage.map((l) => l.matter.id)).toEqual(before);
    const merged = (await db.matters.toArray()).find((m) => m.title === '健身器材又坏了')!;
    expect(merged.mergedInto).toBe(kept.id);
    expect(merged.open).toBeUndefined();
    await recount(db);
  });
});
