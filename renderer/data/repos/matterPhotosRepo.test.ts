import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type YishiDb } from '../db';
import { loadDemoCommunity } from './setupRepo';
import { addMatterPhotos, loadMatterPhotos } from './matterPhotosRepo';
import { encodePng } from '../../../shared/documents/png';
import { prepareFiles, type PreparedFile } from '../../../shared/evidence/attachment';

const NOW = new Date('2026-11-20T10:00:00+08:00');

async function demo(): Promise<{ db: YishiDb; matterId: string }> {
  const db = createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
  await loadDemoCommunity(db, NOW);
  const matter = await db.matters.orderBy('id').first();
  if (!matter) throw new Error('the demo has no matter');
  return { db, matterId: matter.id };
}

async function photo(name: string, shade: number): Promise<PreparedFile> {
  const png = encodePng({ width: 2, height: 2, colorType: 0, bitDepth: 8, data: new Uint8Array(4).fill(shade) });
  const prepared = await prepareFiles([{ fileName: name, bytes: png }]);
  if (typeof prepared === 'string') throw new Error(prepared);
  return prepared[0]!;
}

describe('photos of a matter', () => {
  it('stores them on the matter and shows them there, oldest first', async () => {
    const { db, matterId } = await demo();
    const before = await db.attachments.count();
    expect(await addMatterPhotos(db, matterId, [await photo('楼道.png', 1), await photo('门口.png', 2)], NOW)).toEqual({
      ok: true,
      added: 2,
    });
    const stored = await loadMatterPhotos(db, matterId);
    expect(stored.map((a) => [a.fileName, a.ownerKind, a.decisionId])).toEqual([
      ['楼道.png', 'matter', undefined],
      ['门口.png', 'matter', undefined],
    ]);
    expect(await db.attachments.count()).toBe(before + 2);
  });

  it('stores nothing when one file is damaged, the matter is gone or the album would pass 20', async () => {
    const { db, matterId } = await demo();
    const good = await photo('楼道.png', 1);
    const before = await db.attachments.count();
    const broken = { ...good, data: good.data.slice(0, -4) };
    expect(await addMatterPhotos(db, matterId, [good, broken], NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining('「楼道.png」不能保存'),
    });
    expect(await addMatterPhotos(db, 'no-such-matter', [good], NOW)).toMatchObject({
      ok: false,
      message: '事项不存在，可能已被删除',
      refusal: { table: 'matters', code: 'matterMissing' },
    });
    expect(await addMatterPhotos(db, matterId, [], NOW)).toMatchObject({ ok: false });
    expect(await db.attachments.count()).toBe(before);
    expect((await addMatterPhotos(db, matterId, Array(19).fill(good), NOW)).ok).toBe(true);
    expect(await addMatterPhotos(db, matterId, [good, good], NOW)).toMatchObject({
      ok: false,
      message: '每件事项最多20个附件，已有19个',
      refusal: { code: 'photosTooMany', values: { max: 20, count: 19 } },
    });
    expect(await loadMatterPhotos(db, matterId)).toHaveLength(19);
  });
});
