// A seeded, deterministic district for scale measurements: "ten years of data".
// The same config gives the same rows, ids included. Rows are yielded in per-table batches so a
// consumer (a test, a benchmark filling IndexedDB) never holds the whole district in memory.
import type { OrgUnit } from '../domain/org';
import type { Person } from '../domain/person';
import type { RosterRole } from '../domain/roles';
import type {
  AgendaItem,
  Attendance,
  AttendanceState,
  Meeting,
  MeetingStatus,
  MeetingType,
  Minutes,
} from '../domain/meeting';
import type { Decision, PartyRef } from '../domain/decision';
import type { HouseholdConsultation, Vote } from '../domain/vote';
import type { Matter } from '../domain/matter';
import { fingerprintRecord } from '../meeting/fingerprint';
import type { MeetingRecord } from '../meeting/record';
import { pinyinInitials } from '../pinyin';
import type { SettingsRow, TableName, TableRows } from '../store/schema';
import {
  COMMUNITY_NAMES,
  COMPOUND_STEMS,
  COMPOUND_SUFFIXES,
  GIVEN_NAMES,
  PLACES,
  SENTENCES,
  STANDARDS,
  SUBDISTRICT_NAMES,
  SURNAMES,
  TOPICS,
  UNITS_COBUILDING,
  UNITS_PROPERTY,
} from './pools';
import { seededRandom } from '../random';

export interface ScaleConfig {
  seed: number;
  /** The last day of the data (YYYY-MM-DD): meetings after it are drafts, one meeting on it is live. */
  today: string;
  years: number;
  communities: number;
  compoundsPerCommunity: number;
  gridsPerCompound: number;
  peoplePerCompound: number;
  /** About how many meetings in all (monthly 党群议事日 plus ~10% 红板凳议事会). */
  meetings: number;
  /** About how many decisions and votes per meeting. */
  decisionsPerMeeting: number;
  votesPerMeeting: number;
  /** Signed past meetings whose first agenda item holds `longMinutesChars` characters of minutes. */
  longSignedMeetings: number;
  longMinutesChars: number;
  /** Real SHA-256 fingerprints (as the app computes them) for signed meetings, or a seeded placeholder. */
  realFingerprints: boolean;
  batchSize: number;
}

/** The district of the measurement: 25 communities, 300 compounds, 30,000 people, 20,000 meetings. */
export const FULL_SCALE: ScaleConfig = {
  seed: 20_161_110,
  today: '2026-11-28',
  years: 10,
  communities: 25,
  compoundsPerCommunity: 12,
  gridsPerCompound: 3,
  peoplePerCompound: 100,
  meetings: 20_000,
  decisionsPerMeeting: 5,
  votesPerMeeting: 2.5,
  longSignedMeetings: 3,
  longMinutesChars: 50_000,
  realFingerprints: true,
  batchSize: 2_000,
};

/** The full district shrunk by `factor` (0.1 → 2–3 communities, 2,000 meetings), same shape. */
export function scaledConfig(factor: number, overrides: Partial<ScaleConfig> = {}): ScaleConfig {
  const f = Math.min(1, Math.max(0.001, factor));
  return {
    ...FULL_SCALE,
    communities: Math.max(1, Math.round(FULL_SCALE.communities * f)),
    meetings: Math.max(10, Math.round(FULL_SCALE.meetings * f)),
    ...overrides,
  };
}

export const SCALE_ID_PREFIX = 'scale-';
/** Today's 红板凳议事会, live, its first item holding `longMinutesChars` of minutes. */
export const SCALE_LIVE_MEETING_ID = `${SCALE_ID_PREFIX}m-live`;
/** The signed past meetings with long minutes. */
export function scaleLongSignedMeetingId(index: number): string {
  return `${SCALE_ID_PREFIX}m-long-${index}`;
}

export type TableBatch = { [T in TableName]: { table: T; rows: TableRows[T] } }[TableName];

