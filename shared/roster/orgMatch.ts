import { ORG_LEVELS, orgPath, type OrgLevel, type OrgUnit } from '../domain/org';

export type OrgMatch =
  { ok: true; id: string } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'ambiguous'; count: number };

/** Separators people use to write "幸福小区/第一网格"; every compound tends to have a 第一网格. */
const PATH_SEPARATOR = /\s*[/／>＞]\s*/;

export interface OrgMatcher {
  /** Splits a cell into path segments, unless the whole cell is itself a unit's name. */
  segments(value: string): string[];
  /** Finds the unit named by the last segment, under the earlier ones; prefers `prefer` level. */
  resolve(segments: readonly string[], prefer: 'grid' | 'compound'): OrgMatch;
  /** The shortest path text that resolves back to the unit, for export. */
  pathText(unitId: string): string;
}

function isSubsequence(needle: readonly string[], haystack: readonly string[]): boolean {
  let j = 0;
  for (const item of haystack) if (item === needle[j]) j++;
  return j === needle.length;
}

function endsWith(path: readonly string[], suffix: readonly string[]): boolean {
  return suffix.every((s, i) => path[path.length - suffix.length + i] === s);
}

function levelOrder(prefer: 'grid' | 'compound'): OrgLevel[] {
  const other = prefer === 'grid' ? 'compound' : 'grid';
  return [prefer, other, ...[...ORG_LEVELS].reverse().filter((l) => l !== 'grid' && l !== 'compound')];
}

export function createOrgMatcher(units: readonly OrgUnit[]): OrgMatcher {
  const paths = new Map<string, string[]>();
  const byName = new Map<string, OrgUnit[]>();
  for (const unit of units) {
    paths.set(
      unit.id,
      orgPath(units, unit.id).map((u) => u.name.trim()),
    );
    const name = unit.name.trim();
    byName.set(name, [...(byName.get(name) ?? []), unit]);
  }

  const resolve: OrgMatcher['resolve'] = (segments, prefer) => {
    const last = segments[segments.length - 1];
    let candidates = last === undefined ? [] : (byName.get(last) ?? []);
    const parents = segments.slice(0, -1);
    if (parents.length > 0) {
      candidates = candidates.filter((u) => isSubsequence(parents, (paths.get(u.id) ?? []).slice(0, -1)));
      // "小区/网格" written exactly as the chain reads beats a looser match further up the tree.
      const exact = candidates.filter((u) => endsWith(paths.get(u.id) ?? [], segments));
      if (exact.length > 0) candidates = exact;
    }
    if (candidates.length === 0) return { ok: false, reason: 'unknown' };
    for (const level of levelOrder(prefer)) {
      const atLevel = candidates.filter((u) => u.level === level);
      if (atLevel.length === 1) return { ok: true, id: (atLevel[0] as OrgUnit).id };
      if (atLevel.length > 1) return { ok: false, reason: 'ambiguous', count: atLevel.length };
    }
    return { ok: false, reason: 'unknown' };
  };

  const segments: OrgMatcher['segments'] = (value) => {
    const whole = value.trim();
    if (whole === '') return [];
    if (byName.has(whole)) return [whole];
    return whole.split(PATH_SEPARATOR).filter((s) => s !== '');
  };

  const pathText: OrgMatcher['pathText'] = (unitId) => {
    const path = paths.get(unitId) ?? [];
    for (let k = 1; k <= path.length; k++) {
      const suffix = path.slice(-k);
      const match = resolve(suffix, 'grid');
      if (match.ok && match.id === unitId) return suffix.join('/');
    }
    return path.join('/');
  };

  return { segments, resolve, pathText };
}
