import { useSyncExternalStore } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AutosaveScheduler, AutosaveState } from './autosave';
import { MinutesSaveError } from '../../data/repos/minutesRepo';
import { shortcut } from './MinutesToolbar';

function statusText(state: AutosaveState, t: (key: string, params?: Record<string, unknown>) => string): string {
  if (state.status === 'error') {
    if (state.error instanceof MinutesSaveError) {
      return state.error.reason === 'locked' ? t('statusLocked') : t('statusRejected', { reason: state.error.reason });
    }
    return t('statusError');
  }
  if (state.status === 'saved') {
    return state.lastSavedAt === null
      ? t('statusNothingYet')
      : t('statusSaved', { time: dayjs(state.lastSavedAt).format('HH:mm:ss') });
  }
  return t('statusSaving');
}

/**
 * "已保存 10:32:05" / "正在保存…" / "保存失败，正在重试". Subscribes to the scheduler itself so a
 * status change re-renders this line only, never the editor.
 */
export function SaveStatusLine({ scheduler }: { scheduler: AutosaveScheduler<unknown> }) {
  const { t } = useTranslation('minutes');
  const state = useSyncExternalStore(scheduler.subscribe, scheduler.getState);
  const failing = state.status === 'error';
  return (
    <div className={failing ? 'yishi-minutes-status is-error' : 'yishi-minutes-status'}>
      {/* Only failures are announced: a screen reader reading "saved" every second would drown the meeting. */}
      <span role={failing ? 'alert' : undefined} data-status={state.status}>
        {statusText(state, t)}
      </span>
      <span className="yishi-minutes-status-hint">{t('saveHint', { keys: shortcut('Mod', 'S') })}</span>
    </div>
  );
}
