import { useState } from 'react';
import { Alert, Button, Descriptions, Empty, Space, Spin, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { today } from '../../../shared/dates';
import { allowedKinds, followupTiming, isSupervisorName, type ProgressKind } from '../../../shared/followup/state';
import { useApp } from '../../app/AppContext';
import { loadDecisionFollowup, loadEvidence } from '../../data/repos/followupRepo';
import { EvidenceGallery } from './Evidence';
import { PublicitySection } from './PublicitySection';
import { EvaluationSection } from './EvaluationSection';
import { StepModal } from './StepModal';
import { boardPath } from './boardState';
import { FollowupTags } from './tags';
import './messages';
import './followup.css';
import { useWording } from '../../i18n/wording';

// antd's preset 'blue' is the theme's primary (red here): a note would look like a send-back.
const STEP_COLORS: Record<ProgressKind, string> = {
  note: 'gray',
  reportDone: '#d48806',
  confirm: 'green',
  return: 'red',
};

/** One decision: its four fields, its meeting, its 督办 record and the steps allowed now. */
export function DecisionFollowupPage() {
  const { t } = useTranslation('followup');
  const w = useWording();
  const { decisionId = '' } = useParams();
  const { db } = useApp();
  const data = useLiveQuery(() => loadDecisionFollowup(db, decisionId), [db, decisionId]);
  const evidence = useLiveQuery(() => loadEvidence(db, decisionId), [db, decisionId]);
  const [step, setStep] = useState<ProgressKind | null>(null);
  if (data === undefined) return <Spin />;
  const back = <Link to={boardPath()}>← {t('decision.back')}</Link>;
  if (data === null)
    return (
      <div className="yishi-page">
        {back}
        <Empty description={t('decision.notFound')} />
      </div>
    );

  const { decision: d, meeting, steps, refusal } = data;
  const timing = followupTiming(d.deadline, d.status, today());
  const kinds = refusal ? [] : allowedKinds(d.status);
  const confirmed = steps.some((s) => s.kind === 'confirm');
  return (
    <div className="yishi-page">
      {back}
      <div className="yishi-page-header" style={{ marginTop: 8 }}>
        <h1>{d.title}</h1>
        <FollowupTags state={d.status} timing={timing} />
      </div>
      {refusal && <Alert type="warning" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Descriptions bordered column={1} size="small" styles={{ label: { width: '14em' } }}>
        <Descriptions.Item label={t('decision.responsible')}>{d.responsible.name}</Descriptions.Item>
        <Descriptions.Item label={t('decision.standard')}>{d.standard}</Descriptions.Item>
        <Descriptions.Item label={t('decision.deadline')}>
          <Space direction="vertical" size={2}>
            {w.date(d.deadline)}
            <Typography.Text type="secondary">
              {t('decision.changeDeadline')} <Link to={`/meetings/${meeting.id}`}>{t('decision.openMeeting')}</Link>
            </Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('decision.supervisor')}>{d.supervisor.name}</Descriptions.Item>
        <Descriptions.Item label={t('decision.meeting')}>
          <Link to={`/meetings/${meeting.id}`}>
            {t('meetingName', { title: meeting.title, year: meeting.issueYear, no: meeting.issueNo })}
          </Link>
        </Descriptions.Item>
      </Descriptions>

      {kinds.length > 0 && (
        <Space wrap style={{ margin: '16px 0' }}>
          {kinds.map((k) => (
            <Button
              key={k}
              type={k === 'confirm' ? 'primary' : 'default'}
              danger={k === 'return'}
              onClick={() => setStep(k)}
            >
              {t(`steps.${k}`)}
            </Button>
          ))}
        </Space>
      )}

      <h2 className="yishi-followup-h2">{t('decision.timeline')}</h2>
      {d.status === 'done' && !confirmed && (
        <Alert type="info" showIcon title={t('decision.doneWithoutConfirm')} style={{ marginBottom: 12 }} />
      )}
      {steps.length === 0 ? (
        <Typography.Text type="secondary">{t('decision.noSteps')}</Typography.Text>
      ) : (
        <Timeline
          items={steps.map((s) => ({
            color: STEP_COLORS[s.kind],
            content: (
              <div className="yishi-followup-step">
                <strong>{t(`steps.${s.kind}`)}</strong> · {s.by}
                {(s.kind === 'confirm' || s.kind === 'return') && !isSupervisorName(d.supervisor, s.by) && (
                  <Typography.Text type="secondary"> {t('decision.otherConfirmer')}</Typography.Text>
                )}
                <Typography.Text type="secondary"> · {w.dateTime(s.at)}</Typography.Text>
                {s.text && <div>{s.text}</div>}
                <EvidenceGallery files={evidence?.get(s.id) ?? []} />
              </div>
            ),
          }))}
        />
      )}
      <PublicitySection decision={d} meeting={meeting} />
      <EvaluationSection decision={d} />
      {step && <StepModal decision={d} kind={step} onClose={() => setStep(null)} />}
    </div>
  );
}
