import type { OrgUnit } from '../domain/org';

export interface SigningOrganisation {
  orgUnitId: string;
  orgName: string;
}

/** The organisation an installation signs for: its community (else its top unit), by name. */
export function organisationOf(units: readonly OrgUnit[], documentOrgName: string): SigningOrganisation {
  const byOrder = [...units].sort((a, b) => a.order - b.order);
  const unit = byOrder.find((u) => u.level === 'community') ?? byOrder.find((u) => u.parentId === null);
  return { orgUnitId: unit?.id ?? 'installation', orgName: unit?.name ?? (documentOrgName.trim() || '本机') };
}
