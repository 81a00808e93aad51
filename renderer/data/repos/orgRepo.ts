import { canDeleteOrgUnit, childLevel, orgUnitSchema, type OrgUnit } from '../../../shared/domain/org';
import { newId } from '../../../shared/ids';
import type { YishiDb } from '../db';
import { refusal } from '../../../shared/refusal';

/** Adds a unit below `parent` (a district when parent is null), last among its siblings. */
export async function addOrgUnit(db: YishiDb, parent: OrgUnit | null, name: string): Promise<OrgUnit> {
  const level = parent ? childLevel(parent.level) : 'district';
  if (!level) throw refusal('nothingBelowGrid');
  return db.transaction('rw', db.orgUnits, async () => {
    const siblings = parent
      ? await db.orgUnits.where('parentId').equals(parent.id).toArray()
      : (await db.orgUnits.toArray()).filter((u) => u.parentId === null);
    const order = siblings.reduce((max, u) => Math.max(max, u.order), -1) + 1;
    const unit = orgUnitSchema.parse({ id: newId(), parentId: parent?.id ?? null, level, name, order });
    await db.orgUnits.add(unit);
    return unit;
  });
}

export async function updateOrgUnit(
  db: YishiDb,
  id: string,
  patch: Pick<OrgUnit, 'name'> & { households?: number | undefined },
): Promise<void> {
  await db.transaction('rw', db.orgUnits, async () => {
    const unit = await db.orgUnits.get(id);
    if (!unit) throw refusal('unitMissing');
    const next: OrgUnit = { ...unit, name: patch.name };
    if (patch.households === undefined) delete next.households;
    else next.households = patch.households;
    await db.orgUnits.put(orgUnitSchema.parse(next));
  });
}

export type DeleteOutcome = { ok: true } | { ok: false; reason: 'hasChildren' | 'hasPeople'; peopleCount: number };

export async function deleteOrgUnit(db: YishiDb, id: string): Promise<DeleteOutcome> {
  return db.transaction('rw', db.orgUnits, db.people, async () => {
    const units = await db.orgUnits.toArray();
    const peopleCount = await db.people.where('orgUnitId').equals(id).count();
    const verdict = canDeleteOrgUnit(units, id, peopleCount);
    if (!verdict.ok) return { ok: false, reason: verdict.reason, peopleCount };
    await db.orgUnits.delete(id);
    return { ok: true };
  });
}

/** Swaps a unit with its neighbour among its siblings. */
export async function moveOrgUnit(db: YishiDb, id: string, direction: -1 | 1): Promise<void> {
  await db.transaction('rw', db.orgUnits, async () => {
    const unit = await db.orgUnits.get(id);
    if (!unit) return;
    const siblings = (await db.orgUnits.toArray())
      .filter((u) => u.parentId === unit.parentId)
      .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh-CN'));
    const index = siblings.findIndex((u) => u.id === id);
    const other = siblings[index + direction];
    if (!other) return;
    const reordered = siblings.map((u, i) => ({ ...u, order: i }));
    const a = reordered[index] as OrgUnit;
    const b = reordered[index + direction] as OrgUnit;
    [a.order, b.order] = [b.order, a.order];
    await db.orgUnits.bulkPut(reordered);
  });
}

export function loadOrgUnits(db: YishiDb): Promise<OrgUnit[]> {
  return db.orgUnits.toArray();
}
