import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { today } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import type { Meeting } from '../../../shared/domain/meeting';
import {
  NOTICE_DAYS_DEFAULT,
  NOTICE_DAYS_MAX,
  NOTICE_DAYS_MIN,
  PUBLICITY_PLACES,
  noticeState,
  type NoticeState,
  type PublicityKind,
  type PublicNotice,
} from '../../../shared/publicity/notice';
import { useApp } from '../../app/AppContext';
import {
  addObjection,
  answerObjection,
  correctNoticeRecord,
  loadPublicity,
  loadResultNoticeInput,
  postNotice,
} from '../../data/repos/publicityRepo';
import { safeFileName } from '../../../shared/fileName';
import { ActionModal } from './ActionModal';
import { DateInput } from './DateInput';
import { useWording } from '../../i18n/wording';
import './messages';

const STATE_COLORS: Record<NoticeState, string> = {
  scheduled: 'default',
  running: 'processing',
  ended: 'success',
  objectionOpen: 'error',
};

type Dialog =
  | { kind: 'post'; notice: PublicityKind }
  | { kind: 'objection'; noticeId: string }
  | { kind: 'correct'; notice: PublicNotice }
  | { kind: 'answer'; noticeId: string; objectionId: string };

/** 决议公示 (the meeting's) and 结果公示 (this decision's): where, when, objections and answers. */
export function PublicitySection({ decision, meeting }: { decision: Decision; meeting: Meeting }) {
  const { t } = useTranslation('followup');
  const { db } = useApp();
  const data = useLiveQuery(() => loadPublicity(db, decision.id), [db, decision.id]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (!data) return null;
  const resolutionOpen = meeting.status === 'finalised' || meeting.status === 'signed';
  const resultOpen = decision.status === 'done';
  const defaultStart = today();
  return (
    <section aria-label={t('pub.notice.result')} className="yishi-publicity">
      <NoticeCard
        kind="resolution"
        notice={data.resolutionNotice}
        closedReason={resolutionOpen ? null : t('pub.notice.notYetResolution')}
        onDialog={setDialog}
      />
      <NoticeCard
        kind="result"
        notice={data.resultNotice}
        closedReason={resultOpen ? null : t('pub.notice.notYetResult')}
        onDialog={setDialog}
      />
      {dialog?.kind === 'post' && (
        <ActionModal<{ places: string[]; startDate: string; days: number; postedBy: string }>
          title={t(`pub.notice.${dialog.notice}`)}
          okText={t('pub.notice.post')}
          initialValues={{
            places: ['board'],
            startDate: defaultStart,
            days: NOTICE_DAYS_DEFAULT,
            postedBy: decision.supervisor.name,
          }}
          onClose={() => setDialog(null)}
          onSubmit={(v) =>
            postNotice(db, decision.id, dialog.notice, {
              places: (v.places ?? []) as never,
              startDate: v.startDate ?? '',
              days: Number(v.days),
              postedBy: v.postedBy ?? '',
            })
          }
        >
          <Form.Item name="places" label={t('pub.notice.places')}>
            <Checkbox.Group
              options={PUBLICITY_PLACES.map((p) => ({ value: p, label: t(`pub.notice.placeNames.${p}`) }))}
            />
          </Form.Item>
          <Space size={16} wrap>
            <Form.Item name="startDate" label={t('pub.notice.startDate')}>
              <DateInput aria-label={t('pub.notice.startDate')} />
            </Form.Item>
            <Form.Item name="days" label={t('pub.notice.days')}>
              <InputNumber min={NOTICE_DAYS_MIN} max={NOTICE_DAYS_MAX} aria-label={t('pub.notice.days')} />
            </Form.Item>
          </Space>
          <Form.Item name="postedBy" label={t('pub.notice.postedBy')}>
            <Input maxLength={30} aria-label={t('pub.notice.postedBy')} />
          </Form.Item>
        </ActionModal>
      )}
      {dialog?.kind === 'correct' && <CorrectNoticeModal notice={dialog.notice} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'objection' && (
        <ActionModal<{ by: string; text: string; receivedOn: string }>
          title={t('pub.notice.addObjection')}
          okText={t('pub.notice.addObjection')}
          initialValues={{ by: '', text: '', receivedOn: defaultStart }}
          onClose={() => setDialog(null)}
          onSubmit={(v) =>
            addObjection(db, dialog.noticeId, { by: v.by ?? '', text: v.text ?? '', receivedOn: v.receivedOn ?? '' })
          }
        >
          <Form.Item name="by" label={t('pub.notice.objectionBy')}>
            <Input maxLength={30} aria-label={t('pub.notice.objectionBy')} />
          </Form.Item>
          <Form.Item name="text" label={t('pub.notice.objectionText')}>
            <Input.TextArea rows={3} maxLength={500} aria-label={t('pub.notice.objectionText')} />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('pub.notice.receivedOn')}>
            <DateInput aria-label={t('pub.notice.receivedOn')} />
          </Form.Item>
        </ActionModal>
      )}
      {dialog?.kind === 'answer' && (
        <ActionModal<{ by: string; text: string; on: string }>
          title={t('pub.notice.answer')}
          okText={t('pub.notice.answer')}
          initialValues={{ by: decision.responsible.name, text: '', on: defaultStart }}
          onClose={() => setDialog(null)}
          onSubmit={(v) =>
            answerObjection(db, dialog.noticeId, dialog.objectionId, {
              by: v.by ?? '',
              text: v.text ?? '',
              on: v.on ?? '',
            })
          }
        >
          <Form.Item name="text" label={t('pub.notice.answerText')}>
            <Input.TextArea rows={3} maxLength={500} aria-label={t('pub.notice.answerText')} />
          </Form.Item>
          <Form.Item name="by" label={t('pub.notice.answerBy')}>
            <Input maxLength={30} aria-label={t('pub.notice.answerBy')} />
          </Form.Item>
          <Form.Item name="on" label={t('pub.notice.answerOn')}>
            <DateInput aria-label={t('pub.notice.answerOn')} />
          </Form.Item>
        </ActionModal>
      )}
    </section>
  );
}

