import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errorText';
import { appFeedback } from './antd/appFeedback';

/** An aborted operation (a closed dialog, a cancelled pick) is not a failure to report. */
function isAbort(reason: unknown): boolean {
  return reason instanceof DOMException && reason.name === 'AbortError';
}

/**
 * The safety net under every button: an action whose failure nobody caught (a move, a mark, a
 * delete refused because the meeting was signed in another window meanwhile, a full disk) says
 * so in a message, instead of doing nothing visible. Actions that expect their failures still
 * show their own messages; this catches the rest.
 */
export function UnhandledErrors() {
  const { t } = useTranslation();
  useEffect(() => {
    const show = (reason: unknown) => {
      if (isAbort(reason)) return;
      console.error('an action failed and nobody caught it', reason);
      const content = t('errors.actionFailed', { message: errorText(t, reason) });
      // One message at a time: a failure repeated in a loop must not bury the screen.
      void appFeedback().then(({ message }) => message.error({ content, key: 'yishi-unhandled', duration: 8 }));
    };
    const onRejection = (event: PromiseRejectionEvent) => show(event.reason);
    const onError = (event: ErrorEvent) => show(event.error ?? event.message);
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    };
  }, [t]);
  return null;
}
