import { useState } from 'react';
import { App, Button } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Briefing } from '../../../shared/domain/briefing';
import type { AgendaItem } from '../../../shared/domain/meeting';
import { useApp } from '../../app/AppContext';
import { generateBriefing } from '../../data/repos/meetingPrepRepo';
import { errorText } from '../../i18n/errorText';
import { useWording } from '../../i18n/wording';
import './messages';

/** 生成上月决定事项落实情况通报: a snapshot of the follow-up, stored with the item (see shared/domain/briefing.ts). */
export function BriefingButton({ meetingId, items }: { meetingId: string; items: readonly AgendaItem[] }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const generated = items.some((i) => i.briefing);
  async function generate() {
    setBusy(true);
    try {
      const item = await generateBriefing(db, meetingId);
      void message.success(t('briefing.done', { count: item.briefing?.lines.length ?? 0 }));
    } catch (error) {
      void message.error(errorText(tc, error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button icon={<FileTextOutlined />} loading={busy} onClick={() => void generate()}>
      {generated ? t('briefing.regenerate') : t('briefing.generate')}
    </Button>
  );
}

/** Under the item: how many open decisions the stored report lists, and as of which day. */
export function BriefingLine({ briefing }: { briefing: Briefing }) {
  const { t } = useTranslation('meetings');
  const w = useWording();
  return (
    <div style={{ color: '#666', marginTop: 4 }} data-testid="briefing-line">
      {t('briefing.lines', { count: briefing.lines.length, date: w.date(briefing.asOf) })}
    </div>
  );
}
