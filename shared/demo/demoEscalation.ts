import { dayOf, type CalendarDate } from '../dates';
import type { Matter, MatterEvent } from '../domain/matter';
import type { Person } from '../domain/person';
import {
  escalationSchema,
  ladderEventNote,
  recordLadderStep,
  summonsEntry,
  type Escalation,
  type LadderStepInput,
} from '../escalation/ladder';
import {
  applyTaskStep,
  checkInProblem,
  summonedTaskSchema,
  taskProblems,
  type SummonedTask,
} from '../escalation/summons';

/**
 * One demo matter through the whole escalation ladder, so it is visible on first run: the
 * 兴隆佳园 sewer backing up into ground-floor flats (the city's pipe, not the compound's) goes
 * through 五议一备两公开 (结果公开 skipped with its reason: the result comes after the district),
 * a 街道专题联席会议, then 吹哨报到 with two departments — one at work, one overdue. Every step
 * goes through the app's own rules (recordLadderStep, taskProblems, applyTaskStep).
 */
export const DEMO_ESCALATED_TITLE = '雨污管道堵塞，一楼住户返水';

const DAY = 86_400_000;

interface StepSpec {
  step: LadderStepInput['step'];
  daysAgo: number;
  participants: string[];
  outcome: string;
  reason?: string;
  meetingNote?: string;
}

const STEPS: readonly StepSpec[] = [
  { step: 'proposal', daysAgo: 18, participants: ['社区党委'], outcome: '社区党委提议将返水问题作为重大事项办理。' },
  {
    step: 'consultation',
    daysAgo: 17,
    participants: ['社区“两委”班子成员'],
    outcome: '班子商议：市政管道不归小区管理，需会同物业和水务部门查明堵点。',
    meetingNote: '社区两委联席会议',
  },
  {
    step: 'jointConsultation',
    daysAgo: 15,
    participants: ['兴隆佳园物业服务中心', '业委会', '区水务局（列席）'],
    outcome: '联合勘查确认堵点在小区外市政主管，小区内管道畅通。',
  },
  {
    step: 'review',
    daysAgo: 13,
    participants: ['居民代表21人'],
    outcome: '居民代表会议审议同意：提请街道协调市政管道疏通改造，物业先行临时抽排。',
    meetingNote: '兴隆佳园居民代表会议',
  },
  { step: 'resolution', daysAgo: 13, participants: ['居民代表21人'], outcome: '表决通过：同意20人，弃权1人。' },
  { step: 'filing', daysAgo: 12, participants: ['社区党委'], outcome: '决议书面报街道党工委备案。' },
  {
    step: 'resolutionPublic',
    daysAgo: 12,
    participants: ['社区党委'],
    outcome: '决议在公示栏和微信说事群公开7天，无异议。',
  },
  {
    step: 'resultPublic',
    daysAgo: 10,
    participants: [],
    outcome: '',
    reason: '社区层面无法完成疏通改造，提交街道协调，结果待部门办结后公开。',
  },
  {
    step: 'streetJoint',
    daysAgo: 8,
    participants: ['街道党工委', '街道城建办', '社区党委'],
    outcome: '街道专题联席会议认为需区水务、住建部门共同处置，启动“社区吹哨、部门报到”。',
    meetingNote: '兴隆街道专题联席会议',
  },
  {
    step: 'summons',
    daysAgo: 6,
    participants: ['区城乡社区治理办公室', '区水务局', '区住房和城乡建设局'],
    outcome: '区城乡社区治理办公室召集两个部门现场勘查，分派任务。',
  },
];

const TASKS = [
  {
    department: '区水务局',
    task: '疏通并改造小区外市政雨污主管',
    standard: '连续降雨后1号楼一楼地漏不再返水，经居民代表验收',
    dueInDays: 10,
    checkedInBy: '刘志强',
    note: '已完成管道检测，确定改造方案，下周施工。',
  },
  {
    department: '区住房和城乡建设局',
    task: '排查1号楼室内排水立管并督促维修',
    standard: '立管无渗漏，出具检查报告',
    dueInDays: -1,
    checkedInBy: '陈建华',
  },
] as const;

export interface DemoEscalationInput {
  now: Date;
  matters: readonly Matter[];
  people: readonly Person[];
}

export interface DemoEscalation {
  escalations: Escalation[];
  summonedTasks: SummonedTask[];
  events: MatterEvent[];
}

