import type { PartyRef } from '../domain/party';
import { orgPath, type OrgUnit } from '../domain/org';
import { byRosterOrder, type Person } from '../domain/person';
import type { RosterRole } from '../domain/roles';
import { personRef } from './builders';

/** The roster pieces of the demo a meeting is made from (see demoCommunity.ts). */
export interface DemoRoster {
  orgUnits: OrgUnit[];
  people: Person[];
}

/** One compound of the demo with the people who sit at its meetings, by 6+N role. */
export interface DemoCompound {
  unit: OrgUnit;
  community: OrgUnit;
  /** 区 → 街道 → 社区 → 小区, as printed on the 纪要. */
  orgPath: string[];
  /** The issuing organisation on its 纪要: the community's Party committee. */
  documentOrgName: string;
  /** Everyone filed under the compound or one of its grids, in sign-in sheet order. */
  people: Person[];
  secretary: Person;
  /** The 两委 member who looks after the compound and keeps the minutes. */
  recorder: Person;
  ownersCommittee: Person;
  property: Person;
  /** The property company, as a unit that can be made responsible. */
  propertyCompany: PartyRef;
  residents: Person[];
  coBuilding: Person[];
  /** Interested parties (N), grid workers apart. */
  stakeholders: Person[];
  gridWorkers: Person[];
}

function withRole(people: readonly Person[], role: RosterRole): Person[] {
  return people.filter((p) => p.roles.includes(role));
}

function first(people: readonly Person[], what: string, compound: string): Person {
  const person = people[0];
  if (!person) throw new Error(`demo: ${compound} has no ${what}`);
  return person;
}

/** The compound with this org unit id; throws when the demo roster lacks it (a bug in the demo data). */
export function demoCompound(roster: DemoRoster, unitId: string): DemoCompound {
  const units = roster.orgUnits;
  const unit = units.find((u) => u.id === unitId && u.level === 'compound');
  if (!unit) throw new Error(`demo: no compound ${unitId}`);
  const chain = orgPath(units, unitId);
  const community = chain.find((u) => u.level === 'community');
  const subdistrict = chain.find((u) => u.level === 'subdistrict');
  if (!community || !subdistrict) throw new Error(`demo: ${unit.name} is not under a community`);
  const inside = new Set([unitId, ...units.filter((u) => u.parentId === unitId).map((u) => u.id)]);
  const people = roster.people.filter((p) => p.orgUnitId !== undefined && inside.has(p.orgUnitId)).sort(byRosterOrder);
  const property = first(withRole(people, 'property'), 'property manager', unit.name);
  const stakeholders = withRole(people, 'stakeholder');
  return {
    unit,
    community,
    orgPath: chain.map((u) => u.name),
    documentOrgName: `中共${subdistrict.name}${community.name}委员会`,
    people,
    secretary: first(withRole(people, 'secretary'), 'Party secretary', unit.name),
    recorder: first(withRole(people, 'twoCommittees'), '两委 member', unit.name),
    ownersCommittee: first(withRole(people, 'ownersCommittee'), 'owners’ committee', unit.name),
    property,
    propertyCompany: { kind: 'text', name: property.unit ?? `${unit.name}物业` },
    residents: withRole(people, 'resident'),
    coBuilding: withRole(people, 'coBuilding'),
    stakeholders: stakeholders.filter((p) => !p.isGridWorker),
    gridWorkers: stakeholders.filter((p) => p.isGridWorker),
  };
}

/** A person of the demo roster by name; throws when there is none (a typo in the demo cases). */
export function demoPerson(roster: DemoRoster, name: string): Person {
  const person = roster.people.find((p) => p.name === name);
  if (!person) throw new Error(`demo: nobody called ${name}`);
  return person;
}

/** A roster person as 责任人, 监督人, 主持人 or 记录人. */
export function ref(person: Person): PartyRef {
  return personRef(person);
}
