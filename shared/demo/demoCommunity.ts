import { buildDemoPointsDisputes } from './demoPointsDisputes';
import type { PointsEntry } from '../matters/points';
import type { Dispute, MediationSession } from '../matters/disputes';
import type { Matter, MatterEvent } from '../domain/matter';
import type { OrgLevel, OrgUnit } from '../domain/org';
import type { Person } from '../domain/person';
import type { Settings } from '../settings';
import type { MeetingRecord } from '../meeting/record';
import type { TableRows } from '../store/schema';
import { demoClock } from './demoClock';
import { demoFollowup } from './demoFollowup';
import { demoPublicity } from './demoPublicity';
import type { PublicNotice } from '../publicity/notice';
import type { Evaluation } from '../publicity/evaluation';
import type { ProgressEvent } from '../followup/state';
import { buildDemoMeetings } from './demoHistory';
import type { DemoMeetingMatter } from './demoMatters';
import { pinyinInitials } from '../pinyin';
import { DEMO_MATTERS } from './demoMatters';
import { buildDemoMatters, demoAgendaEvents } from './demoMatterRows';
import { buildDemoEscalation } from './demoEscalation';
import type { Escalation } from '../escalation/ladder';
import type { SummonedTask } from '../escalation/summons';
import { DEMO_TREE, type GridWorkerSpec, type PersonSpec } from './demoOrgData';
import { seededRandom } from '../random';

/**
 * The demo community: 垦利区 → 垦利街道 / 兴隆街道 → five communities → compounds → grids,
 * with a full "6+N" roster for every compound and the 居民说事 cases from the report.
 * Deterministic: the same `now` gives the same data, ids included.
 */
export interface DemoData {
  orgUnits: OrgUnit[];
  people: Person[];
  matters: Matter[];
  /** The matters' timelines (matterEvents). */
  matterEvents: MatterEvent[];
  /** One matter's escalation ladder to 吹哨报到 (shared/demo/demoEscalation.ts). */
  escalations: Escalation[];
  summonedTasks: SummonedTask[];
  /** 金点子 points and 矛盾纠纷 (shared/demo/demoPointsDisputes.ts). */
  pointsEntries: PointsEntry[];
  disputes: Dispute[];
  mediationSessions: MediationSession[];
  settings: Partial<Settings>;
}

/** Every demo record id starts with this, so demo data can be recognised and cleared. */
export const DEMO_ID_PREFIX = 'demo-';

/** The compound of the report's 红板凳议事会 (waste sorting, parking spaces). */
export const DEMO_RED_BENCH_COMPOUND = '帝纱富仕城';
export const DEMO_RED_BENCH_COMPOUND_ID = `${DEMO_ID_PREFIX}org-dishafushicheng`;

/** The communities in the demo, in tree order. */
export const DEMO_COMMUNITY_NAMES: readonly string[] = DEMO_TREE.subdistricts.flatMap((s) =>
  s.communities.map((c) => c.name),
);

/** The organisation the demo prints on documents: the community of 帝纱富仕城. */
export const DEMO_DOCUMENT_ORG_NAME = '中共垦利街道胜兴社区委员会';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const MOBILE_PREFIXES = ['139', '138', '135', '158', '186', '152', '137', '159'];

function matterIdAt(index: number): string {
  return `${DEMO_ID_PREFIX}matter-${String(index + 1).padStart(3, '0')}`;
}

/** The id of the matter a demo meeting took up. */
export function demoMatterId(key: DemoMeetingMatter): string {
  const index = DEMO_MATTERS.findIndex((m) => m.key === key);
  if (index < 0) throw new Error(`demo: no matter ${key}`);
  return matterIdAt(index);
}

function orgId(slug: string): string {
  return `${DEMO_ID_PREFIX}org-${slug}`;
}

function gridName(index: number): string {
  return `第${CHINESE_NUMERALS[index] ?? String(index + 1)}网格`;
}

/** Splits households over n grids as evenly as possible, earlier grids taking the remainder. */
function splitHouseholds(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total % n ? 1 : 0));
}

