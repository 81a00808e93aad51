import { meetingDay } from '../dates';
import type { Matter } from '../domain/matter';
import { addDays, Rng } from './builders';
import { amendRecord, type AmendRequest } from '../meeting/amend';
import type { MeetingRecord } from '../meeting/record';
import {
  carryForward,
  defaultTemplates,
  nextIssueNo,
  standingTitles,
  type CarriedItemDraft,
} from '../meeting/schedule';

function monthlyTemplate() {
  const template = defaultTemplates().find((t) => t.type === 'monthlyDay');
  if (!template) throw new Error('demo: no 党群议事日 template');
  return template;
}
import { RED_BENCH_CASES, SHOWCASE_CASE } from './demoCases';
import type { CaseContext, RedBenchCase } from './demoCaseKit';
import { nextMonthlyDraft } from './demoDraft';
import { NORTH_GATE, northGateDecided, northGateHeard } from './demoNorthGate';
import { adHocDay, monthlyMeetingDays, type DemoClock } from './demoClock';
import { demoCompound, demoPerson, type DemoCompound, type DemoRoster } from './demoCompounds';
import type { DemoMeetingMatter } from './demoMatters';
import { holdMeeting, votersOf, type AttendancePlan, type ItemPlan, type MeetingPlan } from './demoMeeting';
import {
  TopicDeck,
  monthlyAttendance,
  otherBusinessItem,
  reportItem,
  standingCategory,
  topicItem,
  type MonthlyContext,
} from './demoMonthly';

/**
 * The demo's year of meetings: for three compounds the 党群议事日 of the last twelve months
 * (signed, or still collecting signatures if only just held) and a draft for the next 10th that
 * carries their unresolved items forward; the report's red-bench meetings; two amendments on the
 * showcase meeting. Every record is made by the app's own lifecycle, sealing and amendment code.
 */

export const DEMO_MONTHS = 12;

/** Compounds holding 党群议事日, and the pool topics they leave to their own cases. */
export const DEMO_MONTHLY_COMPOUNDS = [
  { slug: 'dishafushicheng', exclude: ['垃圾分类', '停车位'] },
  { slug: 'huifengjiayuan', exclude: ['消防通道'] },
  { slug: 'xindongfang', exclude: ['广场舞', '门禁'] },
] as const;

const unitId = (slug: string) => `demo-org-${slug}`;
export const demoMeetingId = (slug: string, key: string) => `demo-meeting-${slug}-${key}`;
/** The signed red-bench meeting of 帝纱富仕城: the meeting to open first. */
export const DEMO_SHOWCASE_MEETING_ID = demoMeetingId(SHOWCASE_CASE.compound, 'redbench');
export const DEMO_NEXT_MONTHLY_KEY = 'next';

type Event = { day: string; kind: 'monthly'; month: number } | { day: string; kind: 'redBench'; spec: RedBenchCase };

interface CompoundYear {
  compound: DemoCompound;
  slug: string;
  rng: Rng;
  records: MeetingRecord[];
  lastMonthly?: MeetingRecord;
}

export interface HistoryInput extends DemoRoster {
  matters: Matter[];
  matterId(key: DemoMeetingMatter): string;
}

function caseContext(input: HistoryInput, clock: DemoClock, day: string, attendance: AttendancePlan[]): CaseContext {
  return {
    day,
    today: clock.today,
    invited: attendance.length,
    present: attendance.filter((a) => a.state === 'present' || a.state === 'nonVoting').length,
    voters: votersOf(attendance),
    person: (name) => demoPerson(input, name),
    matterId: input.matterId,
  };
}

