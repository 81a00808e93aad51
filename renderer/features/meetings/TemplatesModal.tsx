import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Space, Tabs } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MEETING_TYPES, type MeetingTemplate, type MeetingType } from '../../../shared/domain/meeting';
import { ROSTER_ROLES } from '../../../shared/domain/roles';
import { useApp } from '../../app/AppContext';
import { saveTemplate, templateFor } from '../../data/repos/templatesRepo';
import './messages';

/** Each meeting type's template (default items, roles to invite, length, vote rule), editable. */
export function TemplatesModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('meetings');
  const [type, setType] = useState<MeetingType>('monthlyDay');
  return (
    <Modal open title={t('templates.title')} footer={null} onCancel={onClose} width={720} destroyOnHidden>
      <Tabs
        activeKey={type}
        onChange={(k) => setType(k as MeetingType)}
        items={MEETING_TYPES.map((m) => ({ key: m, label: t(`types.${m}`) }))}
      />
      <TemplateForm key={type} type={type} />
    </Modal>
  );
}

function TemplateForm({ type }: { type: MeetingType }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingTemplate>();
  const [template, setTemplate] = useState<MeetingTemplate | null>(null);

  useEffect(() => {
    void templateFor(db, type).then((loaded) => {
      setTemplate(loaded);
      form.setFieldsValue(loaded);
    });
  }, [db, type, form]);

  async function save(values: MeetingTemplate) {
    if (!template) return;
    await saveTemplate(db, { ...template, ...values, id: template.id, type });
    void message.success(tc('common.saved'));
  }

  if (!template) return null;
  return (
    <Form<MeetingTemplate> form={form} layout="vertical" onFinish={(v) => void save(v)}>
      <Form.Item name="name" label={t('templates.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input />
      </Form.Item>
      <Space>
        <Form.Item name="plannedMinutes" label={t('form.duration')} rules={[{ required: true }]}>
          <InputNumber min={10} max={600} step={10} />
        </Form.Item>
        <Form.Item name="passThreshold" label={t('form.passRule')}>
          <Radio.Group
            options={[
              { value: 0.5, label: t('form.rules.half') },
              { value: 2 / 3, label: t('form.rules.twoThirds') },
            ]}
          />
        </Form.Item>
      </Space>
      <Form.Item name="invitedRoles" label={t('templates.roles')}>
        <Checkbox.Group options={ROSTER_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))} />
      </Form.Item>
      <Form.List name="defaultItems">
        {(fields, { add, remove }) => (
          <div>
            <div style={{ marginBottom: 8 }}>{t('templates.items')}</div>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, max: 100 }]}>
                  <Input style={{ width: 380 }} aria-label={t('agenda.title')} />
                </Form.Item>
                <Form.Item name={[field.name, 'plannedMinutes']} rules={[{ required: true }]}>
                  <InputNumber min={1} max={600} aria-label={t('agenda.minutes')} />
                </Form.Item>
                <MinusCircleOutlined aria-label={tc('common.delete')} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', plannedMinutes: 15 })}>
              {t('agenda.add')}
            </Button>
          </div>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>
        {tc('common.save')}
      </Button>
    </Form>
  );
}
