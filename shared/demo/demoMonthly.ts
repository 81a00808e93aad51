import type { Decision, PartyRef } from '../domain/decision';
import { formatChineseDate } from '../dates';
import type { Person } from '../domain/person';
import { STANDING_ROLES, type RosterRole } from '../domain/roles';
import {
  drawAttendanceState,
  drawDecision,
  drawVote,
  fill,
  minutesParagraphs,
  personRef,
  supervisorOtherThan,
  type Rng,
} from './builders';
import { SENTENCES, STANDARDS, TOPICS, UNITS_COBUILDING } from './pools';
import type { CarriedItemDraft } from '../meeting/schedule';
import type { CaseContext } from './demoCaseKit';
import type { DemoCompound } from './demoCompounds';
import type { AttendancePlan, DecisionPlan, ItemPlan } from './demoMeeting';
import { votersOf } from './demoMeeting';

/**
 * The routine of a 党群议事日: last month's decisions reported, unresolved items carried
 * forward, one or two of the residents' matters deliberated, any other business. Topics and
 * minutes come from the scale generator's pools with the compound's own people speaking.
 */

export const REPORT_TITLE = '上月决定事项落实情况通报';
export const OTHER_TITLE = '其他事项';

type Topic = { title: string; concerns: readonly RosterRole[] };

/** Heating complaints belong to the heating season (mid-November to mid-March). */
function inSeason(topic: Topic, month: number): boolean {
  return !topic.title.includes('供暖') || month >= 11 || month <= 3;
}

/** A compound's topics, dealt without repeats until the pile runs out, then reshuffled. */
export class TopicDeck {
  private pile: Topic[] = [];
  constructor(
    private readonly rng: Rng,
    private readonly topics: readonly Topic[],
  ) {}
  static forCompound(rng: Rng, compound: DemoCompound, exclude: readonly string[]): TopicDeck {
    const topics = TOPICS.filter((t) => t.title !== REPORT_TITLE && !exclude.some((x) => t.title.includes(x)));
    return new TopicDeck(rng, topics);
  }
  deal(month: number): Topic {
    let at = this.pile.findLastIndex((t) => inSeason(t, month));
    if (at < 0) {
      // What is left is out of season: it waits in the new pile.
      this.pile = [...shuffle(this.rng, this.topics), ...this.pile];
      at = this.pile.findLastIndex((t) => inSeason(t, month));
    }
    if (at < 0) throw new Error('demo: no topic in season');
    return this.pile.splice(at, 1)[0] as Topic;
  }
}

function shuffle<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The category a person is invited in: the first standing role they hold, as createMeeting does. */
export function standingCategory(person: Person): RosterRole | null {
  return STANDING_ROLES.find((r) => person.roles.includes(r)) ?? null;
}

/**
 * The six standing roles of the compound, one grid worker and some interested parties (N), with
 * `extra` people invited as well. The chair, the recorder and those in `speakers` (who speak in
 * a hand-written item) are present; the others come or not as people do.
 */
export function monthlyAttendance(
  compound: DemoCompound,
  rng: Rng,
  extra: readonly Person[] = [],
  speakers: readonly Person[] = [],
): AttendancePlan[] {
  const standing = compound.people.flatMap((person) => {
    const category = standingCategory(person);
    return category ? [{ person, category }] : [];
  });
  const chosen = [rng.pick(compound.gridWorkers), ...compound.stakeholders.filter(() => rng.chance(0.4)), ...extra];
  const n = chosen
    .filter((p, i) => chosen.findIndex((q) => q.id === p.id) === i && !standing.some((s) => s.person.id === p.id))
    .map((person) => ({ person, category: 'stakeholder' as const }));
  const leads = new Set([compound.secretary.id, compound.recorder.id, ...speakers.map((p) => p.id)]);
  return [...standing, ...n].map((a) => {
    const drawn = drawAttendanceState(rng);
    return { ...a, state: leads.has(a.person.id) ? 'present' : drawn };
  });
}

export interface MonthlyContext extends CaseContext {
  compound: DemoCompound;
  rng: Rng;
  attendance: AttendancePlan[];
  /** Decisions taken since the last 党群议事日 (that one included), with the day of their meeting. */
  reported: Decision[];
}

/** Who says a pool sentence: someone present, in the role the sentence names if it names one. */
function speakerFor(ctx: MonthlyContext): (sentence: string) => string {
  const present = presentPeople(ctx);
  const ids = new Set(present.map((p) => p.id));
  return (sentence) => {
    const role = SPEAKERS.find(([words]) => sentence.includes(words));
    const holders = role ? role[1](ctx.compound).filter((p) => ids.has(p.id)) : [];
    return ctx.rng.pick(holders.length > 0 ? holders : present).name;
  };
}

/**
 * Who says what: a pool sentence that names a role (业委会主任, 网格员…) or speaks for someone
 * (the property company's plan, the budget) is said by a present person in that role, and not
 * at all when nobody in it came.
 */
