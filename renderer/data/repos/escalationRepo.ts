import type { z } from 'zod';
import { dayOf, today as todayOf, type CalendarDate } from '../../../shared/dates';
import type { Matter } from '../../../shared/domain/matter';
import {
  escalationSchema,
  goBackTo,
  ladderEventNote,
  ladderProblemText,
  LADDER_STEP_LABELS,
  recordLadderStep,
  summonsEntry,
  type Escalation,
  type LadderIssue,
  type LadderStep,
  type LadderStepInput,
} from '../../../shared/escalation/ladder';
import {
  applyTaskStep,
  checkInProblem,
  summonedTaskSchema,
  SUMMONS_PROBLEMS_ZH,
  taskProblems,
  type SummonedTask,
  type SummonsProblem,
  type TaskDraft,
} from '../../../shared/escalation/summons';
import type { ProgressStep } from '../../../shared/followup/state';
import { newId } from '../../../shared/ids';
import { firstIssueMessage } from '../../../shared/validation/messages';
import type { YishiDb } from '../db';
import { recordMatterEvent } from './matterEvents';
import { escalationRefusalZh, type EscalationRefusal } from '../../../shared/escalation/refusals';

/**
 * The escalation ladder of a 上报件 (shared/escalation/): each action is one transaction that
 * reads the rows it judges, asks the pure rule, and writes the row and the matter's timeline step
 * together — or nothing, with the Chinese reason.
 */
export class EscalationRefused extends Error {
  constructor(
    message: string,
    /** The rule's codes, for a form that shows each beside its field. */
    readonly codes: readonly (LadderIssue | SummonsProblem)[] = [],
    /** A refusal outside the step rules, by code, so the screen words it in its locale. */
    readonly reason?: EscalationRefusal,
  ) {
    super(message);
    this.name = 'EscalationRefused';
  }

  static because(reason: EscalationRefusal, detail?: string): EscalationRefused {
    const text = escalationRefusalZh(reason);
    return new EscalationRefused(detail ? `${text}：${detail}` : text, [], reason);
  }
}

const TABLES = (db: YishiDb) => [db.matters, db.matterEvents, db.escalations, db.summonedTasks, db.meetings];

function parsed<T>(schema: z.ZodType<T>, row: unknown, table: 'escalations' | 'summonedTasks'): T {
  const result = schema.safeParse(row);
  if (!result.success)
    throw EscalationRefused.because(
      'storedRowInvalid',
      firstIssueMessage(result.error, { root: { kind: 'row', table }, input: row }),
    );
  return result.data;
}

/** The matter, refused when it is gone, merged or done with: a closed matter's ladder stays as it was. */
async function openMatter(db: YishiDb, matterId: string): Promise<Matter> {
  const matter = await db.matters.get(matterId);
  if (!matter) throw EscalationRefused.because('matterMissing');
  if (matter.mergedInto) throw EscalationRefused.because('matterMerged');
  if (matter.closedAt) throw EscalationRefused.because('matterClosed');
  return matter;
}

function ladderRefusal(issues: readonly LadderIssue[]): EscalationRefused {
  return new EscalationRefused(issues.map(ladderProblemText).join('；'), issues);
}

function summonsRefusal(problems: readonly SummonsProblem[]): EscalationRefused {
  return new EscalationRefused(problems.map((p) => SUMMONS_PROBLEMS_ZH[p]).join('；'), problems);
}

export interface EscalationData {
  escalation: Escalation | undefined;
  tasks: SummonedTask[];
  /** Titles of the meetings the steps link to. */
  meetingTitles: Map<string, string>;
}

/** A matter's ladder and its 吹哨报到 tasks (by index: a matter has one ladder, a ladder few tasks). */
export async function loadEscalation(db: YishiDb, matterId: string): Promise<EscalationData> {
  return db.transaction('r', db.escalations, db.summonedTasks, db.meetings, async () => {
    const escalation = await db.escalations.where('matterId').equals(matterId).first();
    const tasks = escalation ? await db.summonedTasks.where('escalationId').equals(escalation.id).toArray() : [];
    const ids = [...new Set((escalation?.steps ?? []).flatMap((s) => (s.meetingId ? [s.meetingId] : [])))];
    const meetings = await db.meetings.bulkGet(ids);
    return {
      escalation,
      tasks: tasks.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      meetingTitles: new Map(meetings.flatMap((m) => (m ? [[m.id, m.title] as const] : []))),
    };
  });
}

/**
 * Records the next step (done or skipped). The first step opens the ladder: only a 上报件 has
 * one. A linked meeting must exist. The matter's timeline gets the step in the same transaction.
 */