function redBenchPlan(
  input: HistoryInput,
  clock: DemoClock,
  year: CompoundYear,
  spec: RedBenchCase,
  day: string,
): MeetingPlan {
  const c = year.compound;
  const attendance: AttendancePlan[] = spec.invited.map((name) => {
    const person = demoPerson(input, name);
    return { person, category: standingCategory(person) ?? 'stakeholder', state: spec.away[name] ?? 'present' };
  });
  return {
    id: demoMeetingId(spec.compound, 'redbench'),
    type: 'redBench',
    title: `${c.unit.name}红板凳议事会`,
    compound: c,
    day,
    hour: spec.hour,
    minute: spec.minute,
    plannedMinutes: spec.plannedMinutes,
    place: spec.place,
    issueNo: nextIssueNo(
      year.records.map((r) => r.meeting),
      c.unit.id,
      Number(day.slice(0, 4)),
    ),
    attendance,
    items: spec.items(caseContext(input, clock, day, attendance)),
    createdAt: clock.iso(addDays(day, -3), 16, year.rng.int(0, 59)),
  };
}

function monthlyPlan(
  input: HistoryInput,
  clock: DemoClock,
  year: CompoundYear,
  deck: TopicDeck,
  event: { day: string; month: number },
): MeetingPlan {
  const { compound: c, rng, lastMonthly: previous } = year;
  const gateId = input.matterId('northGate');
  const gateHeard = year.slug === NORTH_GATE.compound && event.month === DEMO_MONTHS - NORTH_GATE.monthsBeforeNext;
  const gateDecided = previous?.agendaItems.some((i) => i.matterId === gateId && i.state !== 'resolved') ?? false;
  const who = (names: readonly string[]) => names.map((name) => demoPerson(input, name));
  const attendance = monthlyAttendance(
    c,
    rng,
    who(gateHeard ? NORTH_GATE.guests : []),
    who(gateHeard || gateDecided ? NORTH_GATE.speakers : []),
  );
  const since = previous ? year.records.filter((r) => r.meeting.startAt >= previous.meeting.startAt) : [];
  const ctx: MonthlyContext = {
    ...caseContext(input, clock, event.day, attendance),
    compound: c,
    rng,
    attendance,
    reported: since.flatMap((r) => r.decisions),
  };
  const carried: CarriedItemDraft[] = previous ? carryForward(previous, standingTitles(monthlyTemplate())) : [];
  const month = Number(event.day.slice(5, 7));
  const newTopics = rng.int(1, 2);
  // The last month leaves one item open, so the next 10th has something carried forward.
  const carryFirst = event.month === DEMO_MONTHS - 1;
  const items: ItemPlan[] = [
    reportItem(ctx),
    ...carried.map((d) => (d.matterId === gateId ? northGateDecided(ctx, d) : topicItem(ctx, d, false))),
    ...(gateHeard ? [northGateHeard(ctx)] : []),
    ...Array.from({ length: newTopics }, (_, i) =>
      topicItem(ctx, deck.deal(month), (carryFirst && i === 0) || rng.chance(0.12)),
    ),
    otherBusinessItem(ctx),
  ];
  return {
    id: demoMeetingId(year.slug, event.day.slice(0, 7)),
    type: 'monthlyDay',
    title: `${c.unit.name}党群议事日`,
    compound: c,
    day: event.day,
    hour: 9,
    minute: 0,
    plannedMinutes: 90,
    place: `${c.unit.name}党群服务站`,
    issueNo: nextIssueNo(
      year.records.map((r) => r.meeting),
      c.unit.id,
      Number(event.day.slice(0, 4)),
    ),
    attendance,
    items,
    ...(previous && carried.length > 0 ? { carriedFromMeetingId: previous.meeting.id } : {}),
    createdAt: clock.iso(addDays(event.day, -6), 10, rng.int(0, 59)),
  };
}

async function amend(record: MeetingRecord, request: AmendRequest, at: string): Promise<MeetingRecord> {
  const n = record.amendments.length + 1;
  const result = await amendRecord(record, request, new Date(at), () => `${record.meeting.id}-amendment-${n}`);
  if (!result.ok) throw new Error(`demo: amendment refused: ${JSON.stringify(result.problem)}`);
  return result.record;
}

