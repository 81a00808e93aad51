import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { useAppProps } from 'antd/es/app/context';
import { WithAntd } from './withAntd';
import { Boundary } from '../ScreenErrorBoundary';

/** antd's messages, notifications and dialogs (App.useApp()). */
export type AntdFeedback = useAppProps;

const FeedbackCapture = lazy(() => import('./FeedbackCapture').then((m) => ({ default: m.FeedbackCapture })));

let wanted = false;
const listeners = new Set<() => void>();
let handOut: (api: AntdFeedback) => void = () => undefined;
const ready = new Promise<AntdFeedback>((resolve) => (handOut = resolve));

/**
 * antd's messages, notifications and dialogs for what is drawn without antd (the meeting list's
 * buttons, the app's safety net for failures): loads antd on first use. They are drawn by
 * FeedbackHost at the app's root, so a message stays when the screen changes (an imported
 * meeting opens, and its verdict stays on screen).
 */
export function appFeedback(): Promise<AntdFeedback> {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  return ready;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Where appFeedback's messages are drawn: once, at the app's root (App.tsx). */
export function FeedbackHost() {
  const shown = useSyncExternalStore(subscribe, () => wanted);
  // antd's code failing to load takes the messages with it, not the window (the failure is logged).
  return shown ? (
    <Boundary fallback={() => null}>
      <Suspense fallback={null}>
        <WithAntd>
          <FeedbackCapture onReady={handOut} />
        </WithAntd>
      </Suspense>
    </Boundary>
  ) : null;
}
