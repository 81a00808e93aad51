import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { importMeetingRecord } from '../../data/repos/meetingFileRepo';

const MAX_MEETING_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Imports a meeting file: refused with the reason when it is damaged, tampered or from a newer
 * app; nothing is written unless the whole record passed.
 */
export function useMeetingImport(onImported: (meetingId: string) => void) {
  const { t } = useTranslation('meetings');
  const { db, bridge } = useApp();
  const { message, modal } = App.useApp();

  return async function importFile(): Promise<void> {
    const picked = await bridge.openFile({
      filters: [{ name: '议事厅会议记录', extensions: ['json'] }],
      maxBytes: MAX_MEETING_FILE_BYTES,
    });
    if (picked.status === 'tooLarge')
      return void modal.error({
        title: t('documents.import'),
        content: t('documents.problems.tooLarge', { maxMb: 50 }),
      });
    if (picked.status !== 'opened') return;
    const { readMeetingFile } = await import('../../../shared/meeting/file');
    const reading = await readMeetingFile(new TextDecoder().decode(picked.bytes));
    if (!reading.ok) {
      const { code, ...params } = reading.problem;
      const path = 'path' in params && Array.isArray(params.path) ? params.path.join('.') : undefined;
      return void modal.error({
        title: t('documents.import'),
        content: t(`documents.problems.${code}`, { ...params, path }),
      });
    }
    let outcome = await importMeetingRecord(db, reading.record, { replace: false });
    if (!outcome.ok && outcome.reason === 'exists') {
      if (!(await modal.confirm({ title: t('documents.replaceConfirm') }))) return;
      outcome = await importMeetingRecord(db, reading.record, { replace: true });
    }
    if (!outcome.ok) return void modal.error({ title: t('documents.import'), content: t('documents.localSigned') });
    void message.success(
      reading.verification === 'unsigned'
        ? `${t('documents.imported')}。${t('documents.importUnsigned')}`
        : t('documents.imported'),
    );
    onImported(reading.record.meeting.id);
  };
}
