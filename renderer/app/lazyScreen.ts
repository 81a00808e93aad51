import { createElement, lazy, type ComponentType, type ReactElement } from 'react';

export interface LazyScreen<P extends object> {
  /** The screen to put in a route. */
  Screen: (props: P) => ReactElement;
  /** Fetches and evaluates the screen's code ahead of its first use. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * A screen whose code loads on first use, like React.lazy, that can also be fetched ahead of
 * time. React.lazy alone calls its loader only when first rendered: a screen fetched ahead with
 * a plain import() still suspended on its first render (the import's promise settles a tick
 * later), so React drew the screen twice and, inside the router's transition, redrew the old one
 * meanwhile. Once preload() has settled, the screen renders at once. If it was first rendered
 * before that, it stays the lazy component, so its state is never remounted away.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let renderedLazily = false;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // a later attempt may succeed (a file briefly unreadable)
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Screen(props: P) {
    if (loaded && !renderedLazily) return createElement(loaded, props);
    renderedLazily = true;
    return createElement(Lazy as unknown as ComponentType<P>, props);
  }
  return { Screen, preload };
}
