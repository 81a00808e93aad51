import { useEffect, useState } from 'react';
import { App, Checkbox, Modal, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { addItemsFromMatters, loadProposedMatters } from '../../data/repos/meetingPrepRepo';
import { errorText } from '../../i18n/errorText';
import { useWording } from '../../i18n/wording';
import './messages';

/**
 * After a 党群议事日 is created: every open 待办件 of its compound that is on no agenda, checked,
 * to add as agenda items in one step (the domain: the monthly day takes up what residents raised).
 */
export function ProposedMattersStep({ meetingId, onDone }: { meetingId: string; onDone(): void }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const w = useWording();
  const { db, settings } = useApp();
  const { message } = App.useApp();
  const proposed = useLiveQuery(() => loadProposedMatters(db, meetingId), [db, meetingId]);
  const [checked, setChecked] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  // Everything proposed starts checked; what the user unchecks stays unchecked.
  useEffect(() => {
    if (proposed && checked === null) setChecked(proposed.map((p) => p.matter.id));
  }, [proposed, checked]);
  const chosen = checked ?? [];

  async function add() {
    setBusy(true);
    try {
      await addItemsFromMatters(db, meetingId, chosen, settings.matterClerk ?? '');
      onDone();
    } catch (error) {
      void message.error(errorText(tc, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('proposed.title')}
      okText={t('proposed.add', { count: chosen.length })}
      cancelText={t('proposed.skip')}
      okButtonProps={{ disabled: chosen.length === 0 }}
      confirmLoading={busy}
      onOk={() => void add()}
      onCancel={onDone}
      width={680}
    >
      <p>{t('proposed.lead', { count: proposed?.length ?? 0 })}</p>
      <Checkbox.Group value={chosen} onChange={(v) => setChecked(v as string[])} style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {(proposed ?? []).map(({ matter, stage }) => (
            <Checkbox key={matter.id} value={matter.id} data-testid="proposed-matter">
              {matter.title}
              <span style={{ marginInlineStart: 8, color: 'rgba(0, 0, 0, 0.55)' }}>
                {w.date(matter.raisedAt)} · {t(`matters.stages.${stage === 'carriedOver' ? 'carriedOver' : 'pending'}`)}
              </span>
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    </Modal>
  );
}
