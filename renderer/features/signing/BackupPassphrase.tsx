import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_CHARS } from '../../../shared/signing/backupKey';
import { keyIdLabel } from '../../../shared/signing/statement';
import { useApp } from '../../app/AppContext';
import { recoverKeys, setBackupPassphrase, type KeyList } from '../../data/repos/signingRepo';
import { errorText } from '../../i18n/errorText';
import './messages';

interface Values {
  passphrase: string;
  again?: string;
}

/**
 * The backup passphrase: set (a new key, kept encrypted in backups), or entered after a restore
 * on another computer to bring the backed-up keys back.
 */
export function BackupPassphrase({ keys }: { keys: KeyList }) {
  const { t } = useTranslation('signing');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'set' | 'recover' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  async function submit(values: Values) {
    setBusy(true);
    try {
      if (mode === 'set') {
        const outcome = await setBackupPassphrase(db, values.passphrase);
        if (!outcome.ok) return form.setFields([{ name: 'passphrase', errors: [t('keys.passphraseTooShort')] }]);
        void message.success(t('keys.passphraseSaved', { keyId: keyIdLabel(outcome.key.id) }));
      } else {
        const outcome = await recoverKeys(db, values.passphrase);
        if (!outcome.ok) return form.setFields([{ name: 'passphrase', errors: [t('keys.wrongPassphrase')] }]);
        void message.success(t('keys.recovered', { count: outcome.recovered }));
      }
      setMode(null);
      form.resetFields();
    } catch (error) {
      void message.error(errorText(tc, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {keys.recoverable > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('keys.recoverable', { count: keys.recoverable })}
          action={<Button onClick={() => setMode('recover')}>{t('keys.recover')}</Button>}
        />
      )}
      <Space direction="vertical" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="backup-note">
          {keys.passphraseSet ? t('keys.backupProtected') : t('keys.backupNote')}
        </Typography.Text>
        <Button onClick={() => setMode('set')}>
          {keys.passphraseSet ? t('keys.changePassphrase') : t('keys.setPassphrase')}
        </Button>
      </Space>
      <Modal
        open={mode !== null}
        title={mode === 'set' ? t('keys.passphraseTitle') : t('keys.recoverTitle')}
        okText={mode === 'set' ? tc('common.save') : tc('common.confirm')}
        cancelText={tc('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => {
          setMode(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        {mode === 'set' && <Typography.Paragraph>{t('keys.passphraseContent')}</Typography.Paragraph>}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="passphrase"
            label={t('keys.passphrase')}
            rules={
              mode === 'set'
                ? [{ required: true, min: MIN_PASSPHRASE_CHARS, message: t('keys.passphraseTooShort') }]
                : [{ required: true, message: t('keys.passphrase') }]
            }
          >
            <Input.Password autoFocus />
          </Form.Item>
          {mode === 'set' && (
            <Form.Item
              name="again"
              label={t('keys.passphraseAgain')}
              dependencies={['passphrase']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value === getFieldValue('passphrase')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('keys.passphraseMismatch'))),
                }),
              ]}
            >
              <Input.Password />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
