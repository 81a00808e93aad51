import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApp } from '../../app/AppContext';
import { useRestore } from '../backups';
import { createOwnOrganisation, loadDemoCommunity, type OwnOrganisation } from '../../data/repos/setupRepo';
import { OWN_LEVELS, type Locale } from '../../../shared/settings';
import './messages';
import { errorText } from '../../i18n/errorText';
import { KeptBackupNotice } from './KeptBackupNotice';

export function WelcomePage() {
  const { t } = useTranslation('welcome');
  const { db, settings, updateSettings } = useApp();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'demo' | 'own' | null>(null);
  const navigate = useNavigate();
  const restore = useRestore(() => navigate('/meetings'));

  async function run(kind: 'demo' | 'own', action: () => Promise<unknown>) {
    setBusy(kind);
    try {
      await action();
      if (kind === 'demo') void message.success(t('demoLoaded'));
    } catch (error) {
      void message.error(t('errors.unexpected', { message: errorText(t, error) }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="yishi-welcome">
      <div className="yishi-welcome-inner">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16 }}>
          <div>
            <Typography.Title level={1} style={{ marginTop: 0 }}>
              {t('title')}
            </Typography.Title>
            <p className="yishi-lead">{t('lead')}</p>
          </div>
          <Radio.Group
            value={settings.locale}
            onChange={(e) => void updateSettings({ locale: e.target.value as Locale })}
            optionType="button"
            options={[
              { value: 'zh-CN', label: <span lang="zh-CN">中文</span> },
              { value: 'en', label: 'English' },
            ]}
          />
        </div>
        <KeptBackupNotice busy={restore.busy || busy !== null} onRestore={(entry) => void restore.fromStored(entry)} />
        <Row gutter={[24, 24]}>
          <Col xs={24} md={12}>
            <Card title={t('demoTitle')}>
              <p className="yishi-lead">{t('demoLead')}</p>
              <Button
                type="primary"
                size="large"
                loading={busy === 'demo'}
                disabled={busy !== null}
                onClick={() => void run('demo', () => loadDemoCommunity(db))}
              >
                {t('demoButton')}
              </Button>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card title={t('ownTitle')}>
              <p className="yishi-lead">{t('ownLead')}</p>
              <Form<OwnOrganisation>
                layout="vertical"
                requiredMark={false}
                disabled={busy !== null}
                initialValues={{ ownLevel: 'community' }}
                onFinish={(values) => void run('own', () => createOwnOrganisation(db, values))}
              >
                <Form.Item name="ownLevel" label={t('ownLevel')}>
                  <Radio.Group
                    optionType="button"
                    options={OWN_LEVELS.map((level) => ({
                      value: level,
                      label: t(`levels.${level}`, { ns: 'translation' }),
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name="district"
                  label={t('district')}
                  rules={[{ required: true, whitespace: true, max: 60 }]}
                >
                  <Input placeholder={t('examples.district')} />
                </Form.Item>
                <Form.Item
                  name="subdistrict"
                  label={t('subdistrict')}
                  rules={[{ required: true, whitespace: true, max: 60 }]}
                >
                  <Input placeholder={t('examples.subdistrict')} />
                </Form.Item>
                <Form.Item
                  name="community"
                  label={t('community')}
                  dependencies={['ownLevel']}
                  rules={[
                    ({ getFieldValue }) => ({
                      required: getFieldValue('ownLevel') === 'community',
                      whitespace: true,
                      max: 60,
                    }),
                  ]}
                >
                  <Input placeholder={t('examples.community')} />
                </Form.Item>
                <Form.Item name="compound" label={t('compound')} rules={[{ max: 60 }]}>
                  <Input placeholder={t('examples.compound')} />
                </Form.Item>
                <Form.Item
                  name="documentOrgName"
                  label={t('documentOrgName')}
                  extra={t('documentOrgNameHint')}
                  rules={[{ required: true, whitespace: true, max: 60 }]}
                >
                  <Input />
                </Form.Item>
                <Button htmlType="submit" size="large" loading={busy === 'own'}>
                  {t('ownButton')}
                </Button>
              </Form>
            </Card>
          </Col>
        </Row>
        <p style={{ marginTop: 24 }}>
          {t('haveBackup')}
          <Button type="link" loading={restore.busy} onClick={() => void restore.fromFile()}>
            {t('backups:restoreFromFile')}
          </Button>
        </p>
      </div>
    </div>
  );
}
