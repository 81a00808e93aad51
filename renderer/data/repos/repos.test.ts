import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from '../db';
import { loadSettings } from '../settingsStore';
import { addOrgUnit, deleteOrgUnit, moveOrgUnit, updateOrgUnit } from './orgRepo';
import { addPeople, findDuplicate, savePerson } from './peopleRepo';
import { createOwnOrganisation, loadDemoCommunity } from './setupRepo';
import { standingCoverage } from '../../../shared/domain/roles';

const freshDb = () => createDb('yishi', { indexedDB: new IDBFactory(), IDBKeyRange });
const draft = {
  name: '张丽华',
  roles: ['resident' as const],
  isGridWorker: false,
  isMediator: false,
  isPartyMember: false,
};

describe('organisation repository', () => {
  it('adds units level by level, renames, reorders and deletes only empty leaves', async () => {
    const db = freshDb();
    const district = await addOrgUnit(db, null, '垦利区');
    const sub = await addOrgUnit(db, district, '垦利街道');
    const a = await addOrgUnit(db, sub, '胜兴社区');
    const b = await addOrgUnit(db, sub, '康居社区');
    expect([district.level, sub.level, a.level]).toEqual(['district', 'subdistrict', 'community']);
    expect([a.order, b.order]).toEqual([0, 1]);

    await moveOrgUnit(db, b.id, -1);
    expect((await db.orgUnits.get(b.id))?.order).toBe(0);
    expect((await db.orgUnits.get(a.id))?.order).toBe(1);

    await updateOrgUnit(db, a.id, { name: '胜兴社区（新）', households: 1200 });
    expect(await db.orgUnits.get(a.id)).toMatchObject({ name: '胜兴社区（新）', households: 1200 });
    await expect(updateOrgUnit(db, a.id, { name: ' ' })).rejects.toThrow();

    expect(await deleteOrgUnit(db, sub.id)).toMatchObject({ ok: false, reason: 'hasChildren' });
    await savePerson(db, { ...draft, orgUnitId: a.id });
    expect(await deleteOrgUnit(db, a.id)).toEqual({ ok: false, reason: 'hasPeople', peopleCount: 1 });
    expect(await deleteOrgUnit(db, b.id)).toEqual({ ok: true });
    expect(await db.orgUnits.count()).toBe(3);
  });

  it('refuses a unit below a grid', async () => {
    const db = freshDb();
    const grid = { id: 'g', parentId: null, level: 'grid' as const, name: '第一网格', order: 0 };
    await expect(addOrgUnit(db, grid, 'x')).rejects.toThrow('网格下面不能再添加单位');
  });
});

describe('people repository', () => {
  it('derives initials and timestamps, keeps createdAt on edit', async () => {
    const db = freshDb();
    const first = await savePerson(db, { ...draft, phone: ' 139 0546 1234 ' }, new Date('2026-11-01T00:00:00Z'));
    if (!first.ok) throw new Error(first.message);
    expect(first.person).toMatchObject({
      initials: 'zlh',
      phone: '139 0546 1234',
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    const edited = await savePerson(
      db,
      { ...draft, id: first.person.id, name: '张丽娟' },
      new Date('2026-11-02T00:00:00Z'),
    );
    expect(edited.ok && edited.person).toMatchObject({
      initials: 'zlj',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-02T00:00:00.000Z',
    });
    expect(await db.people.count()).toBe(1);
  });

  it('reports the field of an invalid person and stores nothing', async () => {
    const db = freshDb();
    expect(await savePerson(db, { ...draft, phone: '12345' })).toMatchObject({ ok: false, field: 'phone' });
    expect(await savePerson(db, { ...draft, roles: [] as never, name: '' })).toMatchObject({
      ok: false,
      field: 'name',
    });
    expect(await db.people.count()).toBe(0);
  });

  it('finds a duplicate by name and phone, not the person being edited', async () => {
    const db = freshDb();
    const saved = await savePerson(db, { ...draft, phone: '13905461234' });
    if (!saved.ok) throw new Error('not saved');
    expect((await findDuplicate(db, { name: '张丽华', phone: '139-0546-1234' }))?.id).toBe(saved.person.id);
    expect(await findDuplicate(db, { id: saved.person.id, name: '张丽华', phone: '13905461234' })).toBeUndefined();
    expect(await findDuplicate(db, { name: '张丽华', phone: '13905469999' })).toBeUndefined();
  });

  it('adds many people all at once or not at all', async () => {
    const db = freshDb();
    const ok = await savePerson(db, draft);
    if (!ok.ok) throw new Error('not saved');
    const clash = [{ ...ok.person, id: 'new-1', name: '王建国' }, ok.person];
    await expect(addPeople(db, clash, true)).rejects.toThrow();
    expect(await db.people.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(0);
    await addPeople(db, [{ ...ok.person, id: 'new-2', name: '王建国', phone: '13905461234' }], true);
    expect(await db.auditLog.toArray()).toMatchObject([{ action: 'import', summary: '从表格导入人员名册1人' }]);
  });
});

describe('first-run setup', () => {
  it('loads the demo community with every standing role per compound', async () => {
    const db = freshDb();
    await loadDemoCommunity(db, new Date('2026-11-10T01:00:00Z'));
    const compounds = await db.orgUnits.where('level').equals('compound').toArray();
    expect(compounds.map((c) => c.name)).toContain('帝纱富仕城');
    const settings = await loadSettings(db);
    expect(settings.setUpAt).toBe('2026-11-10T01:00:00.000Z');
    expect(settings.documentOrgName).not.toBe('');
    for (const compound of compounds) {
      const grids = await db.orgUnits.where('parentId').equals(compound.id).primaryKeys();
      const people = await db.people
        .where('orgUnitId')
        .anyOf([compound.id, ...grids])
        .toArray();
      expect(standingCoverage(people.map((p) => p.roles)).missing, compound.name).toEqual([]);
    }
    await expect(loadDemoCommunity(db)).rejects.toThrow('已经有数据');
  });

  it('creates the chain the user typed', async () => {
    const db = freshDb();
    const units = await createOwnOrganisation(db, {
      district: '垦利区',
      subdistrict: '垦利街道',
      community: '胜兴社区',
      compound: ' ',
      documentOrgName: ' 中共胜兴社区委员会 ',
    });
    expect(units.map((u) => [u.level, u.name])).toEqual([
      ['district', '垦利区'],
      ['subdistrict', '垦利街道'],
      ['community', '胜兴社区'],
    ]);
    expect(units[2]?.parentId).toBe(units[1]?.id);
    expect((await loadSettings(db)).documentOrgName).toBe('中共胜兴社区委员会');
  });
});
