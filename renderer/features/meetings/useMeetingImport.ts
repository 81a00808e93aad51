import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { YishiDb } from '../../data/db';
import { useApp } from '../../app/AppContext';
import { appFeedback, type AntdFeedback } from '../../app/antd/appFeedback';
import './messages';

const MAX_MEETING_FILE_BYTES = 50 * 1024 * 1024;

/** What the import needs from the screen; the import itself loads with its first use. */
export interface MeetingImportContext {
  t: TFunction<'meetings'>;
  db: YishiDb;
  message: AntdFeedback['message'];
  modal: AntdFeedback['modal'];
  onImported: (meetingId: string) => void;
}

/**
 * 导入会议文件 from the meetings list. Reading, 核验 and storing (the signing and record code) are
 * fetched when a file has been picked, so the meetings list does not carry them at start-up, nor
 * antd's messages and dialogs that say how it went.
 */
export function useMeetingImport(onImported: (meetingId: string) => void): () => Promise<void> {
  const { t } = useTranslation('meetings');
  const { db, bridge } = useApp();

  return async function importFile(): Promise<void> {
    const picked = await bridge.openFile({
      filters: [{ name: t('fileTypes.meetingFile', { ns: 'translation' }), extensions: ['json'] }],
      maxBytes: MAX_MEETING_FILE_BYTES,
    });
    if (picked.status === 'cancelled') return;
    const { message, modal } = await appFeedback();
    if (picked.status === 'tooLarge')
      return void modal.error({
        title: t('documents.import'),
        content: t('documents.problems.tooLarge', { maxMb: 50 }),
      });
    const { importMeetingFile } = await import('./importMeetingFile');
    await importMeetingFile({ t, db, message, modal, onImported }, picked);
  };
}
