import type { ReactNode } from 'react';
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';

/**
 * What the app shows when it or a screen cannot be drawn: antd's Result look (icon, title, reason,
 * ways out) without Result itself, whose 403/404/500 illustrations weigh 10 KiB gzipped in the
 * start-up bundle for a screen that is rarely seen. The `ant-result-*` class names stay, so
 * checks that look for an error screen keep finding one.
 */
export function Problem(props: {
  status: 'error' | 'warning';
  title: ReactNode;
  subTitle: ReactNode;
  extra?: ReactNode;
}) {
  const Icon = props.status === 'error' ? CloseCircleFilled : ExclamationCircleFilled;
  return (
    <div className={`yishi-problem ant-result-${props.status}`} role="alert">
      <Icon className="yishi-problem-icon" aria-hidden />
      <div className="yishi-problem-title">{props.title}</div>
      <div className="yishi-problem-lead">{props.subTitle}</div>
      {props.extra && <div className="yishi-problem-extra">{props.extra}</div>}
    </div>
  );
}
