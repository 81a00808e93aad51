import { useState } from 'react';
import { App, Button, Dropdown, Space } from 'antd';
import { FilePdfOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { APP_VERSION } from '../../bridge';
import { useApp } from '../../app/AppContext';
import { meetingFileName, meetingPdfName } from '../../../shared/documents/fileName';
import { documentKindsFor, documentUsesMinutes, type DocumentKind } from '../../../shared/documents/kinds';
import { loadMeetingRecord } from '../../data/repos/meetingRepo';
import { signingKeyIdOf } from '../../data/repos/signingRepo';
import { loadMeetingFileExtras } from '../../data/repos/meetingFileRepo';
import { appendAudit } from '../../data/repos/auditRepo';
import './messages';
import { errorText } from '../../i18n/errorText';
import { useFilingExport } from '../filing';

/**
 * Word documents of the meeting and the meeting file. The document code (docx) loads only when
 * the user asks for a document, so start-up does not pay for it.
 */
export function DocumentsMenu({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const filing = useFilingExport();
  const { t: tf } = useTranslation('filing');

  async function exportDocument(kind: DocumentKind) {
    setBusy(true);
    try {
      // The screen's record has everything but the minutes: read the meeting again only for a
      // document that prints them.
      const full = documentUsesMinutes(kind) ? await loadMeetingRecord(db, record.meeting.id) : record;
      if (!full) return;
      const { buildDocument, documentFileName } = await import('../../../shared/documents');
      const bytes = await buildDocument(full, kind, { signingKeyId: await signingKeyIdOf(db, full.meeting.id) });
      const outcome = await bridge.saveFile({
        suggestedName: documentFileName(full, kind),
        bytes,
        filters: [{ name: tc('fileTypes.word'), extensions: ['docx'] }],
      });
      if (outcome.status === 'saved') {
        await appendAudit(db, {
          action: 'export',
          summary: `导出${documentFileName(full, kind)}`,
          subjectId: full.meeting.id,
        });
        void message.success(t('documents.saved', { path: outcome.path }));
      }
    } catch (error) {
      void message.error(tc('errors.unexpected', { message: errorText(tc, error) }));
    } finally {
      setBusy(false);
    }
  }

  async function exportMeetingFile() {
    const full = await loadMeetingRecord(db, record.meeting.id);
    if (!full) return;
    const { meetingFileText } = await import('../../../shared/meeting/file');
    // Signatures and follow-up travel beside the record (format 3), never inside its seal.
    const extras = await loadMeetingFileExtras(db, full.meeting.id);
    const bytes = new TextEncoder().encode(meetingFileText(full, APP_VERSION, new Date(), extras));
    const outcome = await bridge.saveFile({
      suggestedName: meetingFileName(full),
      bytes,
      filters: [{ name: tc('fileTypes.meetingFile'), extensions: ['json'] }],
    });
    if (outcome.status !== 'saved') return;
    await appendAudit(db, {
      action: 'export',
      summary: `导出会议记录文件${meetingFileName(full)}（签名${extras.signatures?.length ?? 0}个，办理进展${extras.followup?.progress.length ?? 0}条）`,
      subjectId: full.meeting.id,
    });
    void message.success(t('documents.saved', { path: outcome.path }));
  }

  /** Electron saves the page as PDF through the main process; a browser opens its print dialog. */
  async function savePdf() {
    const outcome = await bridge.printToPdf({
      suggestedName: meetingPdfName(record),
    });
    if (outcome.status === 'saved') void message.success(t('documents.saved', { path: outcome.path }));
  }

  const items = [
    ...documentKindsFor(record.meeting.status).map((kind) => ({ key: kind, label: t(`documents.kinds.${kind}`) })),
    { type: 'divider' as const },
    { key: 'file', label: t('documents.meetingFile') },
    // A filing package holds signed meetings only.
    ...(record.meeting.status === 'signed' ? [{ key: 'filing', label: tf('export.menuItem') }] : []),
  ];
  return (
    <>
      <Dropdown
        menu={{
          items,
          onClick: ({ key }) =>
            void (key === 'file'
              ? exportMeetingFile()
              : key === 'filing'
                ? filing.meeting(record.meeting.id)
                : exportDocument(key as DocumentKind)),
        }}
      >
        <Button icon={<FileWordOutlined />} loading={busy || filing.busy}>
          {t('actions.exportDocs')}
        </Button>
      </Dropdown>
      <Space.Compact>
        <Button icon={<PrinterOutlined />} onClick={() => void bridge.print()}>
          {t('documents.print')}
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => void savePdf()}>
          {t('documents.pdf')}
        </Button>
      </Space.Compact>
    </>
  );
}
