import { useEffect } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Radio, Switch } from 'antd';
import { Select } from '../../app/controls';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/settings';
import { DEFAULT_THRESHOLD_PERCENT } from '../../../shared/publicity/satisfaction';
import { APP_VERSION } from '../../bridge';
import { loadPeopleByInitials } from '../../data/repos/peopleRepo';
import { useApp } from '../../app/AppContext';
import { AuditLogCard, SigningKeysCard } from '../signing';
import { SummonDepartmentsCard } from '../escalation';
import './messages';
import { OWN_LEVELS, type OwnLevel } from '../../../shared/settings';
import { useWording } from '../../i18n/wording';

interface FormValues {
  documentOrgName: string;
  defaultRecorderId?: string;
  locale: Locale;
  largeType: boolean;
  satisfactionThresholdPercent: number;
  ownLevel: OwnLevel;
}

export function SettingsPage() {
  const { t, i18n } = useTranslation('settings');
  const w = useWording();
  const { db, settings, updateSettings } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const people = useLiveQuery(() => loadPeopleByInitials(db), [db]) ?? [];

  // Settings stored meanwhile (another window, the daily backup's stamp, a new signing key) must
  // not wipe what is being chosen here: only the fields the user has not touched follow them.
  useEffect(() => {
    const fields: (keyof FormValues)[] = [
      'documentOrgName',
      'defaultRecorderId',
      'locale',
      'largeType',
      'satisfactionThresholdPercent',
      'ownLevel',
    ];
    const shown = {
      ...settings,
      satisfactionThresholdPercent: settings.satisfactionThresholdPercent ?? DEFAULT_THRESHOLD_PERCENT,
      ownLevel: settings.ownLevel ?? 'community',
    };
    const untouched = fields.filter((name) => !form.isFieldTouched(name));
    form.setFieldsValue(Object.fromEntries(untouched.map((name) => [name, shown[name]])));
  }, [form, settings]);

  async function save(values: FormValues) {
    await updateSettings({
      ...values,
      documentOrgName: values.documentOrgName.trim(),
      defaultRecorderId: values.defaultRecorderId ?? undefined,
    });
    // In the language just chosen: this render's `t` still speaks the previous one.
    void message.success(i18n.t('common.saved'));
  }

  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
      </div>
      <Card style={{ maxWidth: 640 }}>
        <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="documentOrgName"
            label={t('documentOrgName')}
            extra={t('documentOrgNameHint')}
            rules={[{ max: 60 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="defaultRecorderId" label={t('defaultRecorder')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={people.map((p) => ({ value: p.id, label: p.unit ? w.withNote(p.name, p.unit) : p.name }))}
            />
          </Form.Item>
          <Form.Item name="locale" label={t('language')}>
            <Radio.Group
              options={[
                // A language is named in itself, in every locale.
                { value: 'zh-CN', label: <span lang="zh-CN">简体中文</span> },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Form.Item name="largeType" label={t('largeType')} extra={t('largeTypeHint')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="satisfactionThresholdPercent"
            label={t('threshold')}
            extra={t('thresholdHint')}
            rules={[{ required: true, type: 'integer', min: 1, max: 100, message: t('thresholdInvalid') }]}
          >
            <InputNumber min={1} max={100} precision={0} suffix="%" />
          </Form.Item>
          <Form.Item name="ownLevel" label={t('ownLevel')} extra={t('ownLevelHint')}>
            <Radio.Group
              options={OWN_LEVELS.map((level) => ({
                value: level,
                label: t(`levels.${level}`, { ns: 'translation' }),
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <SigningKeysCard />
      <AuditLogCard />
      <SummonDepartmentsCard />
      <p style={{ marginTop: 24, color: '#888' }}>
        {t('about')} · {t('app.name')} · {t('version', { version: APP_VERSION })}
      </p>
    </div>
  );
}
