import { Button } from 'antd';
import type { AntdFeedback } from './appFeedback';

export interface LastingNotice {
  key: string;
  kind: 'info' | 'success' | 'warning';
  title: string;
  lead: string;
  /** A button that closes the notice and opens a screen. */
  action: { label: string; hash: string };
}

/** A notice that stays until closed (something the user should read once), with a way onward. */
export function showLastingNotice(notification: AntdFeedback['notification'], notice: LastingNotice): void {
  notification[notice.kind]({
    key: notice.key,
    title: notice.title,
    description: notice.lead,
    duration: 0,
    actions: (
      <Button
        onClick={() => {
          notification.destroy(notice.key);
          location.hash = notice.action.hash;
        }}
      >
        {notice.action.label}
      </Button>
    ),
  });
}
