import { describe, expect, it } from 'vitest';
import { groupCounts, type GroupCount, type Grouping } from '../../shared/followup/groups';
import { boardTallier, type BoardTallyReply, type BoardTallyRequest } from './boardClient';
import { unfollowedMeetings } from './repos/boardCachedReads';
import { loadBoard } from './repos/followupRepo';
import { tallyFollowedDecisions } from './repos/boardTally';
import { smallDistrictDb } from './smallDistrict';

const TODAY = '2026-11-20';

const sortedLists = (lists: Record<Grouping, GroupCount[]>) => ({
  person: [...lists.person].sort((a, b) => a.name.localeCompare(b.name)),
  unit: [...lists.unit].sort((a, b) => a.name.localeCompare(b.name)),
});

describe('counting the whole board page by page', () => {
  it('counts exactly what the board’s decisions count, whatever the page size', async () => {
    const db = await smallDistrictDb('tally-pages');
    const decided = (await loadBoard(db, TODAY)).rows.filter((r) => !r.source);
    const expected = sortedLists({ person: groupCounts(decided, 'person'), unit: groupCounts(decided, 'unit') });
    expect(expected.person.length).toBeGreaterThan(1);
    const unfollowed = await unfollowedMeetings(db);
    expect(unfollowed.size).toBeGreaterThan(0);
    for (const pageSize of [1, 7, 2_000])
      expect(
        sortedLists(await tallyFollowedDecisions(db, unfollowed, TODAY, pageSize)),
        `pages of ${pageSize}`,
      ).toEqual(expected);
    db.close();
    // A district written through every middleware, then counted a decision a page: beside the
    // rest of the suite on two cores it took over 20 s once.
  }, 60_000);
});

/** A stand-in worker answering each request as `answer` says, or firing `error`. */
function fakeWorker(answer: (request: BoardTallyRequest) => BoardTallyReply | 'error') {
  const asked: BoardTallyRequest[] = [];
  const listeners = { message: [] as ((e: { data: BoardTallyReply }) => void)[], error: [] as (() => void)[] };
  const worker = {
    postMessage(request: BoardTallyRequest) {
      asked.push(request);
      const reply = answer(request);
      queueMicrotask(() =>
        reply === 'error'
          ? listeners.error.forEach((fn) => fn())
          : listeners.message.forEach((fn) => fn({ data: reply })),
      );
    },
    addEventListener(type: 'message' | 'error', fn: never) {
      (listeners[type] as unknown[]).push(fn);
    },
  };
  return { worker, asked };
}

describe('the board tallier', () => {
  const fromWorker = { person: [{ name: '来自工作线程', total: 1, open: 1, overdue: 0, done: 0 }], unit: [] };

  it('asks the worker with the unfollowed meetings and the day, and gives its answer', async () => {
    const db = await smallDistrictDb('tallier-a');
    const { worker, asked } = fakeWorker((r) => ({ id: r.id, answer: fromWorker, tookMs: 5 }));
    const tally = boardTallier(db, () => worker);
    expect(await tally(new Set(['m-1', 'm-2']), TODAY)).toEqual(fromWorker);
    expect(asked).toEqual([{ id: 1, unfollowed: ['m-1', 'm-2'], today: TODAY }]);
    db.close();
  });

  it('counts in the window what the worker could not, and after it broke', async () => {
    const db = await smallDistrictDb('tallier-b');
    const unfollowed = await unfollowedMeetings(db);
    const inWindow = await tallyFollowedDecisions(db, unfollowed, TODAY);
    let failing = true;
    const { worker, asked } = fakeWorker((r) => (failing ? { id: r.id, failed: 'DatabaseClosedError' } : 'error'));
    const tally = boardTallier(db, () => worker);
    expect(await tally(unfollowed, TODAY)).toEqual(inWindow);
    failing = false;
    expect(await tally(unfollowed, TODAY)).toEqual(inWindow);
    // Broken: not asked again.
    expect(await tally(unfollowed, TODAY)).toEqual(inWindow);
    expect(asked).toHaveLength(2);
    db.close();
  });
});