const SPEAKERS: ReadonlyArray<[string, (c: DemoCompound) => Person[]]> = [
  ['业委会主任', (c) => [c.ownersCommittee]],
  ['网格员', (c) => c.gridWorkers],
  ['居民代表', (c) => c.residents],
  ['利益相关方', (c) => c.stakeholders],
  ['物业公司将', (c) => [c.property]],
  ['的预算作了说明', (c) => [c.property]],
  ['的基本情况', (c) => [c.recorder, c.secretary, ...c.gridWorkers]],
  ['上次会议确定的事项', (c) => [c.secretary, c.recorder]],
];

/** Sentences about building works, money and construction: said only of topics that involve works. */
const WORKS_WORDS = ['施工', '维修资金', '费用分摊', '预算'];
const WORKS_TOPIC = /改造|维修|建设|防水|电梯|更换|路灯|划线|充电|游园|保温|疏通|门禁|井盖/;

function presentPeople(ctx: MonthlyContext): Person[] {
  return ctx.attendance.filter((a) => a.state === 'present' || a.state === 'nonVoting').map((a) => a.person);
}

/**
 * The pool sentences this meeting can say: none that contradicts the record (votes are recorded
 * as votes, the summing up is written last), none naming a role nobody present holds, no winter
 * warnings in summer, no talk of building works on a matter that has none.
 */
function sentencesFor(ctx: MonthlyContext, topic: { title: string; concerns: readonly RosterRole[] }): string[] {
  const present = new Set(presentPeople(ctx).map((p) => p.id));
  const month = Number(ctx.day.slice(5, 7));
  const works = WORKS_TOPIC.test(topic.title);
  return SENTENCES.filter((s) => {
    if (s.includes('举手表决') || s.startsWith('主持人')) return false;
    if (s.includes('冬季') && month > 3 && month < 11) return false;
    if (!works && WORKS_WORDS.some((w) => s.includes(w))) return false;
    if (s.includes('共建单位') && !topic.concerns.includes('coBuilding')) return false;
    return SPEAKERS.every(
      ([words, holders]) => !s.includes(words) || holders(ctx.compound).some((p) => present.has(p.id)),
    );
  });
}

/** A few paragraphs of discussion; short enough that no sentence of the pool comes twice. */
function discussion(ctx: MonthlyContext, topic: { title: string; concerns: readonly RosterRole[] }): string[] {
  const own = ctx.compound.coBuilding.flatMap((p) => (p.unit ? [p.unit] : []));
  const units = own.length > 0 ? own : UNITS_COBUILDING;
  return minutesParagraphs(ctx.rng, {
    chars: ctx.rng.int(160, 320),
    topic: topic.title,
    speaker: speakerFor(ctx),
    unit: () => ctx.rng.pick(units),
    sentences: sentencesFor(ctx, topic),
    distinct: true,
  });
}

/**
 * Who acts on a routine matter: the property manager or company, the 两委 member or the owners'
 * committee (co-building units act in the hand-written cases, where it is clear what they do).
 */
function responsibleFor(ctx: MonthlyContext): PartyRef {
  const c = ctx.compound;
  if (ctx.rng.chance(0.6)) return personRef(ctx.rng.pick([c.property, c.recorder, c.ownersCommittee]));
  return c.propertyCompany;
}

/** Actions that fit any resident's matter (the pool's also has 申请维修资金 and the like). */
const ROUTINE_ACTIONS = ['制定实施方案', '组织实施', '公示结果', '跟踪落实并向居民反馈', '完成整改'] as const;

function drawnDecisions(ctx: MonthlyContext, itemTitle: string, count: number): DecisionPlan[] {
  const c = ctx.compound;
  const used: string[] = [];
  return Array.from({ length: count }, () => {
    const responsible = responsibleFor(ctx);
    const supervisor = supervisorOtherThan(
      responsible,
      personRef(ctx.rng.chance(0.5) ? c.secretary : ctx.rng.pick(c.residents)),
      { kind: 'text', name: `${c.community.name}党委` },
    );
    const {
      id: _id,
      meetingId: _m,
      agendaItemId: _i,
      createdAt: _c,
      ...plan
    } = drawDecision(ctx.rng, {
      id: '',
      meetingId: '',
      agendaItemId: '',
      itemTitle,
      responsible,
      supervisor,
      day: ctx.day,
      today: ctx.today,
      createdAt: '',
      // Two decisions on one item ask for different things.
      actions: ROUTINE_ACTIONS.filter((a) => !used.includes(a)),
      standards: WORKS_TOPIC.test(itemTitle)
        ? STANDARDS
        : STANDARDS.filter((x) => !WORKS_WORDS.some((w) => x.includes(w))),
    });
    used.push(plan.title.slice(itemTitle.length + 1));
    return plan;
  });
}