export function buildDemoEscalation({ now, matters, people }: DemoEscalationInput): DemoEscalation {
  const matter = matters.find((m) => m.title === DEMO_ESCALATED_TITLE && m.path === 'escalate');
  if (!matter) throw new Error(`demo: no escalated matter titled ${DEMO_ESCALATED_TITLE}`);
  // Moments around now's hour of day, a few hours apart when several fall on one day.
  const moment = (daysAgo: number, hour = 10) => new Date(now.getTime() - daysAgo * DAY + (hour - 10) * 3_600_000);
  const day = (daysAgo: number): CalendarDate => dayOf(moment(daysAgo)) as CalendarDate;
  const today = dayOf(now) as CalendarDate;
  const secretary =
    people.find((p) => p.orgUnitId === matter.orgUnitId && p.roles.includes('secretary'))?.name ?? '社区党委书记';
  const events: MatterEvent[] = [];
  const event = (kind: MatterEvent['kind'], at: Date, by: string, note: string) =>
    events.push({
      id: `${matter.id}-esc${events.length + 1}`,
      matterId: matter.id,
      at: at.toISOString(),
      by,
      kind,
      note,
    });

  let escalation: Escalation = {
    id: `${matter.id}-escalation`,
    matterId: matter.id,
    orgUnitId: matter.orgUnitId,
    openedAt: moment(STEPS[0]!.daysAgo).toISOString(),
    openedBy: secretary,
    steps: [],
    withdrawn: [],
    updatedAt: moment(STEPS[0]!.daysAgo).toISOString(),
  };
  for (const spec of STEPS) {
    const at = moment(spec.daysAgo);
    const result = recordLadderStep(
      escalation,
      {
        step: spec.step,
        mode: spec.reason ? 'skipped' : 'done',
        date: day(spec.daysAgo),
        participants: spec.participants,
        outcome: spec.outcome,
        ...(spec.reason ? { reason: spec.reason } : {}),
        ...(spec.meetingNote ? { meetingNote: spec.meetingNote } : {}),
        by: secretary,
      },
      { now: at.toISOString(), today, raisedAt: matter.raisedAt },
    );
    if (!result.ok) throw new Error(`demo: ladder step ${spec.step} refused: ${JSON.stringify(result.issues)}`);
    escalation = result.escalation;
    event('ladder', at, secretary, ladderEventNote(escalation.steps.at(-1)!));
  }
  escalation = escalationSchema.parse(escalation);

  const summonedOn = summonsEntry(escalation.steps)!.date;
  const tasks: SummonedTask[] = [];
  TASKS.forEach((spec, i) => {
    const created = moment(6, 15 + i);
    const draft = {
      department: spec.department,
      task: spec.task,
      standard: spec.standard,
      deadline: dayOf(new Date(now.getTime() + spec.dueInDays * DAY)) as CalendarDate,
      supervisor: '兴隆街道党工委',
    };
    const problems = taskProblems(draft, summonedOn, tasks);
    if (problems.length) throw new Error(`demo: task refused: ${problems.join(',')}`);
    const checkIn = day(5);
    const refusal = checkInProblem({}, checkIn, spec.checkedInBy, summonedOn, today);
    if (refusal) throw new Error(`demo: 报到 refused: ${refusal}`);
    let task: SummonedTask = {
      id: `${matter.id}-task${i + 1}`,
      escalationId: escalation.id,
      matterId: matter.id,
      orgUnitId: matter.orgUnitId,
      ...draft,
      checkedInOn: checkIn,
      checkedInBy: spec.checkedInBy,
      status: 'notStarted',
      progress: [],
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
    };
    event('summons', created, secretary, `${task.department}：${task.task}（完成时限：${task.deadline}）`);
    event('summons', moment(5, 9 + i), spec.checkedInBy, `${task.department}报到（${checkIn}）`);
    if ('note' in spec) {
      const at = moment(2).toISOString();
      const step = applyTaskStep(task, { kind: 'note', by: spec.checkedInBy, text: spec.note });
      if (!step.ok) throw new Error(`demo: task step refused: ${step.problem}`);
      task = {
        ...task,
        status: step.state,
        progress: [{ at, by: spec.checkedInBy, kind: 'note', text: spec.note }],
        updatedAt: at,
      };
    }
    tasks.push(summonedTaskSchema.parse(task));
  });
  return { escalations: [escalation], summonedTasks: tasks, events };
}
