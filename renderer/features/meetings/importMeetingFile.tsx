import type { TFunction } from 'i18next';
import type { OpenFileResult } from '../../../shared/bridge';
import { readMeetingFile } from '../../../shared/meeting/file';
import { meetingFileVerdict } from '../../../shared/signing/fileVerdict';
import { fingerprintDifference } from '../../../shared/meeting/fingerprint';
import type { MeetingFileProblem } from '../../../shared/meeting/file';
import type { FileFollowup } from '../../../shared/meeting/fileFollowup';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { fieldName } from '../../../shared/validation/fieldNames';
import { importMeetingRecord, type ImportOutcome } from '../../data/repos/meetingFileRepo';
import { knownKeys } from '../../data/repos/signingRepo';
import type { FileVerdict } from '../../../shared/signing/fileVerdict';
import { fileVerdictTitle } from '../signing';
import type { MeetingImportContext } from './useMeetingImport';
import { i18next } from '../../i18n';
import './messages';

/** The signing feature's words (its messages come with '../signing' above), in the language shown. */
function signingWords(): TFunction<'signing'> {
  return i18next.getFixedT(null, 'signing');
}

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
    case 'malformed':
    case 'foreignExtras':
      return t(`documents.problems.${problem.code}`, { message: problem.message });
    case 'attachmentDamaged':
      return t('documents.problems.attachmentDamaged', { fileName: problem.fileName });
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
    case 'amendedUntrusted':
      return t('documents.amendedUntrusted', { count: outcome.amendments });
    case 'foreignRow': {
      const { other } = outcome;
      const named = other
        ? t('documents.otherMeeting', { title: other.title, year: other.issueYear, no: other.issueNo })
        : '';
      return t('documents.foreignRow', { field: fieldName(outcome.path, { kind: 'record' }), other: named });
    }
    case 'foreignExtra':
      return t('documents.foreignExtra', { field: fieldName(outcome.path, { kind: 'meetingFile' }) });
    case 'invalid':
      return t('documents.problems.invalid', { message: fieldName(outcome.path, { kind: 'record' }) + outcome.words });
    case 'exists':
      return t('documents.replaceConfirm', { status: t(`statuses.${outcome.status}`) });
  }
}

/** The verdict of 核验 and what came with the record, for a while (the meeting opens beneath). */
function showImported(
  { t, message }: MeetingImportContext,
  reading: { record: MeetingRecord; followup: FileFollowup },
  verdict: FileVerdict,
): void {
  const { followup } = reading;
  const parts = [
    t('documents.importVerdict', { verdict: fileVerdictTitle(signingWords(), verdict) }),
    ...(reading.record.meeting.status === 'signed' ? [] : [t('documents.importUnsigned')]),
    ...(followup.progress.length + followup.notices.length + followup.evaluations.length > 0
      ? [
          t('documents.importFollowup', {
            progress: followup.progress.length,
            notices: followup.notices.length,
            evaluations: followup.evaluations.length,
            attachments: followup.attachments.length,
          }),
        ]
      : []),
    ...(followup.omittedAttachments.length > 0
      ? [t('documents.importOmitted', { count: followup.omittedAttachments.length })]
      : []),
  ];
  const content = <span data-testid="import-verdict">{parts.join(' ')}</span>;
  const notify = verdict.state === 'signedValid' ? message.success : message.warning;
  void notify({ content, duration: 10 });
}

/**
 * Imports a meeting file: refused with the reason when it is damaged, tampered, from a newer app
 * or would touch another meeting; nothing is written unless the whole record passed. The same
 * signed record imported again changes nothing and says so.
 */
export async function importMeetingFile(
  context: MeetingImportContext,
  picked: Extract<OpenFileResult, { status: 'opened' }>,
): Promise<void> {
  const { t, db, message, modal, onImported } = context;
  const ts = signingWords();
  const reading = await readMeetingFile(new TextDecoder().decode(picked.bytes));
  if (!reading.ok)
    return void modal.error({ title: t('documents.import'), content: meetingFileProblemText(t, reading.problem) });
  // 核验 before anything is stored: a record whose signatures do not cover it is never stored.
  const verdict = await meetingFileVerdict(reading, await knownKeys(db));
  if (verdict.state === 'mismatch')
    return void modal.error({
      title: t('documents.signatureMismatch'),
      content: ts(`verdict.reasons.${verdict.reason}`),
    });
  const extras = { signatures: reading.signatures, followup: reading.followup };
  const newestSignedByKnownKey = verdict.state === 'signedValid';
  let outcome = await importMeetingRecord(db, reading.record, { replace: false, newestSignedByKnownKey }, extras);
  if (!outcome.ok && outcome.reason === 'exists') {
    if (!(await modal.confirm({ title: refusalText(t, outcome) }))) return;
    outcome = await importMeetingRecord(db, reading.record, { replace: true, newestSignedByKnownKey }, extras);
  }
  if (!outcome.ok) return void modal.error({ title: t('documents.import'), content: refusalText(t, outcome) });
  if (outcome.result === 'same')
    void (outcome.added > 0
      ? message.success(t('documents.sameRecordMerged', { count: outcome.added }))
      : message.info(t('documents.sameRecord')));
  else if (outcome.result === 'amended' || outcome.result === 'older') {
    const key = outcome.result === 'amended' ? 'documents.amendedImported' : 'documents.olderFile';
    void message.success({
      content: <span data-testid="import-verdict">{t(key, { count: outcome.amendments, added: outcome.added })}</span>,
      duration: 10,
    });
  } else showImported(context, reading, verdict);
  onImported(reading.record.meeting.id);
}
