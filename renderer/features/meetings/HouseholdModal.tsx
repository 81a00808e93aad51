import { Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting';
import type { HouseholdConsultation } from '../../../shared/domain/vote';
import { householdAgreedPercent } from '../../../shared/domain/household';
import { useApp } from '../../app/AppContext';
import {
  dialogDraftKey,
  householdDraftSchema,
  rowBase,
  type HouseholdFormDraft,
} from '../../../shared/drafts/dialogDrafts';
import { saveHouseholdConsultation, type HouseholdDraft } from '../../data/repos/decisionsRepo';
import { DraftNotice, useDialogDraft } from './useDialogDraft';
import { SaveFailure, useSaveFailure } from './useSaveFailure';
import './messages';

const toDraft = ({ subject, asked, agreed, disagreed, notReached }: HouseholdDraft): HouseholdFormDraft => ({
  subject,
  asked,
  agreed,
  disagreed,
  notReached,
});
// A draft's cleared counts (null) go back into the InputNumbers as they came out.
const fromDraft = (d: HouseholdFormDraft) => d as HouseholdDraft;

/** 逐户征求意见, e.g. 新东方小区: 1,800 households asked about the north gate, 1,760 agreed. */
export function HouseholdModal({
  meeting,
  item,
  consultation,
  siblingIds,
  onClose,
}: {
  meeting: Meeting;
  item: AgendaItem;
  consultation: HouseholdConsultation | null;
  /** The ids of the item's consultations now: a new one's draft is void once one was added. */
  siblingIds: string[];
  onClose(): void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const [form] = Form.useForm<HouseholdDraft>();
  const { failure, setFailure, attempt } = useSaveFailure();
  const values = Form.useWatch([], form) as Partial<HouseholdDraft> | undefined;
  const draft = useDialogDraft<HouseholdDraft, HouseholdFormDraft>({
    form,
    draftKey: dialogDraftKey(meeting.id, 'household', { agendaItemId: item.id, id: consultation?.id }),
    schema: householdDraftSchema,
    initial: consultation ?? { subject: item.title, asked: 1, agreed: 0, disagreed: 0, notReached: 0 },
    base: consultation ? rowBase(toDraft(consultation)) : siblingIds,
    toDraft,
    fromDraft,
  });

  async function submit(v: HouseholdDraft) {
    const saved = await attempt(() =>
      saveHouseholdConsultation(db, meeting.id, item.id, { ...v, id: consultation?.id }),
    );
    if (!saved.ok) return;
    if (!saved.value.ok) return setFailure(saved.value.message);
    draft.saved();
    onClose();
  }

  return (
    <Modal
      open
      title={t('household.title')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
    >
      <DraftNotice draft={draft} />
      <Form<HouseholdDraft>
        key={draft.formKey}
        form={form}
        layout="vertical"
        initialValues={draft.initialValues}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="subject"
          label={t('household.subject')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="asked" label={t('household.asked')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100000} precision={0} />
          </Form.Item>
          <Form.Item name="agreed" label={t('household.agreed')}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
          <Form.Item name="disagreed" label={t('household.disagreed')}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
          <Form.Item name="notReached" label={t('household.notReached')}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
        </Space>
      </Form>
      {values?.asked ? (
        <Typography.Paragraph>
          {t('household.summary', {
            asked: values.asked,
            agreed: values.agreed ?? 0,
            disagreed: values.disagreed ?? 0,
            notReached: values.notReached ?? 0,
            percent: householdAgreedPercent({ asked: values.asked, agreed: values.agreed ?? 0 }),
          })}
        </Typography.Paragraph>
      ) : null}
      <SaveFailure failure={failure} />
    </Modal>
  );
}