// ---------------------------------------------------------------------------------------------
// Randomness

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A count with mean `mean`: floor(mean) plus one with the fractional probability, ±spread. */
  around(mean: number, spread: number): number {
    const base = Math.floor(mean) + (this.chance(mean - Math.floor(mean)) ? 1 : 0);
    return Math.max(0, base + this.int(-spread, spread));
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;
/** Beijing time (UTC+8) at `hour` on a day, as an ISO string in UTC. */
function beijing(day: string, hour: number, minute = 0): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3_600_000 + minute * 60_000).toISOString();
}
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? '');
}

/** Tiptap JSON of paragraphs, the way the minutes editor stores it. */
export function paragraphsDoc(paragraphs: readonly string[]): Record<string, unknown> {
  return {
    type: 'doc',
    content: paragraphs.map((text) =>
      text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] },
    ),
  };
}

interface NamePool {
  surnames: { text: string; initials: string }[];
  given: { text: string; initials: string }[];
}

let namePool: NamePool | null = null;
/** Initials of the pools, computed once with the app's own pinyin (30,000 calls would be slow). */
function names(): NamePool {
  namePool ??= {
    surnames: SURNAMES.map((text) => ({ text, initials: pinyinInitials(text) })),
    given: GIVEN_NAMES.map((text) => ({ text, initials: pinyinInitials(text) })),
  };
  return namePool;
}

interface Compound {
  unit: OrgUnit;
  community: OrgUnit;
  path: string[];
  grids: OrgUnit[];
  /** Roster by role, for attendance, chairs and decisions. */
  byRole: Map<RosterRole, Person[]>;
  propertyUnit: string;
  /** First month index (0-based from the start) the compound holds 党群议事日. */
  firstMonth: number;
  issueCounters: Map<number, number>;
}

function mobile(rng: Rng): string {
  return `1${rng.pick(['39', '38', '35', '58', '86', '52', '37', '59', '33', '77'])}${pad(rng.int(0, 99_999_999), 8)}`;
}

// ---------------------------------------------------------------------------------------------
// The generator

/**
 * Yields the district table by table in batches of at most `batchSize` rows: organisation,
 * roster, then meetings month by month with their items, minutes, attendance, decisions and votes
 * (children may come in a batch before their meeting's batch; all arrive before the end).
 */
