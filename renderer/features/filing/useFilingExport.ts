import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { APP_VERSION } from '../../bridge';
import { useApp } from '../../app/AppContext';
import {
  buildMeetingFiling,
  type ToPdf,
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
  // The 纪要 as PDF too where the desktop's office suite can make them (the browser cannot).
  const toPdf: ToPdf = (request) => bridge.convertToPdf(request);

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
      const withPdf = filing.manifest.meetings.every((m) => m.minutesPdf);
      void message.success(t(withPdf ? 'export.savedWithPdf' : 'export.saved', { path: outcome.path }));
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
    meeting: (meetingId: string) => save(() => buildMeetingFiling(db, meetingId, APP_VERSION, new Date(), toPdf)),
    month: (communityId: string, month: string) =>
      save(() => buildMonthlyFiling(db, communityId, month, APP_VERSION, new Date(), toPdf)),
  };
}
