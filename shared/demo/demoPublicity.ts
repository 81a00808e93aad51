import { addDays, compareDates, dayOf, type CalendarDate } from '../dates';
import type { ProgressEvent } from '../followup/state';
import type { MeetingRecord } from '../meeting/record';
import { applyEvaluation, type Evaluation, type EvaluationAction } from '../publicity/evaluation';
import { noticeEnd, type PublicNotice } from '../publicity/notice';
import type { DemoClock } from './demoClock';

export interface DemoPublicity {
  publicNotices: PublicNotice[];
  evaluations: Evaluation[];
}

interface Confirmed {
  decisionId: string;
  meetingId: string;
  supervisor: string;
  confirmedOn: CalendarDate;
}

const DAYS = 7;

/**
 * 群众评事 on the demo's confirmed decisions, built through the same rules the screens use
 * (applyEvaluation), so the 工作台 and the decision pages show every stage on first run: a
 * 结果公示 running and ending soon (评议 to organise), one rated 满意 and reported to the
 * 社区党委, and one rated 不满意 whose 整改 waits for its 再次验收.
 */
export function demoPublicity(
  records: readonly MeetingRecord[],
  progress: readonly ProgressEvent[],
  clock: DemoClock,
): DemoPublicity {
  const today = clock.today as CalendarDate;
  const confirmations = new Map(
    progress.filter((p) => p.kind === 'confirm').map((p) => [p.decisionId, dayOf(p.at)] as const),
  );
  const confirmed: Confirmed[] = records
    .flatMap((r) => r.decisions)
    .flatMap((d) => {
      const on = confirmations.get(d.id);
      return d.status === 'done' && on
        ? [{ decisionId: d.id, meetingId: d.meetingId, supervisor: d.supervisor.name, confirmedOn: on }]
        : [];
    })
    .sort((a, b) => compareDates(b.confirmedOn, a.confirmedOn) || a.decisionId.localeCompare(b.decisionId));
  // Old enough to have been published, rated and rectified before today.
  const settled = confirmed.filter((c) => compareDates(addDays(c.confirmedOn, 30), today) <= 0);
  const [running, passed, failed] = [
    confirmed.find((c) => compareDates(c.confirmedOn, addDays(today, -5)) <= 0),
    settled[0],
    settled[1],
  ];
  const out: DemoPublicity = { publicNotices: [], evaluations: [] };
  if (running) out.publicNotices.push(notice(running, addDays(today, -5), clock));
  for (const [c, outcome] of [
    [passed, 'passed'],
    [failed, 'failed'],
  ] as const) {
    if (!c || c === running) continue;
    const posted = notice(c, addDays(c.confirmedOn, 1), clock);
    out.publicNotices.push(posted);
    out.evaluations.push(evaluation(c, posted, outcome, clock));
  }
  return out;
}

function notice(c: Confirmed, startDate: CalendarDate, clock: DemoClock): PublicNotice {
  return {
    id: `${c.decisionId}-result-notice`,
    kind: 'result',
    meetingId: c.meetingId,
    decisionId: c.decisionId,
    places: ['board', 'wechat'],
    startDate,
    days: DAYS,
    endDate: noticeEnd(startDate, DAYS),
    postedBy: c.supervisor,
    recordedAt: clock.iso(startDate, 9, 0),
    objections: [],
  };
}

function evaluation(c: Confirmed, posted: PublicNotice, outcome: 'passed' | 'failed', clock: DemoClock): Evaluation {
  const rateOn = addDays(posted.endDate, 1);
  const counts =
    outcome === 'passed' ? { satisfied: 8, basic: 2, unsatisfied: 0 } : { satisfied: 2, basic: 2, unsatisfied: 6 };
  const actions: [CalendarDate, EvaluationAction][] = [
    [rateOn, { kind: 'rate', input: { on: rateOn, by: c.supervisor, counts, thresholdPercent: 80 } }],
  ];
  if (outcome === 'passed')
    actions.push([addDays(rateOn, 2), { kind: 'report', on: addDays(rateOn, 2), by: c.supervisor }]);
  else
    actions.push([
      addDays(rateOn, 1),
      {
        kind: 'rectify',
        input: {
          task: '按居民代表评议意见返工整改，整改后请居民代表再次验收',
          responsible: c.supervisor,
          deadline: addDays(clock.today as CalendarDate, 10),
          openedOn: addDays(rateOn, 1),
          openedBy: c.supervisor,
        },
      },
    ]);
  let e: Evaluation = {
    id: `${c.decisionId}-evaluation`,
    decisionId: c.decisionId,
    meetingId: c.meetingId,
    rounds: [],
    rectifications: [],
    reports: [],
    updatedAt: posted.recordedAt,
  };
  for (const [day, action] of actions) {
    const result = applyEvaluation(e, action, {
      decisionDone: true,
      resultNotice: posted,
      today: day,
      now: new Date(clock.iso(day, 16, 0)),
    });
    if (!result.ok) throw new Error(`demo: 评议 refused (${result.message})`);
    e = result.evaluation;
  }
  return e;
}
