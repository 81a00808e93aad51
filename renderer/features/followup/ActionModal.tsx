import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CodedRefusal } from '../../../shared/codedRefusal';
import { refusalWords } from '../../i18n/refusalWords';
import './messages';

/**
 * A small form in a dialog whose OK runs one repository action: a refusal (from the shared
 * rules, worded in the user's language) stays in the dialog above the fields; success closes it.
 */
export function ActionModal<V extends object>({
  title,
  okText,
  initialValues,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  okText: string;
  initialValues: Partial<V>;
  onSubmit: (values: V) => Promise<{ ok: true } | { ok: false; message: string; refusal?: CodedRefusal }>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('followup');
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit() {
    setSaving(true);
    try {
      const outcome = await onSubmit({ ...initialValues, ...form.getFieldsValue(true) } as V);
      if (!outcome.ok) return setError(outcome.refusal ? refusalWords(t, outcome.refusal) : outcome.message);
      void message.success({ content: t('pub.saved'), key: 'publicity-action' });
      onClose();
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={okText}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues} onValuesChange={() => setError(null)}>
        {children}
      </Form>
    </Modal>
  );
}
