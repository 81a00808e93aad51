import { buildOrgTree, ORG_LEVELS, type OrgLevel, type OrgTreeNode, type OrgUnit } from '../../../shared/domain/org';
import type { Wording } from '../../i18n/wording';

/**
 * A unit's name with its level as a note (w.withNote), the wording asked once per level instead
 * of once per unit: interpolating for each of a district's 1,230 units took ~20 ms of every screen
 * with a unit picker.
 */
export function unitWithLevel(w: Wording, levelWord: (level: OrgLevel) => string): (u: OrgUnit) => string {
  const mark = '\u0000';
  const around = new Map<OrgLevel, string[]>(
    ORG_LEVELS.map((level) => [level, w.withNote(mark, levelWord(level)).split(mark)]),
  );
  return (u) => {
    const parts = around.get(u.level);
    // A wording without its text in it once: asked per unit after all.
    return parts?.length === 2 ? `${parts[0]}${u.name}${parts[1]}` : w.withNote(u.name, levelWord(u.level));
  };
}

export interface OrgTreeOption {
  value: string;
  title: string;
  children: OrgTreeOption[];
}

/** Org units as TreeSelect options, titled by the caller (the unit's name with its level, per locale). */
export function orgTreeOptions(units: readonly OrgUnit[], titleOf: (u: OrgUnit) => string): OrgTreeOption[] {
  const map = (nodes: OrgTreeNode[]): OrgTreeOption[] =>
    nodes.map((n) => ({
      value: n.unit.id,
      title: titleOf(n.unit),
      children: map(n.children),
    }));
  return map(buildOrgTree(units));
}

export interface OrgListOption {
  value: string;
  label: string;
  /** The same as label: shown on hover and what an option is found by. */
  title: string;
  /** How deep the unit sits below the top (0 = a root), for indenting the list. */
  depth: number;
}

/**
 * Org units as a flat, indented list in tree order (parents before their children): for a plain
 * Select where a TreeSelect would load the tree components at start-up (the 工作台's 查看范围).
 */
export function orgListOptions(units: readonly OrgUnit[], titleOf: (u: OrgUnit) => string): OrgListOption[] {
  const list: OrgListOption[] = [];
  const walk = (nodes: OrgTreeNode[], depth: number) => {
    for (const n of nodes) {
      const label = titleOf(n.unit);
      list.push({ value: n.unit.id, label, title: label, depth });
      walk(n.children, depth + 1);
    }
  };
  walk(buildOrgTree(units), 0);
  return list;
}
