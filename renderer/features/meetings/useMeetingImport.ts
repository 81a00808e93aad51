import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fingerprintDifference } from '../../../shared/meeting/fingerprint';
import type { MeetingFileProblem } from '../../../shared/meeting/file';
import { fieldName } from '../../../shared/validation/fieldNames';
import { useApp } from '../../app/AppContext';
import { importMeetingRecord, type ImportOutcome } from '../../data/repos/meetingFileRepo';
import './messages';

const MAX_MEETING_FILE_BYTES = 50 * 1024 * 1024;

/** Why a file was refused, for the person who picked it: the field in words, fingerprints in full. */
export function meetingFileProblemText(t: TFunction<'meetings'>, problem: MeetingFileProblem): string {
  switch (problem.code) {
    case 'tampered': {
      const difference = fingerprintDifference(problem.stored, problem.computed);
      // Equal fingerprints that still do not verify: the amendments' chain is what broke.
      if (difference.from === 0) return t('documents.problems.tamperedAmendments');
      return t('documents.problems.tampered', { ...difference, stored: difference.stored || '—' });
    }
    case 'invalid':
    case 'notCanonical':
      return t(`documents.problems.${problem.code}`, { message: problem.message });
    case 'tooLarge':
      return t('documents.problems.tooLarge', { maxMb: problem.maxMb });
    default:
      return t(`documents.problems.${problem.code}`);
  }
}

/** Why a checked record was not stored. */
function refusalText(t: TFunction<'meetings'>, outcome: Extract<ImportOutcome, { ok: false }>): string {
  switch (outcome.reason) {
    case 'localSigned':
      return t('documents.localSigned');
    case 'foreignRow': {
      const { other } = outcome;
      const named = other
        ? t('documents.otherMeeting', { title: other.title, year: other.issueYear, no: other.issueNo })
        : '';
      return t('documents.foreignRow', { field: fieldName(outcome.path, { kind: 'record' }), other: named });
    }
    case 'invalid':
      return t('documents.problems.invalid', { message: fieldName(outcome.path, { kind: 'record' }) + outcome.words });
    case 'exists':
      return t('documents.replaceConfirm', { status: t(`statuses.${outcome.status}`) });
  }
}

/**
 * Imports a meeting file: refused with the reason when it is damaged, tampered, from a newer app
 * or would touch another meeting; nothing is written unless the whole record passed. The same
 * signed record imported again changes nothing and says so.
 */
export function useMeetingImport(onImported: (meetingId: string) => void) {
  const { t } = useTranslation('meetings');
  const { db, bridge } = useApp();
  const { message, modal } = App.useApp();

  return async function importFile(): Promise<void> {
    const picked = await bridge.openFile({
      filters: [{ name: t('fileTypes.meetingFile', { ns: 'translation' }), extensions: ['json'] }],
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
    if (!reading.ok)
      return void modal.error({ title: t('documents.import'), content: meetingFileProblemText(t, reading.problem) });
    let outcome = await importMeetingRecord(db, reading.record, { replace: false });
    if (!outcome.ok && outcome.reason === 'exists') {
      if (!(await modal.confirm({ title: refusalText(t, outcome) }))) return;
      outcome = await importMeetingRecord(db, reading.record, { replace: true });
    }
    if (!outcome.ok) return void modal.error({ title: t('documents.import'), content: refusalText(t, outcome) });
    if (outcome.result === 'same') void message.info(t('documents.sameRecord'));
    else
      void message.success(
        reading.verification === 'unsigned'
          ? `${t('documents.imported')}。${t('documents.importUnsigned')}`
          : t('documents.imported'),
      );
    onImported(reading.record.meeting.id);
  };
}
