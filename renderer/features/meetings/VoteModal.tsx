import { Alert, Form, Input, InputNumber, Modal, Radio, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attendance, AgendaItem, Meeting } from '../../../shared/domain/meeting';
import { voteResult, type Vote } from '../../../shared/domain/vote';
import { concernWarnings, votersPresent } from '../../../shared/meeting/attendance';
import { useApp } from '../../app/AppContext';
import { dialogDraftKey, rowBase, voteDraftSchema, type VoteFormDraft } from '../../../shared/drafts/dialogDrafts';
import { saveVote, type VoteDraft } from '../../data/repos/decisionsRepo';
import { DraftNotice, useDialogDraft } from './useDialogDraft';
import { SaveFailure, useSaveFailure } from './useSaveFailure';
import './messages';
import { useWording } from '../../i18n/wording';

type FormValues = Pick<VoteDraft, 'subject' | 'method' | 'agree' | 'disagree' | 'abstain'>;

const toDraft = ({ subject, method, agree, disagree, abstain }: FormValues): VoteFormDraft => ({
  subject,
  method,
  agree,
  disagree,
  abstain,
});
// A draft's cleared counts (null) go back into the InputNumbers as they came out.
const fromDraft = (d: VoteFormDraft) => d as FormValues;

export function ruleLabel(t: (k: string) => string, threshold: number): string {
  return threshold > 0.6 ? t('form.rules.twoThirds') : t('form.rules.half');
}

/**
 * A vote: the counts are checked against those present, the result is computed by the meeting's
 * rule, and a missing concerned category is shown before anything is recorded.
 */
export function VoteModal({
  meeting,
  item,
  attendance,
  vote,
  siblingIds,
  onClose,
}: {
  meeting: Meeting;
  item: AgendaItem;
  attendance: Attendance[];
  vote: Vote | null;
  /** The ids of the item's votes now: a new one's draft is void once one was added. */
  siblingIds: string[];
  onClose(): void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const w = useWording();
  const { db } = useApp();
  const [form] = Form.useForm<FormValues>();
  const { failure, setFailure, attempt } = useSaveFailure();
  const voters = votersPresent(attendance);
  const missing = concernWarnings(item, attendance);
  const agree = Form.useWatch('agree', form) ?? 0;
  const disagree = Form.useWatch('disagree', form) ?? 0;
  const abstain = Form.useWatch('abstain', form) ?? 0;
  const check = voteResult({ agree, disagree, abstain, presentVoters: voters, threshold: meeting.passThreshold });
  const draft = useDialogDraft<FormValues, VoteFormDraft>({
    form,
    draftKey: dialogDraftKey(meeting.id, 'vote', { agendaItemId: item.id, id: vote?.id }),
    schema: voteDraftSchema,
    initial: vote ?? { subject: item.title, method: 'showOfHands', agree: 0, disagree: 0, abstain: 0 },
    base: vote ? rowBase(toDraft(vote)) : siblingIds,
    toDraft,
    fromDraft,
  });

  async function submit(values: FormValues) {
    const saved = await attempt(() =>
      saveVote(db, meeting.id, item.id, { ...values, id: vote?.id, presentVoters: voters }),
    );
    if (!saved.ok) return;
    const outcome = saved.value;
    if (!outcome.ok) {
      setFailure(
        outcome.problem === 'tooManyVotes'
          ? t('vote.tooMany', { sum: agree + disagree + abstain, voters })
          : outcome.problem === 'noVoters'
            ? t('vote.noVoters')
            : tc('errors.unexpected', { message: outcome.problem }),
      );
      return;
    }
    draft.saved();
    onClose();
  }

  return (
    <Modal
      open
      title={t('vote.title')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !check.ok }}
      width={620}
      destroyOnHidden
    >
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('vote.concernWarning', { roles: w.list(missing.map((r) => tc(`roles.${r}`))) })}
        />
      )}
      <DraftNotice draft={draft} />
      <Form<FormValues>
        key={draft.formKey}
        form={form}
        layout="vertical"
        initialValues={draft.initialValues}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="subject" label={t('vote.subject')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="method" label={t('vote.method')}>
          <Radio.Group
            options={[
              { value: 'showOfHands', label: t('vote.methods.showOfHands') },
              { value: 'secretBallot', label: t('vote.methods.secretBallot') },
            ]}
          />
        </Form.Item>
        <Space size="large" align="start">
          <Statistic title={t('vote.voters')} value={voters} />
          <Form.Item name="agree" label={t('vote.agree')}>
            <InputNumber min={0} max={9999} precision={0} />
          </Form.Item>
          <Form.Item name="disagree" label={t('vote.disagree')}>
            <InputNumber min={0} max={9999} precision={0} />
          </Form.Item>
          <Form.Item name="abstain" label={t('vote.abstain')}>
            <InputNumber min={0} max={9999} precision={0} />
          </Form.Item>
        </Space>
      </Form>
      <div aria-live="polite" data-testid="vote-result">
        {check.ok ? (
          <Typography.Paragraph>
            {w.label(t('vote.result'))}
            <Typography.Text strong type={check.passed ? 'success' : 'danger'}>
              {check.passed ? t('vote.passed') : t('vote.failed')}
            </Typography.Text>
            {/* The note's brackets only: the locale's punctuation around it. */}
            {w.withNote('', t('vote.needed', { needed: check.needed, rule: ruleLabel(t, meeting.passThreshold) }))}
          </Typography.Paragraph>
        ) : (
          <Alert
            type="error"
            showIcon
            title={
              check.problem === 'noVoters'
                ? t('vote.noVoters')
                : t('vote.tooMany', { sum: agree + disagree + abstain, voters })
            }
          />
        )}
      </div>
      <SaveFailure failure={failure} />
    </Modal>
  );
}
