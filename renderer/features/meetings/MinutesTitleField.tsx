import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultMinutesTitle, minutesTitle } from '../../../shared/documents/wording';
import { canEdit } from '../../../shared/meeting/lifecycle';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { useApp } from '../../app/AppContext';
import { saveMinutesTitle } from '../../data/repos/meetingRepo';
import './messages';
import { errorText } from '../../i18n/errorText';

/**
 * The title the 纪要 will carry, built by the documents' own rule (帝纱富仕城小区2026年第7期
 * 红板凳议事会会议纪要) unless the secretary types another; editable until 定稿, like the minutes.
 */
export function MinutesTitleField({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const { message } = App.useApp();
  const { status, id } = record.meeting;
  const editable = canEdit(status, 'details') || canEdit(status, 'minutes');

  async function save(value: string) {
    const own = value.trim();
    if (own === minutesTitle(record)) return;
    try {
      // The default is never stored: a title equal to it (or none) leaves the meeting without one.
      await saveMinutesTitle(db, id, own && own !== defaultMinutesTitle(record) ? own : undefined);
      void message.success(t('documents.minutesTitleSaved'));
    } catch (error) {
      void message.error(tc('errors.unexpected', { message: errorText(tc, error) }));
    }
  }

  return (
    // The title of a Chinese document (the 纪要), in Chinese in every locale.
    <Typography.Text
      lang="zh-CN"
      data-testid="minutes-title"
      editable={
        editable ? { onChange: (v) => void save(v), maxLength: 100, tooltip: t('documents.minutesTitleEdit') } : false
      }
    >
      {minutesTitle(record)}
    </Typography.Text>
  );
}
