import type { CalendarDate } from '../../shared/dates';
import type { GroupCount, Grouping } from '../../shared/followup/groups';
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
