import { useState } from 'react';
import { App, Button, Form, Modal } from 'antd';
import { Select } from '../../app/controls';
import { useTranslation } from 'react-i18next';
import { cleanMatterList, DEFAULT_MATTER_CATEGORIES, DEFAULT_MATTER_CHANNELS } from '../../../shared/domain/matter';
import { useApp } from '../../app/AppContext';
import { matterLists } from './labels';
import './messages';
import { refusalWords } from '../../i18n/refusalWords';

interface Values {
  channels: string[];
  categories: string[];
}

/**
 * The channel and category lists of 登记, kept in the settings. Entries already used by stored
 * matters stay readable when removed here: a matter keeps its channel and category as words.
 */
export function MatterListsModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('matters');
  const { settings, updateSettings } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  async function save(v: Values) {
    const channels = cleanMatterList(v.channels, 'channels');
    const categories = cleanMatterList(v.categories, 'categories');
    if (!channels.ok) return void message.error(refusalWords(t, channels.refusal));
    if (!categories.ok) return void message.error(refusalWords(t, categories.refusal));
    setSaving(true);
    try {
      await updateSettings({ matterChannels: channels.list, matterCategories: categories.list });
      void message.success(t('dialogs.done'));
      onClose();
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('lists.title')}
      width={640}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <Button
            onClick={() =>
              form.setFieldsValue({
                channels: [...DEFAULT_MATTER_CHANNELS],
                categories: [...DEFAULT_MATTER_CATEGORIES],
              })
            }
          >
            {t('lists.defaults')}
          </Button>
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <p>{t('lists.lead')}</p>
      <Form
        form={form}
        name="matterLists"
        layout="vertical"
        size="large"
        initialValues={matterLists(settings)}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="channels" label={t('fields.channel')}>
          <Select mode="tags" open={false} tokenSeparators={['，', ',']} />
        </Form.Item>
        <Form.Item name="categories" label={t('fields.category')}>
          <Select mode="tags" open={false} tokenSeparators={['，', ',']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
