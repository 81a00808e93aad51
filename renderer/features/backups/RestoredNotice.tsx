import { useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { nextTask } from '../../data/backup';
import { verifySignedMeetings, type UnverifiedMeeting } from '../../data/verifySigned';
import { errorText } from '../../i18n/errorText';
import './messages';

const RESTORED_MESSAGE = 'yishi-restore';
const VERIFY_MESSAGE = 'yishi-verify-restored';
/** Meetings named in the report; more are counted. */
const NAMED_FAILURES = 20;

/**
 * Shown by the window that starts on restored data (the restore reloads it, see useRestore): says
 * the restore is done, then verifies every signed meeting in groups between which the window
 * paints, and names the ones that no longer match their seal.
 */
export default function RestoredNotice() {
  const { t } = useTranslation('backups');
  const { db } = useApp();
  const { message, modal } = App.useApp();

  useEffect(() => {
    let stopped = false;
    async function verifyRestored(): Promise<void> {
      let shown = -1;
      const check = await verifySignedMeetings(db, {
        progress: (done, total) => {
          const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
          if (percent === shown || stopped) return;
          shown = percent;
          void message.loading({ content: t('verifying', { done, total }), key: VERIFY_MESSAGE, duration: 0 });
        },
        pause: nextTask,
      });
      if (stopped) return;
      if (check.failed.length === 0) {
        void message.success({ content: t('verifiedAll', { count: check.checked }), key: VERIFY_MESSAGE });
        return;
      }
      message.destroy(VERIFY_MESSAGE);
      void modal.warning({
        title: t('verifyFailedTitle', { count: check.failed.length }),
        width: 560,
        content: <UnverifiedList failed={check.failed} />,
      });
    }
    void message.success({ content: t('restored'), key: RESTORED_MESSAGE });
    verifyRestored().catch((error: unknown) => {
      message.destroy(VERIFY_MESSAGE);
      void message.error(t('errors.unexpected', { message: errorText(t, error) }));
    });
    return () => {
      stopped = true;
    };
  }, [db, message, modal, t]);
  return null;
}

function UnverifiedList({ failed }: { failed: UnverifiedMeeting[] }) {
  const { t } = useTranslation('backups');
  return (
    <div>
      <p>{t('verifyFailedLead')}</p>
      <ul data-testid="restore-unverified">
        {failed.slice(0, NAMED_FAILURES).map((m) => (
          <li key={m.id}>{t('verifyFailedItem', { title: m.title, year: m.issueYear, no: m.issueNo })}</li>
        ))}
      </ul>
      {failed.length > NAMED_FAILURES && <p>{t('verifyFailedMore', { count: failed.length - NAMED_FAILURES })}</p>}
    </div>
  );
}
