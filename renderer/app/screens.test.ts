import { describe, expect, it } from 'vitest';
import { matchPath } from 'react-router-dom';
import { routeMatches, SCREEN_ROUTES, screenAt } from './screens';

const screenOf = (path: string) => SCREEN_ROUTES.find((r) => r.path === path)!.screen;

describe('the screen a window opens on', () => {
  it('is found from the address as the router finds it', () => {
    expect(screenAt('#/meetings')).toBe(screenOf('/meetings'));
    expect(screenAt('#/meetings/m-1')).toBe(screenOf('/meetings/:id'));
    expect(screenAt('#/meetings/m-1/live')).toBe(screenOf('/meetings/:id/live'));
    expect(screenAt('#/matters/points')).toBe(screenOf('/matters/points'));
    expect(screenAt('#/matters/x-1')).toBe(screenOf('/matters/:id'));
    expect(screenAt('#/followup?state=overdue')).toBe(screenOf('/followup'));
    expect(screenAt('#/search?q=%E7%94%B5%E6%A2%AF')).toBe(screenOf('/search'));
  });

  it('is the 工作台 for the bare address and for an unknown one, where the router sends it', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/meetings/a/b/c'])
      expect(screenAt(hash), hash).toBe(screenOf('/'));
  });

  it('matches paths exactly as react-router’s matchPath for every route', () => {
    const paths = [
      '/',
      '/meetings',
      '/meetings/',
      '/meetings/m1',
      '/meetings/m1/live',
      '/matters/points',
      '/x',
      '/org',
    ];
    for (const { path } of SCREEN_ROUTES)
      for (const pathname of paths)
        expect(routeMatches(path, pathname), `${path} ~ ${pathname}`).toBe(matchPath(path, pathname) !== null);
  });
});