/** A resident's matter deliberated: resolved with decisions (and sometimes a vote), or carried to next month. */
export function topicItem(ctx: MonthlyContext, topic: Topic | CarriedItemDraft, carryOver: boolean): ItemPlan {
  const c = ctx.compound;
  const rng = ctx.rng;
  const carried = 'carriedFromItemId' in topic ? topic : null;
  const title = carried
    ? carried.title
    : fill(topic.title, { compound: c.unit.name, building: String(rng.int(1, 30)) });
  const resolution = carryOver
    ? '本次会议未形成最终意见，由网格员继续收集居民意见，转下月党群议事日议定。'
    : `会议同意${title}的实施方案，明确责任人、完成标准和完成时限。`;
  const decisions = carryOver ? [] : drawnDecisions(ctx, title, rng.int(1, 2));
  const votes =
    !carryOver && rng.chance(0.4)
      ? [
          drawVote(rng, {
            id: '',
            meetingId: '',
            agendaItemId: '',
            subject: `关于${title}的方案`,
            threshold: 0.5,
            voters: votersOf(ctx.attendance),
          }),
        ].map(({ id: _id, meetingId: _m, agendaItemId: _i, threshold: _t, ...v }) => v)
      : [];
  const background =
    carried?.background ??
    (rng.chance(0.6) ? `近期${rng.int(3, 40)}户居民反映${title}问题，经网格员入户核实属实。` : undefined);
  const raisedBy = carried?.raisedBy ?? rng.pick(c.residents).name;
  return {
    title,
    ...(background ? { background } : {}),
    raisedBy,
    ...(carried?.matterId ? { matterId: carried.matterId } : {}),
    ...(carried ? { carriedFromItemId: carried.carriedFromItemId } : {}),
    concerns: [...topic.concerns],
    plannedMinutes: carried?.plannedMinutes ?? rng.pick([20, 30, 40]),
    state: carryOver ? 'carriedOver' : 'resolved',
    resolution,
    minutes: [
      ...(carried ? ['本议题由上月党群议事日转入，继续协商。'] : []),
      ...discussion(ctx, { title, concerns: topic.concerns }),
      `主持人${c.secretary.name}总结：${resolution}`,
    ],
    decisions,
    votes,
    consultations: [],
  };
}

function progress(d: Decision, day: string): string {
  if (d.deadline >= day) return '正在推进';
  return d.status !== 'done' ? '未按期完成，责任人说明了原因，会议要求限期完成' : '已按期完成';
}

function tally(all: number, done: number, late: number): string {
  const parts = [`共${all}项`, `已完成${done}项`];
  if (all - done - late > 0) parts.push(`正在推进${all - done - late}项`);
  if (late > 0) parts.push(`逾期未完成${late}项`);
  return parts.join('，');
}

/** The standing first item: how last month's decisions stand, one line each. */
export function reportItem(ctx: MonthlyContext): ItemPlan {
  const c = ctx.compound;
  const ds = ctx.reported;
  const late = ds.filter((d) => d.deadline < ctx.day && d.status !== 'done').length;
  const done = ds.filter((d) => d.deadline < ctx.day && d.status === 'done').length;
  const lines = ds.map(
    (d, i) =>
      `${i + 1}. ${d.title}（责任人：${d.responsible.name}；完成时限：${formatChineseDate(d.deadline)}）：${progress(d, ctx.day)}。`,
  );
  return {
    title: REPORT_TITLE,
    concerns: ['twoCommittees'],
    plannedMinutes: 15,
    state: 'resolved',
    resolution: '听取上月决定事项落实情况通报，未完成事项继续跟踪督办。',
    minutes:
      ds.length === 0
        ? [`${c.recorder.name}通报：上月议定事项均已办结，无待通报的决定事项。`]
        : [
            `${c.recorder.name}通报上月决定事项落实情况：${tally(ds.length, done, late)}。`,
            ...lines,
            `居民代表${ctx.rng.pick(c.residents).name}对已完成事项表示认可，希望未完成事项抓紧推进。`,
          ],
    decisions: [],
    votes: [],
    consultations: [],
  };
}

const OTHER_BUSINESS = [
  '与会人员无其他事项提出。',
  '{name}提醒大家注意用电用气安全，楼道内不得停放电动车、不得飞线充电。',
  '{name}通报了近期“双报到”党员认领“微心愿”情况，请各楼栋长做好宣传。',
] as const;
/** Said in April to June only, before the rains. */
const BEFORE_THE_RAINS = '{name}提出汛期前检查雨水井和地下车库排水，物业表示本周内完成。';

export function otherBusinessItem(ctx: MonthlyContext): ItemPlan {
  const month = Number(ctx.day.slice(5, 7));
  const lines = month >= 4 && month <= 6 ? [...OTHER_BUSINESS, BEFORE_THE_RAINS] : OTHER_BUSINESS;
  const present = ctx.attendance.filter((a) => a.state === 'present');
  return {
    title: OTHER_TITLE,
    concerns: [],
    plannedMinutes: 15,
    state: 'resolved',
    minutes: [fill(ctx.rng.pick(lines), { name: ctx.rng.pick(present).person.name })],
    decisions: [],
    votes: [],
    consultations: [],
  };
}
