import { useSyncExternalStore } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AutosaveScheduler, AutosaveState } from './autosave';
import { MinutesSaveError } from '../../data/repos/minutesRepo';
import { shortcut } from './shortcut';
import './saveStatus.css';
import './messages';

/** What the line watches: any autosave scheduler, keyed by row or not. */
export type SaveStatusSource = Pick<AutosaveScheduler<unknown>, 'subscribe' | 'getState'>;

/** The words of a field other than the minutes. */
export interface SaveStatusTexts {
  /** Shown before the first save, e.g. "输入后自动保存". */
  idle: string;
  /** A failure the field can name (the meeting was locked…); undefined for the generic one. */
  describeError(error: unknown): string | undefined;
}

type T = (key: string, params?: Record<string, unknown>) => string;

function minutesError(error: unknown, t: T): string | undefined {
  if (!(error instanceof MinutesSaveError)) return undefined;
  return error.reason === 'locked' ? t('statusLocked') : t('statusRejected', { reason: error.reason });
}

function statusText(state: AutosaveState, t: T, texts: SaveStatusTexts | undefined): string {
  if (state.status === 'error')
    return (texts ? texts.describeError(state.error) : minutesError(state.error, t)) ?? t('statusError');
  if (state.status === 'saved') {
    if (state.lastSavedAt === null) return texts?.idle ?? t('statusNothingYet');
    return t('statusSaved', { time: dayjs(state.lastSavedAt).format('HH:mm:ss') });
  }
  return t('statusSaving');
}

/**
 * "已保存 10:32:05" / "正在保存…" / "保存失败，正在重试", under the minutes or a field such as
 * 决议. Subscribes to the scheduler itself so a status change re-renders this line only, never
 * the editor.
 */
export function SaveStatusLine({ scheduler, texts }: { scheduler: SaveStatusSource; texts?: SaveStatusTexts }) {
  const { t } = useTranslation('minutes');
  const state = useSyncExternalStore(scheduler.subscribe, scheduler.getState);
  const failing = state.status === 'error';
  const classes = ['yishi-minutes-status', texts ? 'is-field' : '', failing ? 'is-error' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      {/* Only failures are announced: a screen reader reading "saved" every second would drown the meeting. */}
      <span role={failing ? 'alert' : undefined} data-status={state.status}>
        {statusText(state, t, texts)}
      </span>
      <span className="yishi-minutes-status-hint">{t('saveHint', { keys: shortcut('Mod', 'S') })}</span>
    </div>
  );
}