export async function recordEscalationStep(
  db: YishiDb,
  matterId: string,
  input: LadderStepInput,
  now = new Date(),
): Promise<Escalation> {
  return db.transaction('rw', TABLES(db), async () => {
    const matter = await openMatter(db, matterId);
    const found = await db.escalations.where('matterId').equals(matterId).first();
    if (!found && matter.path !== 'escalate') throw EscalationRefused.because('notEscalated');
    if (input.meetingId && !(await db.meetings.get(input.meetingId))) throw EscalationRefused.because('meetingMissing');
    const at = now.toISOString();
    const base: Escalation = found ?? {
      id: newId(),
      matterId,
      orgUnitId: matter.orgUnitId,
      openedAt: at,
      openedBy: input.by.trim() || '—',
      steps: [],
      withdrawn: [],
      updatedAt: at,
    };
    const result = recordLadderStep(base, input, { now: at, today: todayOf(now), raisedAt: matter.raisedAt });
    if (!result.ok) throw ladderRefusal(result.issues);
    const row = parsed(escalationSchema, result.escalation, 'escalations');
    await db.escalations.put(row);
    const entry = row.steps.at(-1)!;
    await recordMatterEvent(
      db,
      {
        matterId,
        kind: 'ladder',
        by: entry.recordedBy,
        note: ladderEventNote(entry),
        ...(entry.meetingId ? { meetingId: entry.meetingId } : {}),
      },
      now,
    );
    return row;
  });
}

/** 退回 to a recorded step, with a reason; the withdrawn steps stay on record. */
export async function goBackEscalation(
  db: YishiDb,
  matterId: string,
  step: LadderStep,
  reason: string,
  by: string,
  now = new Date(),
): Promise<Escalation> {
  return db.transaction('rw', TABLES(db), async () => {
    await openMatter(db, matterId);
    const found = await db.escalations.where('matterId').equals(matterId).first();
    if (!found) throw EscalationRefused.because('notOpened');
    // Tasks already given to departments stand on the 吹哨报到 step: it cannot be withdrawn under them.
    if (found.steps.findIndex((s) => s.step === step) <= found.steps.findIndex((s) => s.step === 'summons')) {
      const tasks = await db.summonedTasks.where('escalationId').equals(found.id).count();
      if (tasks > 0) throw EscalationRefused.because('tasksAssigned');
    }
    const result = goBackTo(found, step, reason, by, now.toISOString());
    if (!result.ok) throw ladderRefusal(result.issues);
    const row = parsed(escalationSchema, result.escalation, 'escalations');
    await db.escalations.put(row);
    await recordMatterEvent(
      db,
      { matterId, kind: 'ladder', by: by.trim(), note: `退回到“${LADDER_STEP_LABELS[step]}”：${reason.trim()}` },
      now,
    );
    return row;
  });
}

/** Gives a summoned department a task (吹哨报到), once the 吹哨报到 step is recorded. */
export async function assignSummonedTask(
  db: YishiDb,
  matterId: string,
  draft: TaskDraft,
  by: string,
  now = new Date(),
): Promise<SummonedTask> {
  return db.transaction('rw', TABLES(db), async () => {
    const matter = await openMatter(db, matterId);
    const escalation = await db.escalations.where('matterId').equals(matterId).first();
    const existing = escalation ? await db.summonedTasks.where('escalationId').equals(escalation.id).toArray() : [];
    const problems = taskProblems(draft, escalation && summonsEntry(escalation.steps)?.date, existing);
    if (problems.length > 0 || !escalation) throw summonsRefusal(problems);
    const at = now.toISOString();
    const task = parsed(
      summonedTaskSchema,
      {
        id: newId(),
        escalationId: escalation.id,
        matterId,
        orgUnitId: matter.orgUnitId,
        department: draft.department.trim(),
        task: draft.task.trim(),
        standard: draft.standard.trim(),
        deadline: draft.deadline,
        supervisor: draft.supervisor.trim(),
        status: 'notStarted',
        progress: [],
        createdAt: at,
        updatedAt: at,
      },
      'summonedTasks',
    );
    await db.summonedTasks.add(task);
    await recordMatterEvent(
      db,
      {
        matterId,
        kind: 'summons',
        by: by.trim(),
        note: `${task.department}：${task.task}（完成时限：${task.deadline}）`,
      },
      now,
    );
    return task;
  });
}

