import { z } from 'zod';

/** 四级组织链条 under a district: 区 → 街道 → 社区 → 小区 → 网格. */
export const ORG_LEVELS = ['district', 'subdistrict', 'community', 'compound', 'grid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const orgUnitSchema = z.object({
  id: z.string().min(1),
  parentId: z.string().min(1).nullable(),
  level: z.enum(ORG_LEVELS),
  name: z.string().trim().min(1, '名称不能为空').max(60, '名称不能超过60个字'),
  order: z.number().int(),
  households: z.number().int().nonnegative().optional(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

/** The level a child of a unit at `level` has, or null for a grid (the leaf). */
export function childLevel(level: OrgLevel): OrgLevel | null {
  const i = ORG_LEVELS.indexOf(level);
  return ORG_LEVELS[i + 1] ?? null;
}

export interface OrgTreeNode {
  unit: OrgUnit;
  children: OrgTreeNode[];
}

/** Builds the forest of units; children sorted by `order` then name. Orphans become roots. */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgTreeNode[]) => {
    list.sort((a, b) => a.unit.order - b.unit.order || a.unit.name.localeCompare(b.unit.name, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

// The children of each unit, per list of units: screens ask for several units' descendants of the
// same list (the 工作台's ten meetings of a day, each over a district's ~1,200 units).
const childrenOf = new WeakMap<readonly OrgUnit[], ReadonlyMap<string, readonly string[]>>();

function childIndex(units: readonly OrgUnit[]): ReadonlyMap<string, readonly string[]> {
  const known = childrenOf.get(units);
  if (known) return known;
  const byParent = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    const list = byParent.get(u.parentId) ?? [];
    list.push(u.id);
    byParent.set(u.parentId, list);
  }
  childrenOf.set(units, byParent);
  return byParent;
}

/** The ids of a unit and everything below it (`units` is read as it is now: do not change it afterwards). */
export function descendantIds(units: readonly OrgUnit[], rootId: string): Set<string> {
  const byParent = childIndex(units);
  const result = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const child of byParent.get(id) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        stack.push(child);
      }
    }
  }
  return result;
}

/** The chain from the root down to the unit, e.g. 垦利区 / 垦利街道 / 胜兴社区. */
export function orgPath(units: readonly OrgUnit[], id: string): OrgUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: OrgUnit[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** A unit may be deleted only when nothing hangs below it and nobody belongs to it. */
export function canDeleteOrgUnit(
  units: readonly OrgUnit[],
  id: string,
  peopleCountInUnit: number,
): { ok: true } | { ok: false; reason: 'hasChildren' | 'hasPeople' } {
  if (units.some((u) => u.parentId === id)) return { ok: false, reason: 'hasChildren' };
  if (peopleCountInUnit > 0) return { ok: false, reason: 'hasPeople' };
  return { ok: true };
}
