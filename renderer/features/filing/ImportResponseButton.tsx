import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../i18n/errorText';
import { appFeedback } from '../../app/antd/appFeedback';
import { PlainButton } from '../../app/plain/PlainButton';
import './messages';

const MAX_BYTES = 2 * 1024 * 1024;

/**
 * 导入审阅结果: the community reads the reviewer's signed response; it then shows on the meetings.
 * On the meeting list, drawn without antd: its messages load antd when there is one to show.
 */
export function ImportResponseButton() {
  const { t } = useTranslation('filing');
  const { t: tc } = useTranslation();
  const { db, bridge } = useApp();
  const [busy, setBusy] = useState(false);

  async function pick() {
    setBusy(true);
    try {
      const file = await bridge.openFile({
        filters: [{ name: tc('fileTypes.reviewResult'), extensions: ['json'] }],
        maxBytes: MAX_BYTES,
      });
      if (file.status === 'cancelled') return;
      const { message } = await appFeedback();
      if (file.status === 'tooLarge') return void message.error(t('response.problems.tooLarge'));
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
      } catch {
        return void message.error(t('response.problems.notJson'));
      }
      const { importResponseFile } = await import('../../data/repos/reviewRepo');
      const outcome = await importResponseFile(db, text);
      if (!outcome.ok) return void message.error(t(`response.problems.${outcome.problem}`));
      if (outcome.result === 'duplicate') return void message.info(t('response.duplicate'));
      void message.success(
        t('response.added', { org: outcome.row.reviewerOrg, outcome: t(`review.outcomes.${outcome.row.outcome}`) }),
      );
    } catch (error) {
      void (await appFeedback()).message.error(tc('errors.unexpected', { message: errorText(tc, error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PlainButton loading={busy} onClick={() => void pick()}>
      {t('response.import')}
    </PlainButton>
  );
}
