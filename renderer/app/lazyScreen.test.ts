import { describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';
import { lazyScreen, type LazyScreen } from './lazyScreen';

function Page(props: { id: string }) {
  return props.id;
}

/** Screen is a plain function component: calling it shows which component it renders. */
const renderedType = (screen: LazyScreen<{ id: string }>) => screen.Screen({ id: 'm1' }).type;

describe('lazyScreen', () => {
  it('renders the component itself once preloaded, loading it once', async () => {
    let loads = 0;
    const screen = lazyScreen(async () => {
      loads++;
      return Page;
    });
    await Promise.all([screen.preload(), screen.preload()]);
    expect(loads).toBe(1);
    expect(renderedType(screen)).toBe(Page);
    expect((screen.Screen({ id: 'm1' }) as ReactElement<{ id: string }>).props.id).toBe('m1');
  });

  it('renders the lazy component before the code is there, and keeps it after', async () => {
    const screen = lazyScreen(async () => Page);
    const before = renderedType(screen);
    expect(before).not.toBe(Page);
    await screen.preload();
    // Switching type now would remount the screen and lose its state.
    expect(renderedType(screen)).toBe(before);
  });

  it('tries again after a failed load', async () => {
    let attempt = 0;
    const screen = lazyScreen(async () => {
      attempt++;
      if (attempt === 1) throw new Error('chunk not readable');
      return Page;
    });
    await expect(screen.preload()).rejects.toThrow('chunk not readable');
    await expect(screen.preload()).resolves.toBe(Page);
    expect(attempt).toBe(2);
  });
});