export async function* generateDistrict(config: ScaleConfig = FULL_SCALE): AsyncGenerator<TableBatch> {
  const rng = new Rng(config.seed);
  const P = SCALE_ID_PREFIX;
  const pool = names();
  const buffers = new Map<TableName, unknown[]>();
  const take = function* (table: TableName, force: boolean): Generator<TableBatch> {
    const rows = buffers.get(table);
    if (!rows) return;
    let start = 0;
    while (rows.length - start >= config.batchSize || (force && start < rows.length)) {
      yield { table, rows: rows.slice(start, start + config.batchSize) } as TableBatch;
      start += config.batchSize;
    }
    buffers.set(table, rows.slice(start));
  };
  const push = <T extends TableName>(table: T, row: TableRows[T][number]) => {
    let rows = buffers.get(table);
    if (!rows) buffers.set(table, (rows = []));
    rows.push(row);
  };
  const flushFull = function* (): Generator<TableBatch> {
    for (const table of [...buffers.keys()]) yield* take(table, false);
  };
  const flushAll = function* (): Generator<TableBatch> {
    for (const table of [...buffers.keys()]) yield* take(table, true);
  };

  const [endYear, endMonth] = config.today.split('-').map(Number) as [number, number];
  const startStamp = beijing(`${endYear - config.years}-${pad(endMonth, 2)}-01`, 9);
  const created = startStamp;

  // --- Organisation: 区 → 街道 → 社区 → 小区 → 网格
  const district: OrgUnit = { id: `${P}org-district`, parentId: null, level: 'district', name: '垦利区', order: 0 };
  push('orgUnits', district);
  const subdistricts = SUBDISTRICT_NAMES.map<OrgUnit>((name, i) => ({
    id: `${P}org-sd${i}`,
    parentId: district.id,
    level: 'subdistrict',
    name,
    order: i,
  }));
  subdistricts.forEach((u) => push('orgUnits', u));
  const compounds: Compound[] = [];
  let personNo = 0;
  const totalCompounds = config.communities * config.compoundsPerCommunity;
  const months = config.years * 12;
  const monthlyMeetingsPerCompound = (config.meetings * 0.9) / Math.max(1, totalCompounds);
  // Compounds join the practice at staggered months, so the expected total matches `meetings`.
  const latestStart = Math.max(0, Math.min(months - 1, Math.round(2 * (months - monthlyMeetingsPerCompound))));

  for (let c = 0; c < config.communities; c++) {
    const sd = subdistricts[c % subdistricts.length] as OrgUnit;
    const communityName = `${COMMUNITY_NAMES[c % COMMUNITY_NAMES.length]}${c >= COMMUNITY_NAMES.length ? c : ''}社区`;
    const community: OrgUnit = {
      id: `${P}org-c${pad(c, 2)}`,
      parentId: sd.id,
      level: 'community',
      name: communityName,
      order: c,
    };
    push('orgUnits', community);
    for (let k = 0; k < config.compoundsPerCommunity; k++) {
      const n = c * config.compoundsPerCommunity + k;
      const stem = COMPOUND_STEMS[n % COMPOUND_STEMS.length] as string;
      const suffix = COMPOUND_SUFFIXES[Math.floor(n / COMPOUND_STEMS.length) % COMPOUND_SUFFIXES.length] as string;
      const lap = Math.floor(n / (COMPOUND_STEMS.length * COMPOUND_SUFFIXES.length));
      const households = rng.int(300, 1_500);
      const unit: OrgUnit = {
        id: `${P}org-p${pad(n, 3)}`,
        parentId: community.id,
        level: 'compound',
        name: `${stem}${suffix}${lap > 0 ? `${lap + 1}期` : ''}`,
        order: k,
        households,
      };
      push('orgUnits', unit);
      const grids = Array.from({ length: config.gridsPerCompound }, (_, g) => {
        const grid: OrgUnit = {
          id: `${unit.id}-g${g}`,
          parentId: unit.id,
          level: 'grid',
          name: `第${'一二三四五六七八九十'[g] ?? g + 1}网格`,
          order: g,
          households: Math.floor(households / config.gridsPerCompound),
        };
        push('orgUnits', grid);
        return grid;
      });
      const compound: Compound = {
        unit,
        community,
        path: ['垦利区', sd.name, community.name, unit.name],
        grids,
        byRole: new Map(),
        propertyUnit: rng.pick(UNITS_PROPERTY),
        firstMonth: rng.int(0, latestStart),
        issueCounters: new Map(),
      };
      compounds.push(compound);

      // --- Roster: the six standing roles plus stakeholders, mostly residents.
      const roleShare: [RosterRole, number][] = [
        ['secretary', 0.01],
        ['twoCommittees', 0.04],
        ['ownersCommittee', 0.05],
        ['property', 0.03],
        ['resident', 0.6],
        ['coBuilding', 0.07],
        ['stakeholder', 0.2],
      ];
      for (let i = 0; i < config.peoplePerCompound; i++) {
        let role: RosterRole = 'resident';
        if (i === 0) role = 'secretary';
        else {
          let x = rng.next();
          for (const [r, share] of roleShare) {
            if (x < share) {
              role = r;
              break;
            }
            x -= share;
          }
        }
        const roles: RosterRole[] = [role];
        if (role === 'twoCommittees' && rng.chance(0.3)) roles.push('resident');
        if (role === 'ownersCommittee' && rng.chance(0.5)) roles.push('resident');
        const surname = rng.pick(pool.surnames);
        const given = rng.pick(pool.given);
        const phoneKind = rng.next();
        const phone =
          phoneKind < 0.85 ? mobile(rng) : phoneKind < 0.93 ? `0546${rng.int(2_000_000, 8_999_999)}` : undefined;
        const unitName =
          role === 'property' ? compound.propertyUnit : role === 'coBuilding' ? rng.pick(UNITS_COBUILDING) : undefined;
        const grid = rng.pick(grids);
        const person: Person = {
          id: `${P}p${pad(personNo++, 6)}`,
          name: surname.text + given.text,
          gender: rng.chance(0.5) ? 'male' : 'female',
          ...(phone ? { phone } : {}),
          ...(unitName ? { unit: unitName } : {}),
          orgUnitId: role === 'resident' || role === 'stakeholder' ? grid.id : unit.id,
          roles,
          isGridWorker: i > 0 && i <= config.gridsPerCompound && role !== 'property' && role !== 'coBuilding',
          isMediator: rng.chance(0.01),
          isPartyMember: role === 'secretary' || role === 'twoCommittees' || rng.chance(0.12),
          ...(rng.chance(0.05) ? { note: `${rng.int(1, 30)}号楼${rng.int(1, 6)}单元` } : {}),
          initials: surname.initials + given.initials,
          createdAt: created,
          updatedAt: created,
        };
        push('people', person);
        for (const r of roles) {
          const list = compound.byRole.get(r) ?? [];
          list.push(person);
          compound.byRole.set(r, list);
        }
      }
      yield* flushFull();
    }
  }
  yield* flushAll();

  // --- Meetings, month by month.
  let meetingNo = 0;
  let itemNo = 0;
  let decisionNo = 0;
  let voteNo = 0;
  let attendanceNo = 0;
  let matterNo = 0;
  let consultationNo = 0;
  let longLeft = config.longSignedMeetings;
  const recentDay = addDays(config.today, -30);
  const everyN = (table: TableName) => (buffers.get(table)?.length ?? 0) >= config.batchSize;

  const personRef = (p: Person): PartyRef => ({ kind: 'person', personId: p.id, name: p.name });
  const someone = (c: Compound, role: RosterRole): Person => {
    const list = c.byRole.get(role) ?? c.byRole.get('resident') ?? c.byRole.get('secretary') ?? [];
    return rng.pick(list);
  };

  const statusFor = (day: string): MeetingStatus => {
    if (day > config.today) return 'draft';
    if (day >= recentDay) return rng.pick<MeetingStatus>(['closed', 'finalised', 'signed']);
    return 'signed';
  };

  const minutesText = (c: Compound, topic: string, chars: number): string[] => {
    const paragraphs: string[] = [];
    let total = 0;
    while (total < chars) {
      let paragraph = '';
      const sentences = rng.int(2, 5);
      for (let s = 0; s < sentences; s++) {
        paragraph += fill(rng.pick(SENTENCES), {
          name: someone(c, rng.pick(['secretary', 'twoCommittees', 'resident', 'ownersCommittee', 'property'])).name,
          topic,
          n: String(rng.int(3, 90)),
          days: String(rng.pick([7, 10, 15, 20, 30])),
          unit: rng.pick(UNITS_COBUILDING),
          building: String(rng.int(1, 30)),
        });
      }
      paragraphs.push(paragraph);
      total += paragraph.length;
    }
    return paragraphs;
  };

  async function makeMeeting(
    c: Compound,
    type: MeetingType,
    day: string,
    id: string,
    forced?: MeetingStatus,
    longChars = 0,
  ): Promise<void> {
    const status = forced ?? statusFor(day);
    const year = Number(day.slice(0, 4));
    const issueNo = (c.issueCounters.get(year) ?? 0) + 1;
    c.issueCounters.set(year, issueNo);
    const hour = type === 'monthlyDay' ? 9 : rng.pick([14, 15, 19]);
    const startAt = beijing(day, hour);
    const plannedEndAt = beijing(day, hour + 2);
    const chair = someone(c, 'secretary');
    const recorder = someone(c, 'twoCommittees');
    const held = status !== 'draft';
    const past = status === 'closed' || status === 'finalised' || status === 'signed';
    const slots = { compound: c.unit.name, community: c.community.name };
    const meeting: Meeting = {
      id,
      type,
      title:
        type === 'monthlyDay' ? `${c.unit.name}${Number(day.slice(5, 7))}月党群议事日` : `${c.unit.name}红板凳议事会`,
      orgUnitId: c.unit.id,
      issueYear: year,
      issueNo: Math.min(999, issueNo),
      startAt,
      plannedEndAt,
      place: fill(rng.pick(PLACES), slots),
      chair: personRef(chair),
      recorder: personRef(recorder),
      status,
      passThreshold: 0.5,
      ...(held ? { startedAt: startAt } : {}),
      ...(past ? { closedAt: beijing(day, hour + 2, rng.int(-30, 40)) } : {}),
      ...(status === 'finalised' || status === 'signed'
        ? {
            finalisedAt: beijing(addDays(day, 1), 10),
            orgPathAtFinalise: c.path,
            documentOrgNameAtFinalise: `中共${c.community.name}委员会`,
          }
        : {}),
      ...(status === 'signed' ? { signedAt: beijing(addDays(day, 2), 10) } : {}),
      createdAt: beijing(addDays(day, -7), 10),
      updatedAt: beijing(addDays(day, held ? 2 : -7), 10),
    };

    // Attendance: "6+N".
    const attendance: Attendance[] = [];
    const invited: [RosterRole, number][] = [
      ['secretary', 1],
      ['twoCommittees', 2],
      ['ownersCommittee', 1],
      ['property', 1],
      ['resident', rng.int(3, 6)],
      ['coBuilding', rng.int(0, 2)],
      ['stakeholder', type === 'redBench' ? rng.int(2, 5) : rng.int(0, 2)],
    ];
    const seen = new Set<string>();
    for (const [role, count] of invited) {
      for (let i = 0; i < count; i++) {
        const p = i === 0 && role === 'secretary' ? chair : someone(c, role);
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        let state: AttendanceState = 'invited';
        if (held) {
          const x = rng.next();
          state = x < 0.85 ? 'present' : x < 0.93 ? 'excused' : x < 0.97 ? 'absent' : 'nonVoting';
        }
        const present = state === 'present' || state === 'nonVoting';
        attendance.push({
          id: `${P}a${pad(attendanceNo++, 7)}`,
          meetingId: id,
          personId: p.id,
          name: p.name,
          ...(p.unit ? { unit: p.unit } : {}),
          category: role,
          order: attendance.length,
          state,
          ...(present ? { arrivedAt: beijing(day, hour, rng.int(-15, 10)) } : {}),
          ...(present && status === 'signed'
            ? { signature: { kind: 'paper' as const, signedAt: beijing(day, hour + 2) } }
            : {}),
        });
      }
    }
    const voters = attendance.filter((a) => a.state === 'present').length;

    // Agenda items with minutes, decisions, votes.
    const itemCount = Math.max(1, rng.around(3, 1));
    const items: AgendaItem[] = [];
    const minutes: Minutes[] = [];
    const decisions: Decision[] = [];
    const votes: Vote[] = [];
    const consultations: HouseholdConsultation[] = [];
    const decisionCount = rng.around(config.decisionsPerMeeting, 2);
    const voteCount = rng.around(config.votesPerMeeting, 1);
    for (let k = 0; k < itemCount; k++) {
      const topic = rng.pick(TOPICS);
      const title = fill(topic.title, { ...slots, building: String(rng.int(1, 30)) });
      const itemId = `${P}i${pad(itemNo++, 7)}`;
      let matterId: string | undefined;
      if (rng.chance(0.15)) {
        matterId = `${P}mt${pad(matterNo++, 6)}`;
        const matter: Matter = {
          id: matterId,
          orgUnitId: c.unit.id,
          title,
          description: `居民反映${title}，希望尽快协商解决。`,
          raisedBy: someone(c, 'resident').name,
          channel: rng.pick(['hall', 'compoundPoint', 'wechatGroup', 'visit', 'online'] as const),
          kind: 'pending',
          status: past ? 'solved' : 'onAgenda',
          createdAt: beijing(addDays(day, -rng.int(5, 40)), 10),
        };
        push('matters', matter);
      }
      const itemStart = beijing(day, hour, k * 30);
      const item: AgendaItem = {
        id: itemId,
        meetingId: id,
        order: k,
        title,
        ...(rng.chance(0.5)
          ? { background: `近期${rng.int(3, 40)}户居民反映${title}问题，经网格员入户核实属实。` }
          : {}),
        ...(rng.chance(0.4) ? { raisedBy: someone(c, 'resident').name } : {}),
        plannedMinutes: rng.pick([15, 20, 30, 40]),
        ...(matterId ? { matterId } : {}),
        concerns: [...topic.concerns],
        state: past
          ? rng.chance(0.9)
            ? 'resolved'
            : 'carriedOver'
          : status === 'live'
            ? k === 0
              ? 'discussed'
              : 'pending'
            : 'pending',
        ...(past
          ? {
              resolution: `会议同意${title}的实施方案，明确责任人和完成时限。`,
              startedAt: itemStart,
              endedAt: beijing(day, hour, k * 30 + 25),
            }
          : {}),
      };
      items.push(item);
      if (held) {
        const paragraphs = minutesText(c, title, k === 0 && longChars > 0 ? longChars : rng.int(150, 450));
        minutes.push({
          agendaItemId: itemId,
          meetingId: id,
          schemaVersion: 1,
          doc: paragraphsDoc(paragraphs),
          text: paragraphs.join('\n'),
          updatedAt: beijing(day, hour + 2),
        });
      }
      if (past && rng.chance(0.05)) {
        const asked = rng.int(20, 120);
        const agreed = rng.int(0, asked);
        const disagreed = rng.int(0, asked - agreed);
        consultations.push({
          id: `${P}h${pad(consultationNo++, 6)}`,
          meetingId: id,
          agendaItemId: itemId,
          subject: `${title}逐户征求意见`,
          asked,
          agreed,
          disagreed,
          notReached: rng.int(0, asked - agreed - disagreed),
        });
      }
    }
    if (past) {
      for (let d = 0; d < decisionCount; d++) {
        const item = items[d % items.length] as AgendaItem;
        const responsible: PartyRef = rng.chance(0.6)
          ? personRef(someone(c, rng.pick(['property', 'twoCommittees', 'ownersCommittee'])))
          : { kind: 'text', name: rng.chance(0.5) ? c.propertyUnit : rng.pick(UNITS_COBUILDING) };
        let supervisor: PartyRef = personRef(rng.chance(0.5) ? chair : someone(c, 'resident'));
        if (
          responsible.kind === 'person' &&
          supervisor.kind === 'person' &&
          responsible.personId === supervisor.personId
        )
          supervisor = { kind: 'text', name: `${c.community.name}党委` };
        const deadline = addDays(day, rng.pick([7, 15, 30, 45, 60, 90]));
        const overdue = deadline < config.today;
        decisions.push({
          id: `${P}d${pad(decisionNo++, 7)}`,
          meetingId: id,
          agendaItemId: item.id,
          title: `${item.title}：${rng.pick(['制定实施方案', '组织施工', '公示结果', '逐户征求意见', '完成整改', '申请维修资金', '联系相关部门'])}`,
          responsible,
          standard: rng.pick(STANDARDS),
          deadline,
          supervisor,
          status: overdue ? rng.pick(['done', 'done', 'done', 'rated', 'rated', 'overdue'] as const) : 'open',
          createdAt: beijing(day, hour + 1, d),
        });
      }
      for (let v = 0; v < voteCount && voters > 0; v++) {
        const item = items[v % items.length] as AgendaItem;
        const agree = rng.int(Math.floor(voters / 2), voters);
        const disagree = rng.int(0, voters - agree);
        votes.push({
          id: `${P}v${pad(voteNo++, 6)}`,
          meetingId: id,
          agendaItemId: item.id,
          subject: `关于${item.title}的方案`,
          method: rng.chance(0.8) ? 'showOfHands' : 'secretBallot',
          agree,
          disagree,
          abstain: rng.int(0, voters - agree - disagree),
          presentVoters: voters,
          threshold: 0.5,
        });
      }
    }
    if (status === 'live') Object.assign(meeting, { currentAgendaItemId: items[0]?.id });
    if (status === 'signed') {
      const record: MeetingRecord = {
        meeting,
        orgPath: c.path,
        documentOrgName: meeting.documentOrgNameAtFinalise ?? '',
        agendaItems: items,
        minutes,
        attendance,
        decisions,
        votes,
        householdConsultations: consultations,
        amendments: [],
      };
      meeting.fingerprint = config.realFingerprints ? await fingerprintRecord(record) : rng.hex(64);
    }
    push('meetings', meeting);
    items.forEach((r) => push('agendaItems', r));
    minutes.forEach((r) => push('minutes', r));
    attendance.forEach((r) => push('attendance', r));
    decisions.forEach((r) => push('decisions', r));
    votes.forEach((r) => push('votes', r));
    consultations.forEach((r) => push('householdConsultations', r));
  }

  const startYear = endYear - config.years;
  for (let m = 0; m <= months + 1; m++) {
    const year = startYear + Math.floor((endMonth - 1 + m) / 12);
    const month = ((endMonth - 1 + m) % 12) + 1;
    const tenth = `${year}-${pad(month, 2)}-10`;
    for (const c of compounds) {
      if (m < c.firstMonth) continue;
      // Next month's 党群议事日 is prepared as a draft; later months do not exist yet.
      if (tenth > addDays(config.today, 31)) continue;
      const long = longLeft > 0 && tenth < recentDay && m >= months - 12;
      if (long) longLeft--;
      await makeMeeting(
        c,
        'monthlyDay',
        tenth,
        long ? scaleLongSignedMeetingId(config.longSignedMeetings - longLeft - 1) : `${P}m${pad(meetingNo++, 6)}`,
        long ? 'signed' : undefined,
        long ? config.longMinutesChars : 0,
      );
      // About one 红板凳议事会 for every nine 党群议事日, on a weekday of the month.
      if (rng.chance(1 / 9)) {
        const day = `${year}-${pad(month, 2)}-${pad(rng.int(11, 28), 2)}`;
        if (day < config.today) await makeMeeting(c, 'redBench', day, `${P}m${pad(meetingNo++, 6)}`);
      }
      if ([...buffers.keys()].some(everyN)) yield* flushFull();
    }
  }
  // Today's live 红板凳议事会, where the secretary types the minutes.
  const first = compounds[0];
  if (first) await makeMeeting(first, 'redBench', config.today, SCALE_LIVE_MEETING_ID, 'live', config.longMinutesChars);

  const settings: SettingsRow = {
    key: 'app',
    documentOrgName: `中共${first?.community.name ?? '胜兴社区'}委员会`,
    locale: 'zh-CN',
    largeType: false,
    setUpAt: created,
    // The daily backup has run today: opening the app measures the app, not the backup.
    lastDailyBackupDay: config.today,
  };
  push('settings', settings);
  yield* flushAll();
}
