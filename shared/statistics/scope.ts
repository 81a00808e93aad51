import type { OrgUnit } from '../domain/org';

/**
 * What a statistics view covers: a whole street (街道: one row per community, and the street's own
 * meetings on a row of their own) or one 社区 / 小区 with everything below it (one row).
 */
export type StatsScope = { kind: 'street'; unitId: string } | { kind: 'unit'; unitId: string };

export interface ScopeRow {
  id: string;
  name: string;
  /** The street's own row (街道本级): left out when it holds nothing. */
  own?: true;
}

export interface ScopePlan {
  rows: ScopeRow[];
  /** The row a record of this unit is counted on, or null when the unit lies outside the scope. */
  rowOf(unitId: string): string | null;
}

const byOrder = (a: OrgUnit, b: OrgUnit) => a.order - b.order || a.name.localeCompare(b.name, 'zh-CN');

/** The rows of a scope and where each unit's records go; null when the scope's unit is unknown or of the wrong level. */
export function planScope(units: readonly OrgUnit[], scope: StatsScope): ScopePlan | null {
  const byId = new Map(units.map((u) => [u.id, u]));
  const root = byId.get(scope.unitId);
  if (!root) return null;
  let rows: ScopeRow[];
  if (scope.kind === 'street') {
    if (root.level !== 'subdistrict') return null;
    const communities = units.filter((u) => u.parentId === root.id && u.level === 'community').sort(byOrder);
    rows = [...communities.map((u) => ({ id: u.id, name: u.name })), { id: root.id, name: root.name, own: true }];
  } else {
    if (root.level !== 'community' && root.level !== 'compound') return null;
    rows = [{ id: root.id, name: root.name }];
  }
  const rowIds = new Set(rows.map((r) => r.id));
  const memo = new Map<string, string | null>();
  // Walks up from the unit to the first row it lies under (cycles in a damaged tree end the walk).
  function rowOf(unitId: string): string | null {
    const known = memo.get(unitId);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    let current = byId.get(unitId);
    let found: string | null = null;
    while (current && !seen.has(current.id)) {
      if (rowIds.has(current.id)) {
        found = current.id;
        break;
      }
      seen.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    memo.set(unitId, found);
    return found;
  }
  return { rows, rowOf };
}

/** The units a scope can be chosen at: streets (as a whole street), communities and compounds. */
export function scopeChoices(units: readonly OrgUnit[]): OrgUnit[] {
  return units.filter((u) => u.level === 'subdistrict' || u.level === 'community' || u.level === 'compound');
}

/** The scope a unit stands for when chosen: a street means the whole street, row by community. */
export function scopeOfUnit(unit: Pick<OrgUnit, 'id' | 'level'>): StatsScope {
  return unit.level === 'subdistrict' ? { kind: 'street', unitId: unit.id } : { kind: 'unit', unitId: unit.id };
}
