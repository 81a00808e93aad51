import { describe, expect, it } from 'vitest';
import { hasFilters, readSearchView, searchViewParams, type SearchView } from './searchParams';

describe('the search in the address', () => {
  it('reads back what it wrote', () => {
    const view: SearchView = {
      query: '加装电梯 3号楼',
      filters: {
        kinds: ['agendaItem', 'decision'],
        orgUnitId: 'unit-1',
        meetingType: 'redBench',
        from: '2026-01-01',
        to: '2026-06-30',
        status: 'inProgress',
        responsible: '物业公司',
        overdueOnly: true,
      },
    };
    const params = searchViewParams(view);
    expect(params.toString()).toBe(
      'q=%E5%8A%A0%E8%A3%85%E7%94%B5%E6%A2%AF+3%E5%8F%B7%E6%A5%BC&kind=agendaItem%2Cdecision&unit=unit-1' +
        '&type=redBench&from=2026-01-01&to=2026-06-30&status=inProgress' +
        '&who=%E7%89%A9%E4%B8%9A%E5%85%AC%E5%8F%B8&overdue=1',
    );
    expect(readSearchView(new URLSearchParams(params.toString()))).toEqual(view);
  });

  it('writes nothing for an empty search and finds no filter in it', () => {
    expect(searchViewParams({ query: '  ', filters: {} }).toString()).toBe('');
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ kinds: [] })).toBe(false);
    expect(hasFilters({ overdueOnly: true })).toBe(true);
    expect(readSearchView(new URLSearchParams(''))).toEqual({ query: '', filters: {} });
  });

  it('leaves out what it does not understand', () => {
    const view = readSearchView(
      new URLSearchParams('q=信鸽&kind=decision,nonsense,meeting&type=party&from=2026-02-30&to=soon&overdue=yes'),
    );
    expect(view).toEqual({ query: '信鸽', filters: { kinds: ['meeting', 'decision'] } });
  });
});