/** 修订 of the showcase meeting: a deadline put back by the rain, then a leave wrongly marked absent. */
async function amendShowcase(record: MeetingRecord, clock: DemoClock): Promise<MeetingRecord> {
  const day = meetingDay(record.meeting);
  const postponed = await amend(
    record,
    {
      by: '李振海',
      reason: '施划单位受连续降雨影响推迟进场，经原参会各方电话确认同意，“重新施划地面停车位”完成时限顺延15天。',
      apply: (draft) => {
        const d = draft.decisions.find((x) => x.title === '重新施划地面停车位');
        if (!d) throw new Error('demo: the parking decision is missing');
        d.deadline = addDays(d.deadline, 15);
        // Follow-up status is not part of the seal: it moves with the new deadline.
        d.status = d.deadline < clock.today ? 'done' : 'notStarted';
      },
    },
    clock.iso(addDays(day, 12), 10, 20),
  );
  return amend(
    postponed,
    {
      by: '赵丽娟',
      reason: '经核实，居民代表徐晓燕会前已向小区党支部请假，签到时误记为缺席，予以更正。',
      apply: (draft) => {
        const a = draft.attendance.find((x) => x.name === '徐晓燕');
        if (!a) throw new Error('demo: 徐晓燕 is not on the sign-in sheet');
        a.state = 'excused';
      },
    },
    clock.iso(addDays(day, 20), 15, 5),
  );
}

function eventsOf(slug: string, clock: DemoClock, days: readonly string[]): Event[] {
  const monthly = DEMO_MONTHLY_COMPOUNDS.some((m) => m.slug === slug)
    ? days.map((day, month) => ({ day, kind: 'monthly' as const, month }))
    : [];
  const redBench = RED_BENCH_CASES.filter((c) => c.compound === slug).map((spec) => ({
    day: adHocDay(clock.today, spec.daysAgo),
    kind: 'redBench' as const,
    spec,
  }));
  return [...monthly, ...redBench].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Every demo meeting, compound by compound, oldest first, drafts last. */
export async function buildDemoMeetings(input: HistoryInput, clock: DemoClock): Promise<MeetingRecord[]> {
  const { past, next } = monthlyMeetingDays(clock.today, DEMO_MONTHS);
  const slugs = [
    ...DEMO_MONTHLY_COMPOUNDS.map((m) => m.slug),
    ...RED_BENCH_CASES.map((c) => c.compound).filter((s) => !DEMO_MONTHLY_COMPOUNDS.some((m) => m.slug === s)),
  ];
  const out: MeetingRecord[] = [];
  for (const [index, slug] of slugs.entries()) {
    // One random stream per compound: a change to one compound's year leaves the others alone.
    const year: CompoundYear = {
      compound: demoCompound(input, unitId(slug)),
      slug,
      rng: new Rng(20_261_110 + index),
      records: [],
    };
    const exclude = DEMO_MONTHLY_COMPOUNDS.find((m) => m.slug === slug)?.exclude ?? [];
    const deck = TopicDeck.forCompound(year.rng, year.compound, exclude);
    for (const event of eventsOf(slug, clock, past)) {
      const plan =
        event.kind === 'monthly'
          ? monthlyPlan(input, clock, year, deck, event)
          : redBenchPlan(input, clock, year, event.spec, event.day);
      let record = await holdMeeting(plan, clock, year.rng);
      if (event.kind === 'redBench' && event.spec === SHOWCASE_CASE) record = await amendShowcase(record, clock);
      year.records.push(record);
      if (event.kind === 'monthly') year.lastMonthly = record;
    }
    if (year.lastMonthly) {
      const matter =
        slug === NORTH_GATE.compound ? input.matters.find((m) => m.id === input.matterId('squareDance')) : undefined;
      year.records.push(
        nextMonthlyDraft(clock, {
          id: demoMeetingId(slug, DEMO_NEXT_MONTHLY_KEY),
          compound: year.compound,
          day: next,
          previous: year.lastMonthly,
          earlier: year.records.map((r) => r.meeting),
          matter,
        }),
      );
    }
    out.push(...year.records);
  }
  return out;
}
