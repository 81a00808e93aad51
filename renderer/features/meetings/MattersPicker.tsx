import { useMemo } from 'react';
import { Button, Modal, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Matter } from '../../../shared/domain/matter';
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting';
import { descendantIds } from '../../../shared/domain/org';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import { addItemFromMatter } from '../../data/repos/agendaRepo';
import { loadMattersIn } from '../../data/repos/mattersRepo';
import './messages';
import { useWording } from '../../i18n/wording';

/** Matters residents raised in the meeting's compound that still wait for deliberation. */
export function MattersPicker({ meeting, items, onClose }: { meeting: Meeting; items: AgendaItem[]; onClose(): void }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const w = useWording();
  const { db } = useApp();
  const units = useOrgUnits(db);
  const scope = useMemo(() => [...descendantIds(units, meeting.orgUnitId)], [units, meeting.orgUnitId]);
  const matters = useLiveQuery(() => loadMattersIn(db, scope), [db, scope]) ?? [];
  const linked = new Set(items.flatMap((i) => (i.matterId ? [i.matterId] : [])));
  const open = matters.filter((m) => m.status === 'registered' || m.status === 'onAgenda' || m.status === 'inProgress');
  return (
    <Modal
      open
      title={t('matters.title')}
      footer={<Button onClick={onClose}>{tc('common.close')}</Button>}
      onCancel={onClose}
      width={820}
    >
      <Table<Matter>
        rowKey="id"
        size="small"
        dataSource={open}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        locale={{ emptyText: t('matters.empty') }}
        columns={[
          { title: t('agenda.title'), dataIndex: 'title' },
          { title: t('agenda.raisedBy'), dataIndex: 'raisedBy', width: 110 },
          {
            title: '',
            dataIndex: 'kind',
            width: 90,
            render: (k: Matter['kind']) => <Tag>{t(`matters.kinds.${k}`)}</Tag>,
          },
          {
            title: t('columns.time'),
            dataIndex: 'createdAt',
            width: 140,
            render: (iso: string) => w.date(iso),
          },
          {
            title: '',
            width: 90,
            render: (_, m) =>
              linked.has(m.id) ? (
                <Tag color="green">{t('matters.added')}</Tag>
              ) : (
                <Button size="small" type="primary" onClick={() => void addItemFromMatter(db, meeting.id, m)}>
                  {t('matters.addToAgenda')}
                </Button>
              ),
          },
        ]}
      />
    </Modal>
  );
}
