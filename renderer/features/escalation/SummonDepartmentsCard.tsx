import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { cleanDepartmentList, DEFAULT_SUMMON_DEPARTMENTS } from '../../../shared/escalation/summons';
import { useApp } from '../../app/AppContext';
import { refusalWords } from '../../i18n/refusalWords';
import './messages';

/**
 * 设置 → 吹哨报到部门: the editable list of departments a matter can summon. Edited in its own
 * dialog, so the settings form keeps its one 保存 and the list's words show only when asked for.
 */
export function SummonDepartmentsCard() {
  const { t } = useTranslation('escalation');
  const { settings } = useApp();
  const [editing, setEditing] = useState(false);
  const count = settings.summonDepartments?.length || DEFAULT_SUMMON_DEPARTMENTS.length;
  return (
    <Card title={t('settingsCard.title')} style={{ maxWidth: 640, marginTop: 16 }}>
      <p>{t('settingsCard.hint')}</p>
      <p>{t('settingsCard.count', { count })}</p>
      <Button onClick={() => setEditing(true)}>{t('settingsCard.edit')}</Button>
      {editing && <DepartmentsModal onClose={() => setEditing(false)} />}
    </Card>
  );
}

function DepartmentsModal({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation('escalation');
  const { settings, updateSettings } = useApp();
  const { message } = App.useApp();
  const stored = settings.summonDepartments?.length ? settings.summonDepartments : DEFAULT_SUMMON_DEPARTMENTS;
  const [text, setText] = useState(stored.join('\n'));
  const [error, setError] = useState<string | null>(null);

  async function save(lines: string[]) {
    const cleaned = cleanDepartmentList(lines);
    if (!cleaned.ok) return setError(refusalWords(t, cleaned.refusal));
    await updateSettings({ summonDepartments: cleaned.list });
    void message.success(i18n.t('common.saved'));
    onClose();
  }

  return (
    <Modal
      open
      title={t('settingsCard.title')}
      onCancel={onClose}
      onOk={() => void save(text.split('\n'))}
      okText={i18n.t('common.save')}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <Button onClick={() => void save([])}>{t('settingsCard.reset')}</Button>
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <p>{t('settingsCard.hint')}</p>
      <Input.TextArea
        aria-label={t('settingsCard.title')}
        rows={12}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
    </Modal>
  );
}
