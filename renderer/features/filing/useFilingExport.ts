import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { APP_VERSION } from '../../bridge';
import { useApp } from '../../app/AppContext';
import {
  buildMeetingFiling,
  buildMonthlyFiling,
  recordFilingExport,
  type BuiltFiling,
} from '../../data/repos/filingRepo';
import { errorText } from '../../i18n/errorText';
import './messages';

/** Builds a package, saves it through the bridge's save dialog, and logs it (action 'filing'). */
export function useFilingExport() {
  const { db, bridge } = useApp();
  const { t } = useTranslation('filing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function save(build: () => Promise<BuiltFiling>): Promise<boolean> {
    setBusy(true);
    try {
      const filing = await build();
      const outcome = await bridge.saveFile({
        suggestedName: filing.fileName,
        bytes: filing.bytes,
        filters: [{ name: tc('fileTypes.filingPackage'), extensions: ['yishi'] }],
      });
      if (outcome.status !== 'saved') return false;
      await recordFilingExport(db, filing);
      void message.success(t('export.saved', { path: outcome.path }));
      return true;
    } catch (error) {
      void message.error(tc('errors.unexpected', { message: errorText(tc, error) }));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    meeting: (meetingId: string) => save(() => buildMeetingFiling(db, meetingId, APP_VERSION)),
    month: (communityId: string, month: string) => save(() => buildMonthlyFiling(db, communityId, month, APP_VERSION)),
  };
}
