import { useEffect } from 'react';
import { App as AntApp } from 'antd';
import type { AntdFeedback } from './appFeedback';

/** Hands antd's messages and dialogs out to appFeedback once they are here. */
export function FeedbackCapture({ onReady }: { onReady(api: AntdFeedback): void }) {
  const api = AntApp.useApp();
  useEffect(() => onReady(api), [api, onReady]);
  return null;
}
