import { buildOrgTree, type OrgTreeNode, type OrgUnit } from '../../../shared/domain/org';

export interface OrgTreeOption {
  value: string;
  title: string;
  children: OrgTreeOption[];
}

/** Org units as TreeSelect options, the unit's level after its name. */
export function orgTreeOptions(units: readonly OrgUnit[], levelLabel: (u: OrgUnit) => string): OrgTreeOption[] {
  const map = (nodes: OrgTreeNode[]): OrgTreeOption[] =>
    nodes.map((n) => ({
      value: n.unit.id,
      title: `${n.unit.name}（${levelLabel(n.unit)}）`,
      children: map(n.children),
    }));
  return map(buildOrgTree(units));
}