export function buildDemoData(now: Date): DemoData {
  const stamp = now.toISOString();
  const random = seededRandom(20_240_610);
  const usedPhones = new Set<string>();
  const orgUnits: OrgUnit[] = [];
  const people: Person[] = [];

  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const uniquePhone = (make: () => string): string => {
    let phone = make();
    while (usedPhones.has(phone)) phone = make();
    usedPhones.add(phone);
    return phone;
  };
  // Fictional but valid: 1xx 0546 xxxx mobiles (0546 is Dongying's area code) and Kenli landlines.
  const mobile = () => uniquePhone(() => `${pick(MOBILE_PREFIXES)}0546${digits(4)}`);
  const landline = () => uniquePhone(() => `0546-25${digits(5)}`);

  const addUnit = (
    slug: string,
    parentId: string | null,
    level: OrgLevel,
    name: string,
    order: number,
    households?: number,
  ) => {
    const unit: OrgUnit = { id: orgId(slug), parentId, level, name, order };
    if (households !== undefined) unit.households = households;
    orgUnits.push(unit);
    return unit;
  };

  const addPerson = (spec: PersonSpec & { gridWorker?: boolean }, orgUnitId: string) => {
    const person: Person = {
      id: `${DEMO_ID_PREFIX}person-${String(people.length + 1).padStart(3, '0')}`,
      name: spec.name,
      roles: [...spec.roles],
      isGridWorker: spec.gridWorker ?? false,
      isMediator: spec.mediator ?? false,
      isPartyMember: spec.party ?? false,
      orgUnitId,
      initials: pinyinInitials(spec.name),
      createdAt: stamp,
      updatedAt: stamp,
    };
    if (spec.g) person.gender = spec.g === 'm' ? 'male' : 'female';
    if (spec.phone === 'landline') person.phone = landline();
    else if (spec.phone !== 'none') person.phone = mobile();
    if (spec.unit) person.unit = spec.unit;
    if (spec.note) person.note = spec.note;
    people.push(person);
    return person;
  };

  const gridWorker = (w: GridWorkerSpec, community: string, where: string): PersonSpec & { gridWorker: true } => ({
    name: w.name,
    g: w.g,
    // Grid workers attend 议事会 beside the six standing roles, so they sit in the "N".
    roles: ['stakeholder'],
    unit: `${community}居委会`,
    note: `专职网格员，负责${where}`,
    party: w.party ?? false,
    gridWorker: true,
  });

  const district = DEMO_TREE;
  const root = addUnit(district.slug, null, 'district', district.name, 0);
  district.subdistricts.forEach((sd, sdIndex) => {
    const subdistrict = addUnit(sd.slug, root.id, 'subdistrict', sd.name, sdIndex);
    sd.communities.forEach((c, cIndex) => {
      const households = c.compounds.reduce((sum, cp) => sum + cp.households, 0);
      const community = addUnit(c.slug, subdistrict.id, 'community', c.name, cIndex, households);
      for (const staff of c.staff) addPerson(staff, community.id);
      c.compounds.forEach((cp, cpIndex) => {
        const compound = addUnit(cp.slug, community.id, 'compound', cp.name, cpIndex, cp.households);
        for (const spec of cp.people) addPerson(spec, compound.id);
        const perGrid = splitHouseholds(cp.households, cp.gridWorkers.length);
        cp.gridWorkers.forEach((w, gIndex) => {
          const name = gridName(gIndex);
          const grid = addUnit(`${cp.slug}-g${gIndex + 1}`, compound.id, 'grid', name, gIndex, perGrid[gIndex]);
          addPerson(gridWorker(w, c.name, `${cp.name}${name}（${perGrid[gIndex]}户）`), grid.id);
        });
      });
    });
  });

  const { matters, events: matterEvents } = buildDemoMatters({
    now,
    specs: DEMO_MATTERS,
    people,
    orgId,
    matterId: matterIdAt,
  });

  // The recorder of the red-bench meetings: the 两委 member who looks after 帝纱富仕城.
  const recorder = people.find((p) => p.orgUnitId === DEMO_RED_BENCH_COMPOUND_ID && p.roles.includes('twoCommittees'));
  const settings: Partial<Settings> = { documentOrgName: DEMO_DOCUMENT_ORG_NAME };
  if (recorder) settings.defaultRecorderId = recorder.id;

  const ladder = buildDemoEscalation({ now, matters, people });

  const extra = buildDemoPointsDisputes(now, matters, people);
  return {
    orgUnits,
    people,
    matters,
    matterEvents: [...matterEvents, ...ladder.events, ...extra.events],
    escalations: ladder.escalations,
    summonedTasks: ladder.summonedTasks,
    pointsEntries: extra.pointsEntries,
    disputes: extra.disputes,
    mediationSessions: extra.mediationSessions,
    settings,
  };
}

/** The demo with its year of meetings: the roster and matters of buildDemoData, plus every meeting record. */
export interface DemoCommunity extends DemoData {
  meetings: MeetingRecord[];
  /** 督办 steps of the signed meetings' decisions (table decisionProgress). */
  progress: ProgressEvent[];
  /** 结果公示 and 评议/整改 of some confirmed decisions (shared/demo/demoPublicity.ts). */
  publicNotices: PublicNotice[];
  evaluations: Evaluation[];
}

export interface DemoOptions {
  /**
   * The wall clock's offset from UTC in minutes (480 for Beijing). Defaults to this computer's,
   * so a 党群议事日 shows at 9:00 on the 10th wherever the demo is loaded.
   */
  utcOffsetMinutes?: number;
}

/**
 * The demo community as the welcome screen loads it. Deterministic: the same `now` and offset
 * give the same data, ids included. Meetings are signed and sealed with WebCrypto, hence async.
 */
export async function buildDemoCommunity(now: Date, options: DemoOptions = {}): Promise<DemoCommunity> {
  const data = buildDemoData(now);
  const clock = demoClock(now, options.utcOffsetMinutes ?? -now.getTimezoneOffset());
  const built = await buildDemoMeetings({ ...data, matterId: demoMatterId }, clock);
  const { records: meetings, progress } = demoFollowup(built, clock);
  const publicity = demoPublicity(meetings, progress, clock);
  return {
    ...data,
    matterEvents: [...data.matterEvents, ...demoAgendaEvents(meetings)],
    meetings,
    progress,
    ...publicity,
  };
}

/** The tables a meeting record is stored in (as MEETING_TABLES in the meeting repository). */
export type DemoMeetingRows = Pick<
  TableRows,
  | 'meetings'
  | 'agendaItems'
  | 'minutes'
  | 'attendance'
  | 'decisions'
  | 'votes'
  | 'householdConsultations'
  | 'amendments'
>;

/** The demo's meeting records as table rows, ready to be stored. */
export function demoMeetingRows(records: readonly MeetingRecord[]): DemoMeetingRows {
  return {
    meetings: records.map((r) => r.meeting),
    agendaItems: records.flatMap((r) => r.agendaItems),
    minutes: records.flatMap((r) => r.minutes),
    attendance: records.flatMap((r) => r.attendance),
    decisions: records.flatMap((r) => r.decisions),
    votes: records.flatMap((r) => r.votes),
    householdConsultations: records.flatMap((r) => r.householdConsultations),
    amendments: records.flatMap((r) => r.amendments),
  };
}
