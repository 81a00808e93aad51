import { useState } from 'react';
import { Button, Card, Space, Steps, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Matter } from '../../../shared/domain/matter';
import { ladderView, nextLadderStep, type LadderEntry, type LadderStep } from '../../../shared/escalation/ladder';
import { useApp } from '../../app/AppContext';
import { loadEscalation } from '../../data/repos/escalationRepo';
import { useWording } from '../../i18n/wording';
import { GoBackModal, LadderStepModal } from './LadderStepModal';
import { SummonsSection } from './SummonsSection';
import './messages';
import './escalation.css';

type Dialog = { kind: 'record' | 'skip'; step: LadderStep } | { kind: 'back' } | null;

/**
 * 上报与协调 on the matter page: the ladder of a 上报件 as steps, the action allowed now (record or
 * skip the current step, go back with a reason), and the 吹哨报到 departments with their tasks.
 */
export function EscalationSection({ matter }: { matter: Matter }) {
  const { t } = useTranslation('escalation');
  const w = useWording();
  const { db } = useApp();
  const data = useLiveQuery(() => loadEscalation(db, matter.id), [db, matter.id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!data) return null;
  const { escalation, tasks, meetingTitles } = data;
  // Only a 上报件 (or a matter whose ladder was already begun) has this section.
  if (!escalation && matter.path !== 'escalate') return null;
  const steps = escalation?.steps ?? [];
  const next = nextLadderStep(steps);
  const editable = !matter.closedAt && !matter.mergedInto;

  function description(step: LadderStep, entry: LadderEntry | undefined) {
    if (!entry) return <span className="yishi-ladder-actor">{t(`actors.${step}`)}</span>;
    if (entry.mode === 'skipped')
      return (
        <div className="yishi-ladder-entry">
          <span>{w.date(entry.date)}</span> <Tag>{t('skipped')}</Tag>
          <div>{t('skippedBecause', { reason: entry.reason ?? '' })}</div>
        </div>
      );
    const meetingTitle = entry.meetingId ? meetingTitles.get(entry.meetingId) : undefined;
    return (
      <div className="yishi-ladder-entry">
        <span>{w.date(entry.date)}</span>
        <div>{entry.outcome}</div>
        {entry.participants.length > 0 && (
          <Typography.Text type="secondary">
            {t('participants', { names: entry.participants.join('、') })}
          </Typography.Text>
        )}
        {entry.meetingId && (
          <div>
            <Link to={`/meetings/${entry.meetingId}`}>
              {t('meetingLink', { title: meetingTitle ?? entry.meetingId })}
            </Link>
          </div>
        )}
        {entry.meetingNote && <div>{t('meetingLink', { title: entry.meetingNote })}</div>}
      </div>
    );
  }

  const view = ladderView(steps);
  const current = view.findIndex((v) => v.state === 'current');
  return (
    <Card title={t('title')} size="small" className="yishi-escalation" data-testid="escalation-section">
      <p className="yishi-lead">{t('lead')}</p>
      <Steps
        orientation="vertical"
        size="small"
        current={current < 0 ? view.length : current}
        aria-label={t('title')}
        items={view.map((v) => ({
          key: v.step,
          title: t(`steps.${v.step}`),
          status: v.state === 'done' ? 'finish' : v.state === 'current' ? 'process' : 'wait',
          description: description(v.step, v.entry),
          className: `yishi-ladder-${v.state}`,
        }))}
      />
      {editable && (
        <Space wrap className="yishi-ladder-actions">
          {next ? (
            <>
              <Button type="primary" size="large" onClick={() => setDialog({ kind: 'record', step: next })}>
                {t('record', { step: t(`steps.${next}`) })}
              </Button>
              <Button size="large" onClick={() => setDialog({ kind: 'skip', step: next })}>
                {t('skip')}
              </Button>
            </>
          ) : (
            <span>{t('complete')}</span>
          )}
          {steps.length > 0 && (
            <Button size="large" onClick={() => setDialog({ kind: 'back' })}>
              {t('goBack')}
            </Button>
          )}
        </Space>
      )}
      {escalation && escalation.withdrawn.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('withdrawnCount', { count: escalation.withdrawn.length })}
        </Typography.Paragraph>
      )}
      <SummonsSection matter={matter} steps={steps} tasks={tasks} editable={editable} />
      {dialog && dialog.kind !== 'back' && (
        <LadderStepModal matter={matter} step={dialog.step} mode={dialog.kind} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'back' && <GoBackModal matter={matter} steps={steps} onClose={() => setDialog(null)} />}
    </Card>
  );
}
