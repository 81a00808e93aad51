import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { buildResponseFile, openFiling, registerFilingSigner, saveReview } from '../../data/repos/reviewRepo';
import type { FilingRow, ReviewOutcome } from '../../../shared/filing/review';
import type { FiledMeeting, FilingReading } from '../../../shared/filing/verify';
import type { SignatureVerdict } from '../../../shared/signing/verdict';
import { keyIdLabel } from '../../../shared/signing/statement';
import { partyName } from '../../../shared/documents/wording';
import { documentFileName, minutesPdfFileName } from '../../../shared/documents/fileName';
import { localDay } from '../../../shared/dates';
import { useWording } from '../../i18n/wording';
import { VerdictAlert } from '../signing';
import { MinutesView } from '../minutes';
import { filingProblemText } from './problemText';
import { errorText } from '../../i18n/errorText';
import './messages';

/**
 * One filing read-only, as the community has it: the package is verified again from the stored
 * bytes with the keys known now, then each meeting shows its 核验, decisions with their follow-up,
 * minutes and signatures; below, the 审阅意见 and its response file.
 */
export function FilingView({ id }: { id: string }) {
  const { t } = useTranslation('filing');
  const { db } = useApp();
  const [opened, setOpened] = useState<{ row: FilingRow; reading: FilingReading } | null | undefined>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void openFiling(db, id).then((o) => {
      if (live) setOpened(o);
    });
    return () => {
      live = false;
    };
  }, [db, id, version]);
  if (opened === undefined) return <Spin />;
  if (opened === null) return null;
  const { row, reading } = opened;
  if (!reading.ok)
    return (
      <Alert
        type="error"
        showIcon
        title={t('view.reverifyFailed', { reason: filingProblemText(t, reading.problem) })}
      />
    );
  return (
    <div data-testid="filing-view">
      <SignerAlert row={row} reading={reading} onChange={() => setVersion((v) => v + 1)} />
      {reading.meetings.map((m) => (
        <FiledMeetingCard key={m.listed.meetingId} meeting={m} />
      ))}
      <OpinionForm row={row} onChange={() => setVersion((v) => v + 1)} />
    </div>
  );
}

function SignerAlert({
  row,
  reading,
  onChange,
}: {
  row: FilingRow;
  reading: Extract<FilingReading, { ok: true }>;
  onChange: () => void;
}) {
  const { t } = useTranslation('filing');
  const { t: tc } = useTranslation();
  const { t: ts } = useTranslation('signing');
  const { db } = useApp();
  const { modal, message } = App.useApp();
  const { signer } = reading;
  function register() {
    modal.confirm({
      title: t('review.register'),
      content: t('review.registerConfirm', { org: row.orgName, keyId: keyIdLabel(row.signerKeyId) }),
      onOk: async () => {
        try {
          const outcome = await registerFilingSigner(db, row.id);
          if (outcome.ok) void message.success(t('review.registered', { org: outcome.key.orgName }));
          else {
            // The same sentences as registering from a key file (设置 → 签名密钥).
            const reason =
              outcome.problem === 'alreadyRegistered'
                ? ts('keys.problems.alreadyRegistered', { org: outcome.orgName })
                : ts(`keys.problems.${outcome.problem}`);
            void message.error(t('review.registerRefused', { reason }));
          }
          onChange();
        } catch (error) {
          void message.error(tc('errors.unexpected', { message: errorText(tc, error) }));
        }
      },
    });
  }
  const valid = signer.state === 'signedValid';
  return (
    <Alert
      style={{ marginBottom: 16 }}
      data-testid="filing-signer"
      type={valid ? 'success' : 'warning'}
      showIcon
      title={t(`review.signer.${signer.state}`, { org: signer.orgName })}
      description={`${keyIdLabel(signer.keyId)}${reading.manifest.leftOut.length > 0 ? ` · ${t('review.leftOut', { count: reading.manifest.leftOut.length })}` : ''}`}
      action={
        valid ? undefined : (
          <Button size="small" onClick={register}>
            {t('review.register')}
          </Button>
        )
      }
    />
  );
}

/** The 纪要 exactly as filed: the package's Word file, and its PDF where the community's computer made one. */
function FiledMinutesFiles({ meeting }: { meeting: FiledMeeting }) {
  const { t } = useTranslation('filing');
  const { t: tc } = useTranslation();
  const { bridge } = useApp();
  const { message } = App.useApp();
  async function saveAs(bytes: Uint8Array, suggestedName: string, type: 'word' | 'pdf', extension: string) {
    try {
      const saved = await bridge.saveFile({
        suggestedName,
        bytes,
        filters: [{ name: tc(`fileTypes.${type}`), extensions: [extension] }],
      });
      if (saved.status === 'saved') void message.success(t('view.fileSaved', { path: saved.path }));
    } catch (error) {
      void message.error(tc('errors.unexpected', { message: errorText(tc, error) }));
    }
  }
  const { record, minutesDocx, minutesPdf } = meeting;
  return (
    <Space>
      <Button onClick={() => void saveAs(minutesDocx, documentFileName(record, 'minutes'), 'word', 'docx')}>
        {t('view.saveDocx')}
      </Button>
      {minutesPdf && (
        <Button onClick={() => void saveAs(minutesPdf, minutesPdfFileName(record), 'pdf', 'pdf')}>
          {t('view.savePdf')}
        </Button>
      )}
    </Space>
  );
}

