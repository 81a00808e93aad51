import type { CalendarDate } from '../../shared/dates';
import { addLists, emptyTally, type GroupCount, type GroupTally, type Grouping } from '../../shared/followup/groups';
import { tallyFromRows } from '../../shared/followup/tallyRows';
import { isTallyComplete, readStoredTally } from './decisionTally';
import { unsignedDecisions } from './repos/boardCachedReads';
import { DB_NAME } from '../../shared/store/schema';
import type { YishiDb } from './db';
import { tallyFollowedDecisions } from './repos/boardTally';
import { workerAsker, type WorkerAsker, type WorkerLike, type WorkerReply } from './workerAsker';

export type BoardTallyRequest = { id: number; unfollowed: string[]; today: CalendarDate };
export type BoardTallyReply = WorkerReply<Record<Grouping, GroupCount[]>>;

export type BoardTallier = (
  unfollowed: ReadonlySet<string>,
  today: CalendarDate,
) => Promise<Record<Grouping, GroupCount[]>>;

/** The whole board's groups counted by the worker, or in the window where it cannot. */
export function boardTallier(
  db: YishiDb,
  startWorker: (() => WorkerLike<BoardTallyRequest, BoardTallyReply>) | null,
): BoardTallier {
  const worker: WorkerAsker<BoardTallyRequest, Record<Grouping, GroupCount[]>> = workerAsker(startWorker);
  return async (unfollowed, today) => {
    const reply = await worker.ask((id) => ({ id, unfollowed: [...unfollowed], today }));
    return reply ? reply.answer : tallyFollowedDecisions(db, unfollowed, today);
  };
}

const talliers = new WeakMap<YishiDb, BoardTallier>();

/** The app's tallier for its database (the worker opens it by name); another is counted in the window. */
export function tallierFor(db: YishiDb): BoardTallier {
  let tallier = talliers.get(db);
  if (!tallier) {
    const canStart = typeof Worker !== 'undefined' && db.name === DB_NAME;
    tallier = boardTallier(
      db,
      canStart
        ? () =>
            new Worker(new URL('./boardWorker.ts', import.meta.url), {
              type: 'module',
              name: 'yishi-board',
            }) as unknown as WorkerLike<BoardTallyRequest, BoardTallyReply>
        : null,
    );
    talliers.set(db, tallier);
  }
  return tallier;
}

/**
 * 按责任人 / 按责任单位 of the whole board: from the stored rows (a few thousand, read here) less
 * the unsigned meetings' decisions (cached); where the rows do not cover every decision yet, the
 * worker counts the rest first (seconds at ten years, once after an upgrade or a restore).
 */
export async function wholeBoardTally(
  db: YishiDb,
  unfollowed: ReadonlySet<string>,
  today: CalendarDate,
): Promise<GroupTally> {
  const rows = await readStoredTally(db);
  if (rows && rows !== 'unsound') return tallyFromRows(rows, await unsignedDecisions(db), today);
  return addLists(emptyTally(), await tallierFor(db)(unfollowed, today));
}

/** At idle: has the worker count what the stored rows do not cover yet, so the first visit reads rows. */
export async function completeStoredTally(db: YishiDb, unfollowed: ReadonlySet<string>, today: CalendarDate) {
  if (!(await isTallyComplete(db))) await tallierFor(db)(unfollowed, today);
}
