import { addDays, daysBetween, instantOf, meetingDay, type CalendarDate } from '../dates';
import type { Decision } from '../domain/decision';
import { followupRefusal } from '../followup/access';
import { applyStep, type FollowupState, type ProgressEvent, type ProgressKind } from '../followup/state';
import type { MeetingRecord } from '../meeting/record';
import { seededRandom } from '../random';
import type { DemoClock } from './demoClock';

const NOTES = [
  '已召集物业、楼长到现场查看，确定了实施方案',
  '材料已采购到位，施工队已进场',
  '已完成约一半，预计能按期完成',
  '已入户走访相关住户，做通了思想工作',
  '已在微信说事群通报进展，居民无异议',
] as const;
const LATE_NOTES = [
  '受连续降雨影响施工暂停，责任人已说明原因，争取两周内完成',
  '所需资金需街道协调，已提交申请，正在等待批复',
] as const;
const REPORTS = ['已按完成标准办结，请监督人验收', '已完成，现场已清理干净，请验收'] as const;
const CONFIRMS = ['到现场查看，符合完成标准，确认完成', '会同居民代表现场查看，达到标准，确认完成'] as const;
const SEND_BACK = '现场查看发现东侧两处还没有达到标准，请整改到位后再报验收';

interface Step {
  kind: ProgressKind;
  day: CalendarDate;
  text: string;
}

/** A number from a decision's id, so every decision draws the same steps on every load. */
function seedOf(id: string): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

/** A day `share` of the way from `from` to `to` (never before `from`). */
function dayBetween(from: CalendarDate, to: CalendarDate, share: number): CalendarDate {
  return addDays(from, Math.max(1, Math.round(Math.max(0, daysBetween(from, to)) * share)));
}

/**
 * The steps that bring a decision to its planned state: a planned 已完成 gets a note, a report
 * and the supervisor's confirmation; a late one notes explaining the delay; one not yet due
 * nothing, a note, or a note and a report. `sendBack` marks the one decision whose report the
 * supervisor returned.
 */
function plannedSteps(
  d: Decision,
  day: CalendarDate,
  today: CalendarDate,
  rng: () => number,
  sendBack: boolean,
): Step[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const until = d.deadline < today ? d.deadline : today;
  const note: Step = { kind: 'note', day: dayBetween(day, until, 0.3), text: pick(NOTES) };
  if (sendBack)
    return [
      note,
      { kind: 'reportDone', day: dayBetween(day, until, 0.6), text: pick(REPORTS) },
      { kind: 'return', day: dayBetween(day, until, 0.8), text: SEND_BACK },
    ];
  if (d.status === 'done') {
    const report = dayBetween(day, d.deadline, 0.85);
    return [
      note,
      { kind: 'reportDone', day: report, text: pick(REPORTS) },
      { kind: 'confirm', day: addDays(report, 1), text: pick(CONFIRMS) },
    ];
  }
  if (d.deadline < today) return [note, { kind: 'note', day: addDays(d.deadline, 1), text: pick(LATE_NOTES) }];
  const draw = rng();
  if (draw < 0.4) return [];
  if (draw < 0.8) return [note];
  return [note, { kind: 'reportDone', day: dayBetween(day, until, 0.7), text: pick(REPORTS) }];
}

/**
 * Gives the demo's decisions a lived-in 督办 history through the same transition rule the
 * repository uses (`applyStep`): each step is checked and the decision's state is the result,
 * so the demo cannot hold a state the app would refuse. Only signed meetings are followed
 * (shared/followup/access.ts); a step that would fall after `now` is left out.
 */
export function demoFollowup(
  records: readonly MeetingRecord[],
  clock: DemoClock,
): { records: MeetingRecord[]; progress: ProgressEvent[] } {
  const progress: ProgressEvent[] = [];
  const today = clock.today as CalendarDate;
  let sendBackLeft = 1;
  const out = records.map((record) => {
    if (followupRefusal(record.meeting.status) !== null) return record;
    const day = meetingDay(record.meeting);
    const decisions = record.decisions.map((d) => {
      const rng = seededRandom(seedOf(d.id));
      const sendBack = sendBackLeft > 0 && d.status === 'inProgress' && d.deadline < today;
      if (sendBack) sendBackLeft--;
      let state: FollowupState = 'notStarted';
      plannedSteps(d, day, today, rng, sendBack).forEach((step, n) => {
        const at = clock.iso(step.day, 9 + n * 2, 30);
        if (instantOf(at) > clock.now.getTime()) return;
        const by = step.kind === 'confirm' || step.kind === 'return' ? d.supervisor.name : d.responsible.name;
        const next = applyStep(state, { kind: step.kind, by, text: step.text }, d.supervisor);
        if (!next.ok) throw new Error(`demo: follow-up step refused (${next.problem}): ${d.title}`);
        state = next.state;
        progress.push({
          id: `${d.id}-p${n + 1}`,
          decisionId: d.id,
          meetingId: d.meetingId,
          at,
          by,
          kind: step.kind,
          text: step.text,
        });
      });
      return { ...d, status: state };
    });
    return { ...record, decisions };
  });
  return { records: out, progress };
}
