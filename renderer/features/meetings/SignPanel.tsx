import { useState } from 'react';
import { Alert, App, Button, Card, Image, Modal, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attendance } from '../../../shared/domain/meeting';
import { shortFingerprint } from '../../../shared/meeting/fingerprint';
import type { SignatureVerdict } from '../../../shared/signing/verdict';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { useApp } from '../../app/AppContext';
import { PaperSheetUpload, SignaturePad } from '../signatures';
import { moveMeeting, savePaperSheet, saveSignature } from '../../data/repos/lifecycleRepo';
import { verifyMeetingSignatures } from '../../data/repos/signingRepo';
import { SignatureKeyLine, VerdictAlert } from '../signing';
import { AmendmentEntry, AmendmentsPanel } from './AmendmentsPanel';
import { reviewMessage } from './RecordPanel';
import { errorText } from '../../i18n/errorText';
import './messages';
import { useWording } from '../../i18n/wording';

/** Those who sign: everyone present, 列席 included. */
export function signers(attendance: readonly Attendance[]): Attendance[] {
  return attendance.filter((a) => a.state === 'present' || a.state === 'nonVoting');
}

export function SignPanel({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const status = record.meeting.status;
  if (status === 'signed') return <SealedPanel record={record} />;
  if (status !== 'finalised')
    return <Typography.Paragraph type="secondary">{t('confirm.finalise')}</Typography.Paragraph>;
  return <SigningPanel record={record} />;
}

function SigningPanel({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db, settings } = useApp();
  const { modal, message } = App.useApp();
  const [signing, setSigning] = useState<Attendance | null>(null);
  const [paper, setPaper] = useState(false);
  const list = signers(record.attendance);
  const paperSheet = record.meeting.paperSignatureSheet;
  const complete = paperSheet !== undefined || (list.length > 0 && list.every((a) => a.signature));

  async function lock() {
    if (
      !(await modal.confirm({ title: t('confirm.lock'), okText: t('actions.lock'), cancelText: tc('common.cancel') }))
    )
      return;
    const outcome = await moveMeeting(db, record.meeting.id, 'signed').catch((error: unknown) => {
      void message.error(errorText(tc, error));
      return null;
    });
    if (!outcome || outcome.ok) return;
    // The step's own words (as StatusActions shows them), never its code.
    const first = 'review' in outcome ? outcome.review[0] : undefined;
    void message.error(
      'error' in outcome ? t(`transitionErrors.${outcome.error.code}`) : first ? reviewMessage(t, first) : '',
    );
  }

  /** A signature or photo refused (too large, the meeting locked meanwhile): said, and the dialog stays. */
  async function saving(save: () => Promise<void>, done: () => void) {
    try {
      await save();
      done();
    } catch (error) {
      void message.error(errorText(tc, error));
    }
  }

  return (
    <Card title={t('sign.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sign.needAll')} />
      <Table<Attendance>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list}
        columns={[
          { title: t('people.name'), dataIndex: 'name', width: 110 },
          { title: t('people.unit'), dataIndex: 'unit' },
          {
            title: t('sign.signed'),
            width: 260,
            render: (_, a) =>
              a.signature?.imageDataUrl ? (
                <Image
                  src={a.signature.imageDataUrl}
                  alt={`${a.name} ${t('sign.signed')}`}
                  height={48}
                  preview={false}
                />
              ) : (
                <Tag>{t('sign.unsigned')}</Tag>
              ),
          },
          {
            title: '',
            width: 90,
            render: (_, a) => (
              <Button size="small" type="primary" onClick={() => setSigning(a)}>
                {t('sign.sign')}
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Button onClick={() => setPaper(true)}>{t('sign.paper')}</Button>
        {paperSheet && <Tag color="green">{t('sign.paperRecorded')}</Tag>}
        <Button type="primary" icon={<SafetyCertificateOutlined />} disabled={!complete} onClick={() => void lock()}>
          {t('actions.lock')}
        </Button>
      </Space>
      <Modal
        open={signing !== null}
        title={signing ? `${signing.name} ${t('sign.sign')}` : ''}
        footer={null}
        onCancel={() => setSigning(null)}
        destroyOnHidden
        width={680}
      >
        {signing && (
          <SignaturePad
            signerName={signing.name}
            onConfirm={(png) =>
              void saving(
                () => saveSignature(db, signing.id, png),
                () => setSigning(null),
              )
            }
          />
        )}
      </Modal>
      <Modal open={paper} title={t('sign.paper')} footer={null} onCancel={() => setPaper(false)} destroyOnHidden>
        <PaperSheetUpload
          onRecorded={({ imageDataUrl }) => {
            const recorder = record.meeting.recorder?.name ?? settings.documentOrgName;
            void saving(
              () => savePaperSheet(db, record.meeting.id, imageDataUrl, recorder || '记录人'),
              () => setPaper(false),
            );
          }}
        />
      </Modal>
    </Card>
  );
}

function SealedPanel({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const w = useWording();
  const { db } = useApp();
  const [verdict, setVerdict] = useState<SignatureVerdict | null>(null);
  const fingerprint = record.meeting.fingerprint ?? '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            <SafetyCertificateOutlined />
            {t('sign.locked')}
          </Space>
        }
      >
        <Typography.Paragraph>
          {t('sign.signedAt', { time: w.dateTime(record.meeting.signedAt ?? '') })}
        </Typography.Paragraph>
        <Typography.Paragraph>
          {w.label(t('sign.fingerprint'))}
          <Typography.Text strong code data-testid="fingerprint">
            {shortFingerprint(fingerprint)}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" copyable style={{ fontSize: 'var(--yishi-text-small)' }}>
            {fingerprint}
          </Typography.Text>
          <br />
          <SignatureKeyLine meetingId={record.meeting.id} />
        </Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button onClick={async () => setVerdict(await verifyMeetingSignatures(db, record.meeting.id))}>
            {t('actions.verify')}
          </Button>
          {verdict && <VerificationResult record={record} verdict={verdict} />}
        </Space>
      </Card>
      <AmendmentsPanel record={record} />
    </Space>
  );
}

/**
 * What 核验 found: who signed (or that nobody did, or that content and signature disagree), and
 * under a record that matches its seal, whether it is as signed or as amended N times, each
 * amendment listed (when, who, why, what).
 */
function VerificationResult({ record, verdict }: { record: MeetingRecord; verdict: SignatureVerdict }) {
  const { t } = useTranslation('meetings');
  if (verdict.state === 'mismatch') return <VerdictAlert verdict={verdict} />;
  const consistency =
    verdict.state === 'unsigned'
      ? undefined
      : verdict.amendments === 0
        ? t('sign.verifyConsistent')
        : t('sign.verifyAmended', { count: verdict.amendments });
  return (
    <VerdictAlert verdict={verdict} consistency={consistency}>
      {verdict.amendments > 0 && (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {record.amendments.map((a) => (
            <li key={a.id}>
              <AmendmentEntry record={record} amendment={a} />
            </li>
          ))}
        </ol>
      )}
    </VerdictAlert>
  );
}