function FiledMeetingCard({ meeting }: { meeting: FiledMeeting }) {
  const { t } = useTranslation('filing');
  const { record, listed, followup } = meeting;
  const present = record.attendance.filter((a) => a.state === 'present').length;
  const signedIn = record.attendance.filter((a) => a.signature).length;
  const progressOf = (decisionId: string) => followup.progress.filter((p) => p.decisionId === decisionId);
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={t('view.meeting', { title: listed.title, year: listed.issueYear, no: listed.issueNo, date: listed.date })}
      extra={<FiledMinutesFiles meeting={meeting} />}
    >
      <VerdictAlert verdict={meeting.verdict as SignatureVerdict} />
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={record.documentOrgName || record.orgPath.join(' / ')}>
          {t('view.attendance', { present, signed: signedIn })} ·{' '}
          {t('view.signatureImages', { count: listed.images.length })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('view.decisions')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={record.decisions}
        columns={[
          { title: t('view.columns.content'), dataIndex: 'title' },
          { title: t('view.columns.responsible'), render: (_, d) => partyName(d.responsible) },
          { title: t('view.columns.standard'), dataIndex: 'standard' },
          { title: t('view.columns.deadline'), dataIndex: 'deadline' },
          { title: t('view.columns.supervisor'), render: (_, d) => partyName(d.supervisor) },
          {
            title: t('view.columns.status'),
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <span>{t(`view.statuses.${d.status}`)}</span>
                {progressOf(d.id).map((p) => (
                  <Typography.Text key={p.id} type="secondary">
                    {localDay(new Date(p.at))} {p.text}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('view.minutes')}
      </Typography.Title>
      {record.agendaItems.map((item, i) => {
        const minutes = record.minutes.find((m) => m.agendaItemId === item.id);
        return (
          <div key={item.id} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{`${i + 1}. ${item.title}`}</Typography.Text>
            <MinutesView doc={minutes?.doc} />
          </div>
        );
      })}
    </Card>
  );
}

function OpinionForm({ row, onChange }: { row: FilingRow; onChange: () => void }) {
  const { t } = useTranslation('filing');
  const { t: tc } = useTranslation();
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const [outcome, setOutcome] = useState<ReviewOutcome>(row.review?.outcome ?? 'reviewed');
  const [reasons, setReasons] = useState(row.review?.reasons ?? '');
  const [error, setError] = useState<string | null>(null);
  const w = useWording();
  const when = (at: string) => w.dateTime(at);

  async function save() {
    const result = await saveReview(db, row.id, { outcome, reasons });
    if (!result.ok) return setError(t('view.reasonsRequired'));
    setError(null);
    void message.success(t('view.saved'));
    onChange();
  }
  async function exportResponse() {
    try {
      const { text, fileName } = await buildResponseFile(db, row.id);
      const saved = await bridge.saveFile({
        suggestedName: fileName,
        bytes: new TextEncoder().encode(text),
        filters: [{ name: tc('fileTypes.reviewResult'), extensions: ['json'] }],
      });
      if (saved.status === 'saved') void message.success(t('view.responseSaved', { path: saved.path }));
    } catch (e) {
      void message.error(tc('errors.unexpected', { message: errorText(tc, e) }));
    }
  }
  return (
    <Card title={t('view.opinion')}>
      {row.review && (
        <Typography.Paragraph data-testid="current-opinion">
          {t('view.current', { outcome: t(`review.outcomes.${row.review.outcome}`), at: when(row.review.at) })}
        </Typography.Paragraph>
      )}
      <Form layout="vertical">
        <Form.Item label={t('view.outcome')}>
          <Radio.Group
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as ReviewOutcome)}
            options={[
              { value: 'reviewed', label: t('review.outcomes.reviewed') },
              { value: 'returned', label: t('review.outcomes.returned') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('view.reasons')}
          htmlFor="review-reasons"
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <Input.TextArea
            id="review-reasons"
            rows={3}
            maxLength={1000}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
          />
        </Form.Item>
        <Space wrap>
          <Button type="primary" onClick={() => void save()}>
            {t('view.save')}
          </Button>
          <Button disabled={!row.review} onClick={() => void exportResponse()}>
            {t('view.response')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
