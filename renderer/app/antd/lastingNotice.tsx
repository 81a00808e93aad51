import { Button } from 'antd';
import type { AntdFeedback } from './appFeedback';

const KEY = 'yishi-setup-recovered';

/** The notice of SetUpRecoveredNotice.tsx: it stays until closed, with a way to the settings. */
export function showSetUpRecovered(
  notification: AntdFeedback['notification'],
  words: { title: string; lead: string; settings: string },
): void {
  notification.info({
    key: KEY,
    title: words.title,
    description: words.lead,
    duration: 0,
    actions: (
      <Button
        onClick={() => {
          notification.destroy(KEY);
          location.hash = '#/settings';
        }}
      >
        {words.settings}
      </Button>
    ),
  });
}
