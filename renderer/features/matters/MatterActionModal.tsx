import { useState } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { Select } from '../../app/controls';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { MATTER_URGENCIES, type Matter, type MatterUrgency } from '../../../shared/domain/matter';
import { compoundOf } from '../../../shared/domain/matterSimilar';
import { isOpenStage, type MatterAction } from '../../../shared/domain/matterStage';
import { descendantIds } from '../../../shared/domain/org';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import {
  closeMatter,
  editMatter,
  escalateMatter,
  handleAndClose,
  loadMatterList,
  mergeMatter,
  triageMatter,
} from '../../data/repos/mattersRepo';
import { matterLists } from './labels';
import './messages';
import { errorText } from '../../i18n/errorText';

interface Values {
  by?: string;
  path?: 'immediate' | 'pending';
  handledBy?: string;
  handledAction?: string;
  handledResult?: string;
  reason?: string;
  note?: string;
  target?: string;
  title?: string;
  description?: string;
  address?: string;
  category?: string;
  channel?: string;
  urgency?: MatterUrgency;
}

const TITLES: Record<MatterAction, string> = {
  edit: 'actions.edit',
  triage: 'dialogs.triageTitle',
  handle: 'dialogs.handleTitle',
  escalate: 'dialogs.escalateTitle',
  merge: 'dialogs.mergeTitle',
  close: 'dialogs.closeTitle',
};

/** The dialog of one action on a matter; the repository refuses what the stage does not allow. */
export function MatterActionModal({
  action,
  matter,
  onClose,
}: {
  action: MatterAction;
  matter: Matter;
  onClose(): void;
}) {
  const { t } = useTranslation('matters');
  const { db, settings, updateSettings } = useApp();
  const { message } = App.useApp();
  const units = useOrgUnits(db);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { channels, categories } = matterLists(settings);
  const compoundId = units.length ? compoundOf(units, matter.orgUnitId) : undefined;
  const targets = useLiveQuery(
    async () =>
      action === 'merge' && compoundId
        ? (await loadMatterList(db, [...descendantIds(units, compoundId)])).filter(
            (r) => r.matter.id !== matter.id && isOpenStage(r.stage),
          )
        : [],
    [db, units, compoundId, action, matter.id],
  );

  async function run(v: Values) {
    const by = v.by?.trim() ?? '';
    switch (action) {
      case 'edit':
        return editMatter(
          db,
          matter.id,
          {
            title: v.title ?? '',
            description: v.description ?? '',
            address: v.address ?? '',
            ...(v.category ? { category: v.category } : {}),
            ...(v.channel ? { channel: v.channel } : {}),
            ...(v.urgency ? { urgency: v.urgency } : {}),
          },
          by,
        );
      case 'triage':
        return triageMatter(db, matter.id, v.path ?? 'pending', by);
      case 'handle':
        return handleAndClose(
          db,
          matter.id,
          { by: v.handledBy ?? '', action: v.handledAction ?? '', result: v.handledResult ?? '' },
          by,
        );
      case 'escalate':
        return escalateMatter(db, matter.id, v.reason ?? '', by);
      case 'merge':
        return mergeMatter(db, matter.id, v.target ?? '', by);
      case 'close':
        return closeMatter(db, matter.id, v.note ?? '', by);
    }
  }

  async function submit(v: Values) {
    setSaving(true);
    try {
      await run(v);
      if (v.by?.trim() && v.by.trim() !== settings.matterClerk) await updateSettings({ matterClerk: v.by.trim() });
      void message.success(t('dialogs.done'));
      onClose();
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  }

  const required = (field: string) => [{ required: true, whitespace: true, message: t('dialogs.required', { field }) }];
  const initialValues: Values = {
    ...(settings.matterClerk ? { by: settings.matterClerk } : {}),
    path: matter.path === 'immediate' ? 'immediate' : 'pending',
    title: matter.title,
    description: matter.description ?? '',
    address: matter.address ?? '',
    category: matter.category,
    channel: matter.channel,
    urgency: matter.urgency,
  };
  return (
    <Modal
      open
      title={t(TITLES[action])}
      width={640}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        name="matterAction"
        layout="vertical"
        size="large"
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
      >
        {action === 'triage' && (
          <>
            <p>{t('dialogs.triageLead')}</p>
            <Form.Item name="path" label={t('fields.path')}>
              <Radio.Group
                optionType="button"
                options={(['immediate', 'pending'] as const).map((p) => ({ value: p, label: t(`paths.${p}`) }))}
              />
            </Form.Item>
          </>
        )}
        {action === 'handle' && (
          <>
            <Form.Item name="handledBy" label={t('dialogs.handledBy')} rules={required(t('dialogs.handledBy'))}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item
              name="handledAction"
              label={t('dialogs.handledAction')}
              rules={required(t('dialogs.handledAction'))}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name="handledResult"
              label={t('dialogs.handledResult')}
              rules={required(t('dialogs.handledResult'))}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {action === 'escalate' && (
          <Form.Item name="reason" label={t('dialogs.escalateReason')} rules={required(t('dialogs.escalateReason'))}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {action === 'close' && (
          <Form.Item name="note" label={t('dialogs.closeNote')} rules={required(t('dialogs.closeNote'))}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'merge' && (
          <>
            <p>{t('dialogs.mergeLead')}</p>
            <Form.Item name="target" label={t('dialogs.mergeTarget')} rules={required(t('dialogs.mergeTarget'))}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={!targets}
                options={(targets ?? []).map((r) => ({ value: r.matter.id, label: r.matter.title }))}
              />
            </Form.Item>
          </>
        )}
        {action === 'edit' && (
          <>
            <Form.Item name="title" label={t('fields.title')} rules={required(t('fields.title'))}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="description" label={t('fields.description')}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Form.Item name="address" label={t('fields.address')}>
              <Input maxLength={200} />
            </Form.Item>
            <div className="yishi-form-row">
              <Form.Item name="category" label={t('fields.category')}>
                <Select options={categories.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
              <Form.Item name="channel" label={t('fields.channel')}>
                <Select options={channels.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </div>
            <Form.Item name="urgency" label={t('fields.urgency')}>
              <Radio.Group
                optionType="button"
                options={MATTER_URGENCIES.map((u) => ({ value: u, label: t(`urgencies.${u}`) }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="by" label={t('dialogs.by')} rules={required(t('dialogs.by'))}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
