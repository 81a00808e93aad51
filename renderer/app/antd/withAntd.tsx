import { use, type ComponentType, type ReactNode } from 'react';

type Providers = ComponentType<{ children: ReactNode }>;

let providers: Providers | null = null;
let loading: Promise<Providers> | null = null;

/**
 * Fetches antd's providers (and with them antd's core: its theme, locale, messages and dialogs).
 * The first screen (the frame and the meeting list, app/plain/) is drawn without antd; a screen
 * that uses antd's components loads it with its own code (screens.ts), and once the first screen
 * is up it is fetched while idle.
 */
export function loadAntd(): Promise<Providers> {
  loading ??= import('./AntdProviders').then(
    (module) => (providers = module.AntdProviders),
    (error: unknown) => {
      loading = null; // a later attempt may succeed
      throw error;
    },
  );
  return loading;
}

/**
 * `children` under antd's theme, locale and message holder: a screen drawn with antd's
 * components, or a dialog or message opened from the first screen. Suspends (under the nearest
 * Suspense) until antd's code is here; draws at once when it was fetched ahead.
 */
export function WithAntd({ children }: { children: ReactNode }) {
  const Loaded = providers ?? use(loadAntd());
  return <Loaded>{children}</Loaded>;
}
