import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { today } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import {
  evaluationStage,
  lastRound,
  lastRoundReported,
  type EvaluationAction,
  type EvaluationStage,
} from '../../../shared/publicity/evaluation';
import { DEFAULT_THRESHOLD_PERCENT, RATINGS, formatRate, type Rating } from '../../../shared/publicity/satisfaction';
import { useApp } from '../../app/AppContext';
import { evaluate, loadPublicity } from '../../data/repos/publicityRepo';
import { ActionModal } from './ActionModal';
import { DateInput } from './DateInput';
import { useWording } from '../../i18n/wording';
import './messages';

const STAGE_COLORS: Record<EvaluationStage, string> = {
  awaitingNotice: 'default',
  objectionOpen: 'error',
  toRate: 'warning',
  passed: 'success',
  needsRectification: 'error',
  rectifying: 'processing',
};

type Dialog = 'rate' | 'rectify' | 'report' | 'withdraw';

interface RateValues {
  on: string;
  by: string;
  mode: 'counts' | 'person';
  satisfied: number;
  basic: number;
  unsatisfied: number;
  raters: { name: string; rating: Rating }[];
}

/** 评议 → (below the threshold) 整改 → 再次验收, and the report to the 社区党委. */
export function EvaluationSection({ decision }: { decision: Decision }) {
  const { t } = useTranslation('followup');
  const w = useWording();
  const { db, settings } = useApp();
  const data = useLiveQuery(() => loadPublicity(db, decision.id), [db, decision.id]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (!data || decision.status !== 'done') return null;
  const threshold = settings.satisfactionThresholdPercent ?? DEFAULT_THRESHOLD_PERCENT;
  const e = data.evaluation;
  const stage = evaluationStage(e, data.resultNotice, today());
  const last = lastRound(e);
  const run = (action: EvaluationAction) => evaluate(db, decision.id, action);
  const close = () => setDialog(null);
  const rateLabel = stage === 'rectifying' ? t('pub.rating.reinspect') : t('pub.rating.rate');

  const events = (e?.rounds ?? []).flatMap((r) => {
    const total = r.counts.satisfied + r.counts.basic + r.counts.unsatisfied;
    const items = [
      {
        color: r.withdrawn ? 'gray' : r.passed ? 'green' : 'red',
        content: (
          <div>
            <strong>{t(`pub.rating.${r.kind}`)}</strong> · {w.date(r.on)} · {r.by}{' '}
            {!r.withdrawn && (
              <Tag color={r.passed ? 'success' : 'error'}>
                {t(r.passed ? 'pub.rating.passed' : 'pub.rating.failed')}
              </Tag>
            )}
            <div>
              {t('pub.rating.rateSummary', {
                rate: formatRate(r.counts.satisfied + r.counts.basic, total),
                s: r.counts.satisfied,
                b: r.counts.basic,
                u: r.counts.unsatisfied,
                total,
                threshold: r.thresholdPercent,
              })}
            </div>
            {r.raters && (
              <Typography.Text type="secondary">
                {r.raters
                  .map((p) => t('pub.rating.rater', { name: p.name, rating: t(`pub.rating.${p.rating}`) }))
                  .join(t('pub.notice.sep'))}
              </Typography.Text>
            )}
            {r.withdrawn && (
              <div>
                <Typography.Text type="secondary">
                  {t('pub.rating.withdrawn', { reason: r.withdrawn.reason, by: r.withdrawn.by })}
                </Typography.Text>
              </div>
            )}
          </div>
        ),
      },
    ];
    for (const x of e?.rectifications.filter((x) => x.afterRound === r.no) ?? [])
      items.push({
        color: '#d48806',
        content: (
          <div>
            <strong>{t('pub.rating.rectify')}</strong> · {w.date(x.openedOn)} · {x.openedBy}
            <div>
              {t('pub.rating.rectification', {
                task: x.task,
                responsible: x.responsible,
                deadline: w.date(x.deadline),
              })}
            </div>
          </div>
        ),
      });
    for (const p of e?.reports.filter((p) => p.round === r.no) ?? [])
      items.push({ color: '#1677ff', content: <div>{t('pub.rating.reported', { on: w.date(p.on), by: p.by })}</div> });
    return items;
  });

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="evaluation-card"
      title={
        <Space>
          {t('pub.rating.title')}
          <Tag color={STAGE_COLORS[stage]}>{t(`pub.rating.stages.${stage}`)}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="evaluation-lead">
        {t('pub.rating.lead', { threshold })}
        <br />
        {t('pub.rating.rule', { threshold })}
      </Typography.Paragraph>
      {/* A row of its own: antd's Space is inline, and the text after it ran on beside the button. */}
      <Space wrap className="yishi-evaluation-actions" data-testid="evaluation-actions">
        {(stage === 'toRate' || stage === 'rectifying') && (
          <Button type="primary" onClick={() => setDialog('rate')}>
            {rateLabel}
          </Button>
        )}
        {stage === 'needsRectification' && (
          <Button type="primary" danger onClick={() => setDialog('rectify')}>
            {t('pub.rating.rectify')}
          </Button>
        )}
        {last && !lastRoundReported(e) && <Button onClick={() => setDialog('report')}>{t('pub.rating.report')}</Button>}
        {last && !lastRoundReported(e) && stage !== 'rectifying' && (
          <Button type="text" onClick={() => setDialog('withdraw')}>
            {t('pub.rating.withdraw')}
          </Button>
        )}
      </Space>
      <div>
        {events.length === 0 ? (
          <Typography.Text type="secondary">{t('pub.rating.noRounds')}</Typography.Text>
        ) : (
          <Timeline items={events} />
        )}
      </div>

      {dialog === 'rate' && (
        <ActionModal<RateValues>
          title={rateLabel}
          okText={rateLabel}
          initialValues={{
            on: today(),
            by: decision.supervisor.name,
            mode: 'counts',
            satisfied: 0,
            basic: 0,
            unsatisfied: 0,
            raters: [],
          }}
          onClose={close}
          onSubmit={(v) =>
            run({
              kind: 'rate',
              input: {
                on: v.on ?? '',
                by: v.by ?? '',
                thresholdPercent: threshold,
                ...(v.mode === 'person'
                  ? { raters: (v.raters ?? []).map((r) => ({ name: r?.name ?? '', rating: r?.rating ?? 'satisfied' })) }
                  : {
                      counts: {
                        satisfied: Number(v.satisfied ?? 0),
                        basic: Number(v.basic ?? 0),
                        unsatisfied: Number(v.unsatisfied ?? 0),
                      },
                    }),
              },
            })
          }
        >
          <Space size={16} wrap>
            <Form.Item name="on" label={t('pub.rating.on')}>
              <DateInput aria-label={t('pub.rating.on')} />
            </Form.Item>
            <Form.Item name="by" label={t('pub.rating.by')}>
              <Input maxLength={30} aria-label={t('pub.rating.by')} />
            </Form.Item>
          </Space>
          <Form.Item name="mode" label={t('pub.rating.mode')}>
            <Radio.Group
              options={[
                { value: 'counts', label: t('pub.rating.byCounts') },
                { value: 'person', label: t('pub.rating.byPerson') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a: RateValues, b: RateValues) => a.mode !== b.mode}>
            {({ getFieldValue }) =>
              getFieldValue('mode') === 'person' ? (
                <Form.List name="raters">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Space key={f.key} wrap>
                          <Form.Item name={[f.name, 'name']} noStyle>
                            <Input
                              placeholder={t('pub.rating.raterName')}
                              maxLength={30}
                              aria-label={t('pub.rating.raterName')}
                              style={{ width: 120 }}
                            />
                          </Form.Item>
                          <Form.Item name={[f.name, 'rating']} noStyle initialValue="satisfied">
                            <Radio.Group options={RATINGS.map((r) => ({ value: r, label: t(`pub.rating.${r}`) }))} />
                          </Form.Item>
                          <Button size="small" type="link" onClick={() => remove(f.name)}>
                            {t('pub.evidence.remove')}
                          </Button>
                        </Space>
                      ))}
                      <Button onClick={() => add({ name: '', rating: 'satisfied' })}>{t('pub.rating.addRater')}</Button>
                    </>
                  )}
                </Form.List>
              ) : (
                <Space size={16} wrap>
                  {RATINGS.map((r) => (
                    <Form.Item key={r} name={r} label={t(`pub.rating.${r}`)}>
                      <InputNumber min={0} max={1_000_000} precision={0} aria-label={t(`pub.rating.${r}`)} />
                    </Form.Item>
                  ))}
                </Space>
              )
            }
          </Form.Item>
        </ActionModal>
      )}
      {dialog === 'rectify' && (
        <ActionModal<{ task: string; responsible: string; deadline: string; openedOn: string; openedBy: string }>
          title={t('pub.rating.rectify')}
          okText={t('pub.rating.rectify')}
          initialValues={{
            task: '',
            responsible: decision.responsible.name,
            openedOn: today(),
            openedBy: decision.supervisor.name,
          }}
          onClose={close}
          onSubmit={(v) =>
            run({
              kind: 'rectify',
              input: {
                task: v.task ?? '',
                responsible: v.responsible ?? '',
                deadline: (v.deadline ?? '') as never,
                openedOn: (v.openedOn ?? '') as never,
                openedBy: v.openedBy ?? '',
              },
            })
          }
        >
          <Form.Item name="task" label={t('pub.rating.task')}>
            <Input.TextArea rows={3} maxLength={500} aria-label={t('pub.rating.task')} />
          </Form.Item>
          <Space size={16} wrap>
            <Form.Item name="responsible" label={t('pub.rating.responsible')}>
              <Input maxLength={30} aria-label={t('pub.rating.responsible')} />
            </Form.Item>
            <Form.Item name="deadline" label={t('pub.rating.deadline')}>
              <DateInput aria-label={t('pub.rating.deadline')} />
            </Form.Item>
          </Space>
          <Space size={16} wrap>
            <Form.Item name="openedOn" label={t('pub.rating.openedOn')}>
              <DateInput aria-label={t('pub.rating.openedOn')} />
            </Form.Item>
            <Form.Item name="openedBy" label={t('pub.rating.openedBy')}>
              <Input maxLength={30} aria-label={t('pub.rating.openedBy')} />
            </Form.Item>
          </Space>
        </ActionModal>
      )}
      {dialog === 'report' && (
        <ActionModal<{ on: string; by: string }>
          title={t('pub.rating.report')}
          okText={t('pub.rating.report')}
          initialValues={{ on: today(), by: decision.supervisor.name }}
          onClose={close}
          onSubmit={(v) => run({ kind: 'report', on: v.on ?? '', by: v.by ?? '' })}
        >
          <Form.Item name="on" label={t('pub.rating.reportOn')}>
            <DateInput aria-label={t('pub.rating.reportOn')} />
          </Form.Item>
          <Form.Item name="by" label={t('pub.rating.reportBy')}>
            <Input maxLength={30} aria-label={t('pub.rating.reportBy')} />
          </Form.Item>
        </ActionModal>
      )}
      {dialog === 'withdraw' && (
        <ActionModal<{ reason: string; by: string }>
          title={t('pub.rating.withdraw')}
          okText={t('pub.rating.withdraw')}
          initialValues={{ reason: '', by: decision.supervisor.name }}
          onClose={close}
          onSubmit={(v) => run({ kind: 'withdraw', reason: v.reason ?? '', by: v.by ?? '' })}
        >
          <Form.Item name="reason" label={t('pub.rating.reason')}>
            <Input.TextArea rows={2} maxLength={300} aria-label={t('pub.rating.reason')} />
          </Form.Item>
          <Form.Item name="by" label={t('pub.rating.by')}>
            <Input maxLength={30} aria-label={t('pub.rating.by')} />
          </Form.Item>
        </ActionModal>
      )}
    </Card>
  );
}
