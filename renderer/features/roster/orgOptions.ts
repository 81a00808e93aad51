import { buildOrgTree, type OrgTreeNode, type OrgUnit } from '../../../shared/domain/org';

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
