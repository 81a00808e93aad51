import { useEffect, useState } from 'react';
import type { KeyProtectionStatus } from '../../../shared/signing/keyProtection';
import { Alert, App, Button, Card, Descriptions, List, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { safeFileName } from '../../../shared/fileName';
import type { OwnKey } from '../../../shared/signing/keys';
import { keyIdLabel } from '../../../shared/signing/statement';
import { useApp } from '../../app/AppContext';
import {
  currentSigner,
  listKeys,
  publicKeyFile,
  registerKeyFile,
  removeRegisteredKey,
  rotateSigningKey,
  type RegisterOutcome,
} from '../../data/repos/signingRepo';
import { errorText } from '../../i18n/errorText';
import { BackupPassphrase } from './BackupPassphrase';
import './messages';
import { useWording } from '../../i18n/wording';

/** A key file is a few hundred bytes. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** 设置 → 签名密钥: this installation's key, exporting and replacing it, and others' registered keys. */
export function SigningKeysCard() {
  const { t } = useTranslation('signing');
  const w = useWording();
  const { t: tc } = useTranslation();
  const { db, bridge } = useApp();
  const { message, modal } = App.useApp();
  const keys = useLiveQuery(() => listKeys(db), [db]);
  const [protection, setProtection] = useState<KeyProtectionStatus | null>(null);
  useEffect(() => {
    let live = true;
    void bridge.keyProtection().then((status) => live && setProtection(status));
    return () => {
      live = false;
    };
  }, [bridge]);
  const current = keys?.own.find((k) => k.current);
  const older = keys?.own.filter((k) => !k.current) ?? [];

  /** Every action says what went wrong in words, never leaves a promise unhandled. */
  const run = (action: () => Promise<void>) => () =>
    void action().catch((error: unknown) => void message.error(errorText(tc, error)));

  const exportKey = (key: OwnKey) =>
    run(async () => {
      const outcome = await bridge.saveFile({
        suggestedName: safeFileName(`${key.orgName}-签名公钥-${keyIdLabel(key.id)}`, 'json'),
        bytes: new TextEncoder().encode(await publicKeyFile(db, key.id)),
        filters: [{ name: t('keys.fileFilter'), extensions: ['json'] }],
      });
      if (outcome.status === 'saved') void message.success(t('keys.exported', { path: outcome.path }));
    });

  const rotate = run(async () => {
    const confirmed = await modal.confirm({
      title: t('keys.rotateTitle'),
      content: t('keys.rotateContent'),
      okText: t('keys.rotate'),
      cancelText: tc('common.cancel'),
    });
    if (!confirmed) return;
    const key = await rotateSigningKey(db);
    void message.success(t('keys.rotated', { keyId: keyIdLabel(key.id) }));
  });

  const importKey = run(async () => {
    const picked = await bridge.openFile({
      filters: [{ name: t('keys.fileFilter'), extensions: ['json'] }],
      maxBytes: MAX_KEY_FILE_BYTES,
    });
    if (picked.status === 'tooLarge')
      return void modal.error({ title: t('keys.import'), content: t('keys.problems.tooLarge') });
    if (picked.status !== 'opened') return;
    const outcome: RegisterOutcome = await registerKeyFile(db, new TextDecoder().decode(picked.bytes));
    if (outcome.ok)
      return void message.success(t('keys.imported', { org: outcome.key.orgName, keyId: keyIdLabel(outcome.key.id) }));
    const content =
      outcome.problem === 'alreadyRegistered'
        ? t('keys.problems.alreadyRegistered', { org: outcome.orgName })
        : t(`keys.problems.${outcome.problem}`);
    modal.error({ title: t('keys.import'), content });
  });

  return (
    <Card title={t('keys.title')} style={{ maxWidth: 640, marginTop: 24 }} data-testid="signing-keys">
      <Typography.Paragraph>{t('keys.intro')}</Typography.Paragraph>
      {protection && !protection.available && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="key-protection"
          title={t(`protection.${protection.reason}`)}
        />
      )}
      {current ? (
        <Descriptions
          column={1}
          size="small"
          bordered
          title={t('keys.current')}
          styles={{ label: { whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label={t('keys.keyId')}>
            <Typography.Text strong code data-testid="current-key-id">
              {keyIdLabel(current.id)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('keys.organisation')}>{current.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('keys.createdAt')}>{w.dateTime(current.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('keys.keptBy')}>
            <span data-testid="key-kept-by">
              {t(current.osProtected ? 'keys.keptByOs' : 'keys.keptNonExtractable')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('keys.publicKey')}>
            <Typography.Text copyable code style={{ wordBreak: 'break-all' }}>
              {current.publicKey}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        keys && <Typography.Paragraph type="secondary">{t('keys.none')}</Typography.Paragraph>
      )}
      <Space wrap style={{ marginTop: 12 }}>
        {current ? (
          <>
            <Button type="primary" onClick={exportKey(current)}>
              {t('keys.export')}
            </Button>
            <Button onClick={rotate}>{t('keys.rotate')}</Button>
          </>
        ) : (
          <Button onClick={run(async () => void (await currentSigner(db)))}>{t('keys.createNow')}</Button>
        )}
      </Space>
      {keys && <BackupPassphrase keys={keys} />}
      {older.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('keys.oldKeys')}</Typography.Text>}
          dataSource={older}
          renderItem={(key) => (
            <List.Item
              actions={[
                <Button key="export" size="small" onClick={exportKey(key)}>
                  {t('keys.export')}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={0}>
                <Typography.Text code>{keyIdLabel(key.id)}</Typography.Text>
                <Typography.Text type="secondary">
                  {key.orgName} · {t('keys.retired', { time: w.dateTime(key.retiredAt ?? key.createdAt) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <List
        size="small"
        style={{ marginTop: 12 }}
        data-testid="registered-keys"
        header={
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text strong>{t('keys.registered')}</Typography.Text>
            <Button size="small" onClick={importKey}>
              {t('keys.import')}
            </Button>
          </Space>
        }
        locale={{ emptyText: t('keys.registeredEmpty') }}
        dataSource={keys?.registered ?? []}
        renderItem={(key) => (
          <List.Item
            actions={[
              <Button
                key="remove"
                size="small"
                danger
                onClick={run(async () => {
                  const confirmed = await modal.confirm({
                    title: t('keys.removeTitle', { org: key.orgName }),
                    content: t('keys.removeContent'),
                    okText: t('keys.remove'),
                    cancelText: tc('common.cancel'),
                  });
                  if (confirmed) await removeRegisteredKey(db, key.id);
                })}
              >
                {t('keys.remove')}
              </Button>,
            ]}
          >
            <Space direction="vertical" size={0}>
              <Typography.Text>{key.orgName}</Typography.Text>
              <Typography.Text code>{keyIdLabel(key.id)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
