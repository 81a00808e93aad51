import { z } from 'zod';

/**
 * The "6+N" attendance categories: six standing roles plus N interested parties.
 * Order matters: it is the order used on sign-in sheets and in coverage checks.
 */
export const STANDING_ROLES = [
  'secretary', // 党组织书记
  'twoCommittees', // “两委”成员
  'ownersCommittee', // 业委会代表
  'property', // 物业公司代表
  'resident', // 居民代表
  'coBuilding', // 共建单位代表
] as const;

export type StandingRole = (typeof STANDING_ROLES)[number];

/** A roster role is one of the six standing roles or 利益相关方 (the "N"). */
export const ROSTER_ROLES = [...STANDING_ROLES, 'stakeholder'] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];

export const rosterRoleSchema = z.enum(ROSTER_ROLES);

/**
 * Chinese labels, used by import (header/role matching), exports, documents and (the same words)
 * the screens' zh-CN locale. “两委” takes Chinese quotation marks, as printed documents write it.
 */
export const ROSTER_ROLE_LABELS_ZH: Record<RosterRole, string> = {
  secretary: '党组织书记',
  twoCommittees: '“两委”成员',
  ownersCommittee: '业委会代表',
  property: '物业公司代表',
  resident: '居民代表',
  coBuilding: '共建单位代表',
  stakeholder: '利益相关方',
};

/** Spellings secretaries actually type in their Excel rosters, mapped to roles. */
const ROLE_ALIASES: Record<string, RosterRole> = {
  党组织书记: 'secretary',
  书记: 'secretary',
  支部书记: 'secretary',
  党支部书记: 'secretary',
  两委成员: 'twoCommittees',
  两委: 'twoCommittees',
  社区两委: 'twoCommittees',
  业委会代表: 'ownersCommittee',
  业委会: 'ownersCommittee',
  业委会主任: 'ownersCommittee',
  物业公司代表: 'property',
  物业代表: 'property',
  物业: 'property',
  物业项目负责人: 'property',
  居民代表: 'resident',
  居民: 'resident',
  共建单位代表: 'coBuilding',
  共建单位: 'coBuilding',
  利益相关方: 'stakeholder',
  相关方: 'stakeholder',
};

/** Maps a typed role label (Chinese or the English key) to a role, or null. */
export function parseRosterRole(label: string): RosterRole | null {
  const cleaned = label.replace(/[\s"“”'‘’「」]/g, '');
  if (cleaned === '') return null;
  // Own keys only: words such as 'constructor' must not find Object.prototype's members.
  const byAlias = Object.hasOwn(ROLE_ALIASES, cleaned) ? ROLE_ALIASES[cleaned] : undefined;
  if (byAlias) return byAlias;
  const byKey = (ROSTER_ROLES as readonly string[]).find((r) => r.toLowerCase() === cleaned.toLowerCase());
  return (byKey as RosterRole | undefined) ?? null;
}

/** Which of the six standing categories are covered by a set of people's roles. */
export function standingCoverage(rolesOfPeople: ReadonlyArray<readonly RosterRole[]>): {
  covered: StandingRole[];
  missing: StandingRole[];
} {
  const present = new Set(rolesOfPeople.flat());
  const covered = STANDING_ROLES.filter((r) => present.has(r));
  const missing = STANDING_ROLES.filter((r) => !present.has(r));
  return { covered, missing };
}
