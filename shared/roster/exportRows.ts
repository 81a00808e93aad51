import type { OrgUnit } from '../domain/org';
import type { Person } from '../domain/person';
import { ROSTER_ROLE_LABELS_ZH } from '../domain/roles';
import { EXPORT_HEADERS } from './headers';
import { createOrgMatcher } from './orgMatch';

export type ExportablePerson = Pick<
  Person,
  | 'name'
  | 'gender'
  | 'phone'
  | 'unit'
  | 'orgUnitId'
  | 'roles'
  | 'isGridWorker'
  | 'isMediator'
  | 'isPartyMember'
  | 'note'
>;

const COLUMNS = [
  'name',
  'gender',
  'phone',
  'unit',
  'org',
  'roles',
  'isGridWorker',
  'isMediator',
  'isPartyMember',
  'note',
] as const;

const yesNo = (flag: boolean): string => (flag ? '是' : '否');

/**
 * The roster as a table with the Chinese headers the importer reads, so a secretary can edit
 * the sheet in Excel and import it back. Units are written as the shortest unambiguous path
 * (e.g. 幸福小区/第一网格) because grid names repeat across compounds.
 */
export function exportRosterRows(people: readonly ExportablePerson[], orgUnits: readonly OrgUnit[]): string[][] {
  const orgs = createOrgMatcher(orgUnits);
  const known = new Set(orgUnits.map((u) => u.id));
  const header = COLUMNS.map((c) => EXPORT_HEADERS[c]);
  const body = people.map((p) => {
    const values: Record<(typeof COLUMNS)[number], string> = {
      name: p.name,
      gender: p.gender === 'male' ? '男' : p.gender === 'female' ? '女' : '',
      phone: p.phone ?? '',
      unit: p.unit ?? '',
      org: p.orgUnitId && known.has(p.orgUnitId) ? orgs.pathText(p.orgUnitId) : '',
      roles: p.roles.map((r) => ROSTER_ROLE_LABELS_ZH[r]).join('、'),
      isGridWorker: yesNo(p.isGridWorker),
      isMediator: yesNo(p.isMediator),
      isPartyMember: yesNo(p.isPartyMember),
      note: p.note ?? '',
    };
    return COLUMNS.map((c) => values[c]);
  });
  return [header, ...body];
}