function NoticeCard({
  kind,
  notice,
  closedReason,
  onDialog,
}: {
  kind: PublicityKind;
  notice: PublicNotice | null;
  closedReason: string | null;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useTranslation('followup');
  const w = useWording();
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const state = notice ? noticeState(notice, today()) : null;

  async function download() {
    if (!notice?.decisionId) return;
    const input = await loadResultNoticeInput(db, notice.decisionId);
    if (!input) return;
    const { buildResultNoticeDocx } = await import('../../../shared/documents/resultNotice');
    const outcome = await bridge.saveFile({
      suggestedName: safeFileName(`${input.decision.title}结果公示`, 'docx'),
      bytes: await buildResultNoticeDocx(input),
      filters: [{ name: 'Word', extensions: ['docx'] }],
    });
    if (outcome.status === 'saved') void message.success(t('pub.notice.downloaded', { path: outcome.path }));
  }
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <Space>
          {t(`pub.notice.${kind}`)}
          {state && <Tag color={STATE_COLORS[state]}>{t(`pub.notice.states.${state}`)}</Tag>}
        </Space>
      }
      extra={
        notice ? (
          <Space>
            {kind === 'result' && (
              <Button size="small" onClick={() => void download()}>
                {t('pub.notice.download')}
              </Button>
            )}
            {state !== 'ended' && (
              <Button size="small" onClick={() => onDialog({ kind: 'correct', notice })}>
                {t('pub.notice.correct')}
              </Button>
            )}
            <Button size="small" onClick={() => onDialog({ kind: 'objection', noticeId: notice.id })}>
              {t('pub.notice.addObjection')}
            </Button>
          </Space>
        ) : (
          !closedReason && (
            <Button size="small" type="primary" onClick={() => onDialog({ kind: 'post', notice: kind })}>
              {t('pub.notice.post')}
            </Button>
          )
        )
      }
    >
      {!notice ? (
        <Typography.Text type="secondary">
          {closedReason ?? `${t('pub.notice.notPosted')} · ${t(`pub.notice.${kind}Lead`)}`}
        </Typography.Text>
      ) : (
        <>
          <Descriptions size="small" column={1} styles={{ label: { width: '8em' } }}>
            <Descriptions.Item label={t('pub.notice.places')}>
              {notice.places.map((p) => t(`pub.notice.placeNames.${p}`)).join(t('pub.notice.sep'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('pub.notice.period')}>
              {t('pub.notice.periodValue', {
                from: w.date(notice.startDate),
                to: w.date(notice.endDate),
                days: notice.days,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('pub.notice.postedBy')}>{notice.postedBy}</Descriptions.Item>
            {(notice.corrections ?? []).length > 0 && (
              <Descriptions.Item label={t('pub.notice.corrections')}>
                <div data-testid="notice-corrections">
                  {(notice.corrections ?? []).map((c) => (
                    <div key={c.at}>
                      {t('pub.notice.correctionLine', {
                        by: c.by,
                        at: w.dateTime(c.at),
                        places: c.before.places.map((p) => t(`pub.notice.placeNames.${p}`)).join(t('pub.notice.sep')),
                        from: w.date(c.before.startDate),
                        to: w.date(c.before.endDate),
                        why: c.why,
                      })}
                    </div>
                  ))}
                </div>
              </Descriptions.Item>
            )}
          </Descriptions>
          {notice.objections.length === 0 ? (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
              {t('pub.notice.noObjections')}
            </Typography.Text>
          ) : (
            <List
              size="small"
              header={t('pub.notice.objections')}
              dataSource={notice.objections}
              renderItem={(o) => (
                <List.Item
                  actions={
                    o.answer
                      ? []
                      : [
                          <Button
                            key="a"
                            size="small"
                            onClick={() => onDialog({ kind: 'answer', noticeId: notice.id, objectionId: o.id })}
                          >
                            {t('pub.notice.answer')}
                          </Button>,
                        ]
                  }
                >
                  <div>
                    <strong>{o.by}</strong> · {w.date(o.receivedOn)}：{o.text}
                    <div>
                      {o.answer ? (
                        <Typography.Text type="success">
                          {t('pub.notice.answered', { by: o.answer.by, on: w.date(o.answer.on), text: o.answer.text })}
                        </Typography.Text>
                      ) : (
                        <Tag color="error">{t('pub.notice.unanswered')}</Tag>
                      )}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}

/** 更正: places and period as posted, changed with who and why; refusals stay in the dialog. */
function CorrectNoticeModal({ notice, onClose }: { notice: PublicNotice; onClose(): void }) {
  const { t } = useTranslation('followup');
  const { db } = useApp();
  return (
    <ActionModal<{ places: string[]; startDate: string; days: number; by: string; why: string }>
      title={t('pub.notice.correctTitle')}
      okText={t('pub.notice.correct')}
      initialValues={{ places: [...notice.places], startDate: notice.startDate, days: notice.days, by: '', why: '' }}
      onClose={onClose}
      onSubmit={(v) =>
        correctNoticeRecord(db, notice.id, {
          places: (v.places ?? []) as never,
          startDate: v.startDate ?? '',
          days: Number(v.days),
          by: v.by ?? '',
          why: v.why ?? '',
        })
      }
    >
      <p>{t('pub.notice.correctLead')}</p>
      <Form.Item name="places" label={t('pub.notice.places')}>
        <Checkbox.Group options={PUBLICITY_PLACES.map((p) => ({ value: p, label: t(`pub.notice.placeNames.${p}`) }))} />
      </Form.Item>
      <Space size={16} wrap>
        <Form.Item name="startDate" label={t('pub.notice.startDate')}>
          <DateInput aria-label={t('pub.notice.startDate')} />
        </Form.Item>
        <Form.Item name="days" label={t('pub.notice.days')}>
          <InputNumber min={NOTICE_DAYS_MIN} max={NOTICE_DAYS_MAX} aria-label={t('pub.notice.days')} />
        </Form.Item>
      </Space>
      <Form.Item name="by" label={t('pub.notice.correctBy')}>
        <Input maxLength={30} aria-label={t('pub.notice.correctBy')} />
      </Form.Item>
      <Form.Item name="why" label={t('pub.notice.correctWhy')}>
        <Input.TextArea rows={2} maxLength={300} aria-label={t('pub.notice.correctWhy')} />
      </Form.Item>
    </ActionModal>
  );
}
