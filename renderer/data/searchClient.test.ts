import { describe, expect, it } from 'vitest';
import { archiveSearcher, type SearchReply, type SearchRequest } from './searchClient';
import { smallDistrictDb } from './smallDistrict';
import { searchArchive } from './repos/searchRepo';
import type { SearchResult } from '../../shared/search/types';

const TODAY = '2026-11-20';

/** A stand-in worker: answers each request as `answer` says, or fires `error` at once. */
function fakeWorker(answer: (request: SearchRequest & { id: number }) => SearchReply | 'error' | 'silent') {
  const asked: SearchRequest[] = [];
  const listeners: { message: ((e: { data: SearchReply }) => void)[]; error: (() => void)[] } = {
    message: [],
    error: [],
  };
  const worker = {
    postMessage(request: SearchRequest) {
      asked.push(request);
      if (request.warm) return;
      const reply = answer(request as SearchRequest & { id: number });
      queueMicrotask(() => {
        if (reply === 'error') listeners.error.forEach((fn) => fn());
        else if (reply !== 'silent') listeners.message.forEach((fn) => fn({ data: reply }));
      });
    },
    addEventListener(type: 'message' | 'error', fn: never) {
      (listeners[type] as unknown[]).push(fn);
    },
  };
  return { worker, asked };
}

const fromWorker: SearchResult = { hits: [], words: ['来自工作线程'], more: false, tooShort: false };

describe('the archive searcher', () => {
  it('asks the worker, with the day, and gives its answer', async () => {
    const db = await smallDistrictDb('client-a');
    const { worker, asked } = fakeWorker((r) => ({ id: r.id, answer: fromWorker, tookMs: 3 }));
    const searcher = archiveSearcher(db, () => worker);
    searcher.warm();
    expect(await searcher.search('会议', { kinds: ['decision'] }, 30, TODAY)).toEqual(fromWorker);
    expect(asked).toEqual([
      { warm: true },
      { id: 1, query: '会议', filters: { kinds: ['decision'] }, limit: 30, today: TODAY },
    ]);
    db.close();
  });

  it('searches in the window what the worker could not answer, and after it broke', async () => {
    const db = await smallDistrictDb('client-b');
    const inWindow = await searchArchive(db, '会议', {}, 30, TODAY);
    expect(inWindow.hits.length).toBeGreaterThan(0);
    let failing = true;
    let starts = 0;
    const { worker } = fakeWorker((r) => (failing ? { id: r.id, failed: 'DatabaseClosedError' } : 'error'));
    const searcher = archiveSearcher(db, () => (starts++, worker));
    expect(await searcher.search('会议', {}, 30, TODAY)).toEqual(inWindow);
    failing = false;
    // The worker broke: this search and every later one are read in the window, the worker not started again.
    expect(await searcher.search('会议', {}, 30, TODAY)).toEqual(inWindow);
    expect(await searcher.search('会议', {}, 30, TODAY)).toEqual(inWindow);
    expect(starts).toBe(1);
    db.close();
  });

  it('searches in the window where no worker can start', async () => {
    const db = await smallDistrictDb('client-c');
    const inWindow = await searchArchive(db, '会议', {}, 30, TODAY);
    const refused = archiveSearcher(db, () => {
      throw new Error('SecurityError');
    });
    expect(await refused.search('会议', {}, 30, TODAY)).toEqual(inWindow);
    expect(await archiveSearcher(db, null).search('会议', {}, 30, TODAY)).toEqual(inWindow);
    db.close();
  });
});