async function taskInScope(db: YishiDb, taskId: string): Promise<{ task: SummonedTask; summonedOn: CalendarDate }> {
  const task = await db.summonedTasks.get(taskId);
  if (!task) throw EscalationRefused.because('taskMissing');
  await openMatter(db, task.matterId);
  const escalation = await db.escalations.get(task.escalationId);
  const summonedOn = escalation && summonsEntry(escalation.steps)?.date;
  if (!summonedOn) throw summonsRefusal(['notSummoned']);
  return { task, summonedOn };
}

/** 报到: the department reported in (date and person). */
export async function checkInDepartment(
  db: YishiDb,
  taskId: string,
  date: string,
  by: string,
  now = new Date(),
): Promise<SummonedTask> {
  return db.transaction('rw', TABLES(db), async () => {
    const { task, summonedOn } = await taskInScope(db, taskId);
    const problem = checkInProblem(task, date, by, summonedOn, todayOf(now));
    if (problem) throw summonsRefusal([problem]);
    const next = parsed(
      summonedTaskSchema,
      { ...task, checkedInOn: date, checkedInBy: by.trim(), updatedAt: now.toISOString() },
      'summonedTasks',
    );
    await db.summonedTasks.put(next);
    await recordMatterEvent(
      db,
      { matterId: task.matterId, kind: 'summons', by: by.trim(), note: `${task.department}报到（${date}）` },
      now,
    );
    return next;
  });
}

/** A follow-up step on a task (记录进展, 报告完成, 监督人确认, 退回): the task's state and its step together. */
export async function recordTaskStep(
  db: YishiDb,
  taskId: string,
  step: ProgressStep,
  now = new Date(),
): Promise<SummonedTask> {
  return db.transaction('rw', TABLES(db), async () => {
    const { task } = await taskInScope(db, taskId);
    const result = applyTaskStep(task, step);
    if (!result.ok) throw summonsRefusal([result.problem]);
    const at = now.toISOString();
    const next = parsed(
      summonedTaskSchema,
      {
        ...task,
        status: result.state,
        progress: [...task.progress, { at, by: step.by.trim(), kind: step.kind, text: step.text.trim() }],
        updatedAt: at,
      },
      'summonedTasks',
    );
    await db.summonedTasks.put(next);
    if (step.kind !== 'note')
      await recordMatterEvent(
        db,
        {
          matterId: task.matterId,
          kind: 'summons',
          by: step.by.trim(),
          note: `${task.department}：${TASK_STEP_WORDS[step.kind]}${step.text.trim() ? `（${step.text.trim()}）` : ''}`,
        },
        now,
      );
    return next;
  });
}

const TASK_STEP_WORDS: Readonly<Record<Exclude<ProgressStep['kind'], 'note'>, string>> = {
  reportDone: '报告完成',
  confirm: '监督人确认完成',
  return: '监督人退回',
};

/** Every 吹哨报到 task with its matter's title, for the 督办 board (a small table: read whole). */
export async function loadSummonedForBoard(db: YishiDb): Promise<{ task: SummonedTask; matterTitle: string }[]> {
  const tasks = await db.summonedTasks.toArray();
  const matters = await db.matters.bulkGet([...new Set(tasks.map((t) => t.matterId))]);
  const titles = new Map(matters.flatMap((m) => (m ? [[m.id, m.title] as const] : [])));
  return tasks.map((task) => ({ task, matterTitle: titles.get(task.matterId) ?? '' }));
}

/** Tasks with their matters' titles, read for these tasks only. */
export async function withMatterTitles(
  db: YishiDb,
  tasks: readonly SummonedTask[],
): Promise<{ task: SummonedTask; matterTitle: string }[]> {
  const matters = await db.matters.bulkGet([...new Set(tasks.map((t) => t.matterId))]);
  const titles = new Map(matters.flatMap((m) => (m ? [[m.id, m.title] as const] : [])));
  return tasks.map((task) => ({ task, matterTitle: titles.get(task.matterId) ?? '' }));
}

/** The day of a task's latest step, for the board's 进展日期. */
export function latestTaskDay(task: SummonedTask): CalendarDate | null {
  const last = task.progress.at(-1);
  return last ? dayOf(last.at) : null;
}

/** Meetings a step may link to: the latest 200 that were not cancelled (by the startAt index). */
export async function loadMeetingChoices(
  db: YishiDb,
): Promise<{ id: string; title: string; startAt: string; orgUnitId: string }[]> {
  const meetings = await db.meetings
    .orderBy('startAt')
    .reverse()
    .filter((m) => m.status !== 'cancelled')
    .limit(200)
    .toArray();
  return meetings.map(({ id, title, startAt, orgUnitId }) => ({ id, title, startAt, orgUnitId }));
}
