import { describe, expect, it } from 'vitest';
import { boardPath, boardPathWith, readBoardState, rememberBoardSearch, writeBoardState } from './boardState';

describe('the board in the address', () => {
  it('round-trips filters, view and tab', () => {
    const state = {
      filter: { responsible: '王建国', orgUnitId: 'u1', dueFrom: '2026-11-01', dueTo: '2026-11-30' } as const,
      view: 'person' as const,
      tab: 'done',
    };
    expect(readBoardState(writeBoardState(state))).toEqual(state);
    expect(writeBoardState({ filter: {}, view: 'board', tab: 'open' }).toString()).toBe('');
  });

  it('ignores malformed dates and unknown views', () => {
    const read = readBoardState(new URLSearchParams('dueFrom=2026-02-30&dueTo=x&view=evil&supervisor=%20'));
    expect(read).toEqual({ filter: {}, view: 'board', tab: 'open' });
  });

  it('remembers where 返回督办 goes', () => {
    rememberBoardSearch('responsible=%E7%8E%8B');
    expect(boardPath()).toBe('/followup?responsible=%E7%8E%8B');
    rememberBoardSearch('');
    expect(boardPath()).toBe('/followup');
  });

  it('leads the 工作台 to the board filtered as asked, which the board reads back', () => {
    const filter = { responsible: '邓一诺', dueTo: '2026-12-13', orgUnitId: 'u1' } as const;
    const path = boardPathWith(filter);
    expect(path.startsWith('/followup?')).toBe(true);
    expect(readBoardState(new URLSearchParams(path.slice('/followup?'.length)))).toEqual({
      filter,
      view: 'board',
      tab: 'open',
    });
    expect(boardPathWith({})).toBe('/followup');
  });
});
