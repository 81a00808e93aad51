import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { cleanDepartmentList, DEFAULT_SUMMON_DEPARTMENTS } from '../../../shared/escalation/summons';
import { useApp } from '../../app/AppContext';
import './messages';

/** 设置 → 吹哨报到部门: the editable list of departments a matter can summon, one per line. */
export function SummonDepartmentsCard() {
  const { t, i18n } = useTranslation('escalation');
  const { settings, updateSettings } = useApp();
  const { message } = App.useApp();
  const stored = settings.summonDepartments?.length ? settings.summonDepartments : DEFAULT_SUMMON_DEPARTMENTS;
  const [text, setText] = useState(stored.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const storedText = stored.join('\n');
  // A list stored meanwhile (another window) shows here unless the user is editing it.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) setText(storedText);
  }, [storedText, touched]);

  async function save(lines: string[]) {
    const cleaned = cleanDepartmentList(lines);
    if (!cleaned.ok) return setError(cleaned.message);
    setError(null);
    await updateSettings({ summonDepartments: cleaned.list });
    setTouched(false);
    void message.success(i18n.t('common.saved'));
  }

  return (
    <Card title={t('settingsCard.title')} style={{ maxWidth: 640, marginTop: 16 }}>
      <p>{t('settingsCard.hint')}</p>
      <Input.TextArea
        aria-label={t('settingsCard.title')}
        rows={8}
        value={text}
        onChange={(e) => {
          setTouched(true);
          setText(e.target.value);
        }}
      />
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginTop: 8 }} />}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" onClick={() => void save(text.split('\n'))}>
          {i18n.t('common.save')}
        </Button>
        <Button
          onClick={() => {
            setText(DEFAULT_SUMMON_DEPARTMENTS.join('\n'));
            void save([]);
          }}
        >
          {t('settingsCard.reset')}
        </Button>
      </Space>
    </Card>
  );
}
