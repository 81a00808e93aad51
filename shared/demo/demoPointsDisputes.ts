import { addDays, dayOf, instantOf, type CalendarDate } from '../dates';
import type { Matter, MatterEvent } from '../domain/matter';
import type { Person } from '../domain/person';
import { DISPUTE_CATEGORY, type Dispute, type MediationSession } from '../matters/disputes';
import {
  DEFAULT_POINTS_RULES,
  POINTS_AWARD_LABELS,
  residentKeyOf,
  type PointsAward,
  type PointsEntry,
} from '../matters/points';

const HOUR = 60 * 60 * 1000;

export interface DemoPointsDisputes {
  pointsEntries: PointsEntry[];
  disputes: Dispute[];
  mediationSessions: MediationSession[];
  /** The timeline steps of the awards and mediations, to add to the matters' events. */
  events: MatterEvent[];
}

/** How each demo dispute went: the 康居 pigeon case was settled after months of talks, as reported. */
const MEDIATIONS: ReadonlyArray<{ sessions: ReadonlyArray<readonly [number, string, string]>; settled?: string }> = [
  {
    sessions: [
      [10, '康居社区平和茶社', '单独听取养鸽户和周边住户意见，养鸽户同意先减少放飞次数'],
      [45, '康居社区居民说事厅', '法官、律师、物业和调解员与双方集体座谈，议定鸽舍挪位和清洁办法'],
      [85, '康居社区居民说事厅', '双方签订调解协议：鸽舍移至楼顶指定位置，每日清理，减少至30羽以内'],
    ],
    settled: '历时3个月，经10余次沟通和集体座谈，以调解形式解决',
  },
  { sessions: [[3, '新东方小区南区广场', '与广场舞队负责人和临近住户沟通，试行晚9点前结束、音量减半']] },
];

/**
 * 金点子 points and 矛盾纠纷 for the demo: every 矛盾纠纷 matter is a dispute (two, one settled,
 * one in mediation, so 化解率 reads 50%); the first few ideas raised by roster residents earned
 * points, and one resident redeemed some. Deterministic for a given `now`.
 */
export function buildDemoPointsDisputes(
  now: Date,
  matters: readonly Matter[],
  people: readonly Person[],
): DemoPointsDisputes {
  const result: DemoPointsDisputes = { pointsEntries: [], disputes: [], mediationSessions: [], events: [] };
  const iso = (ms: number) => new Date(Math.min(ms, now.getTime())).toISOString();
  const mediators = people.filter((p) => p.isMediator);
  const disputes = matters.filter((m) => m.category === DISPUTE_CATEGORY && !m.mergedInto);
  disputes.forEach((matter, i) => {
    const plan = MEDIATIONS[i] ?? { sessions: [] };
    const mediator = mediators[i % Math.max(1, mediators.length)];
    const start = instantOf(matter.createdAt);
    const parties = [
      { name: matter.raisedBy.kind === 'anonymous' ? '投诉住户' : matter.raisedBy.name },
      { name: i === 0 ? '养鸽户' : '广场舞队' },
    ];
    plan.sessions.forEach(([day, place, agreed], n) => {
      const at = iso(start + day * 24 * HOUR);
      const date = (dayOf(at) ?? addDays(matter.raisedAt as CalendarDate, day)) as CalendarDate;
      result.mediationSessions.push({
        id: `${matter.id}-mediation${n + 1}`,
        matterId: matter.id,
        date,
        place,
        agreed,
        createdAt: at,
        by: mediator?.name ?? '',
      });
      result.events.push({
        id: `${matter.id}-mediation-ev${n + 1}`,
        matterId: matter.id,
        at,
        by: mediator?.name ?? '',
        kind: 'mediationSession',
        note: `${place}：${agreed}`,
      });
    });
    const settledAt = plan.settled ? iso(start + 90 * 24 * HOUR) : undefined;
    result.disputes.push({
      matterId: matter.id,
      parties,
      ...(mediator && { mediator: { personId: mediator.id, name: mediator.name } }),
      outcome: plan.settled ? 'success' : 'pending',
      ...(plan.settled && settledAt && { outcomeNote: plan.settled, outcomeAt: settledAt }),
      createdAt: matter.createdAt,
      updatedAt: settledAt ?? matter.createdAt,
    });
    if (plan.settled && settledAt)
      result.events.push({
        id: `${matter.id}-outcome`,
        matterId: matter.id,
        at: settledAt,
        by: mediator?.name ?? '',
        kind: 'disputeOutcome',
        note: `调解成功：${plan.settled}`,
      });
  });

  const awards: PointsAward[] = ['golden', 'goodMethod', 'golden'];
  const ideas = matters
    .filter((m) => m.raisedBy.kind === 'resident' && !m.mergedInto && m.category !== DISPUTE_CATEGORY)
    .slice(0, awards.length);
  ideas.forEach((matter, i) => {
    const award = awards[i]!;
    const resident = residentKeyOf(matter.raisedBy)!;
    const at = iso(instantOf(matter.createdAt) + 2 * 24 * HOUR);
    const points = DEFAULT_POINTS_RULES[award];
    result.pointsEntries.push({
      id: `${matter.id}-points`,
      residentKey: resident.key,
      residentName: resident.name,
      ...(resident.personId && { personId: resident.personId }),
      kind: 'earn',
      points,
      award,
      matterId: matter.id,
      reason: `${POINTS_AWARD_LABELS[award]}：${matter.title}`,
      at,
      by: '社区工作人员',
    });
    result.events.push({
      id: `${matter.id}-points-ev`,
      matterId: matter.id,
      at,
      by: '社区工作人员',
      kind: 'pointsAwarded',
      note: `评为${POINTS_AWARD_LABELS[award]}，${resident.name}得${points}分`,
    });
  });
  const first = result.pointsEntries[0];
  if (first)
    result.pointsEntries.push({
      id: `${first.matterId}-redeem`,
      residentKey: first.residentKey,
      residentName: first.residentName,
      ...(first.personId && { personId: first.personId }),
      kind: 'redeem',
      points: 6,
      reason: '社区理发室免费理发一次',
      at: iso(instantOf(first.at) + 7 * 24 * HOUR),
      by: '社区工作人员',
    });
  return result;
}
