import { Button, Tag } from 'antd';
import { CheckOutlined, DoubleRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/domain/meeting';
import { toggledItemState, type ItemOutcomeMark } from '../../../shared/meeting/itemOutcome';
import { useApp } from '../../app/AppContext';
import { updateAgendaItem } from '../../data/repos/agendaRepo';
import './messages';

const MARKS: readonly { mark: ItemOutcomeMark; label: string; icon: React.ReactNode }[] = [
  { mark: 'resolved', label: 'live.markResolved', icon: <CheckOutlined /> },
  { mark: 'carriedOver', label: 'live.carryOver', icon: <DoubleRightOutlined /> },
];

/**
 * 已议结 and 转下次会议 for one item: two toggles that exclude each other (shared/meeting/itemOutcome.ts),
 * stored as the item's state. A refusal (the meeting was finalised in another window) reaches the
 * app's error line.
 */
export function ItemMarkButtons({ item, disabled = false }: { item: AgendaItem; disabled?: boolean }) {
  const { t } = useTranslation('meetings');
  const { db } = useApp();
  return (
    <>
      {MARKS.map(({ mark, label, icon }) => (
        <Button
          key={mark}
          icon={icon}
          type={item.state === mark ? 'primary' : 'default'}
          aria-pressed={item.state === mark}
          disabled={disabled}
          onClick={() => void updateAgendaItem(db, item.id, { state: toggledItemState(item, mark) })}
        >
          {t(label)}
        </Button>
      ))}
    </>
  );
}

/** The item's outcome as a tag in agenda lists: 已议结, 转下次会议, or nothing. */
export function ItemStateTag({ item }: { item: Pick<AgendaItem, 'state'> }) {
  const { t } = useTranslation('meetings');
  if (item.state === 'resolved') return <Tag color="green">{t('live.resolved')}</Tag>;
  if (item.state === 'carriedOver') return <Tag color="orange">{t('live.carriedOver')}</Tag>;
  return null;
}
