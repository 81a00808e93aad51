import { useMemo } from 'react';
import { Button, Modal, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { raisedByLine } from '../../../shared/domain/matter';
import { AGENDA_READY_STAGES } from '../../../shared/domain/matterStage';
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting';
import { descendantIds } from '../../../shared/domain/org';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import { addItemFromMatter } from '../../data/repos/agendaRepo';
import { loadMatterList, type MatterListRow } from '../../data/repos/mattersRepo';
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
  const matters = useLiveQuery(() => loadMatterList(db, scope), [db, scope]) ?? [];
  const linked = new Set(items.flatMap((i) => (i.matterId ? [i.matterId] : [])));
  // 待办件 not yet decided and on no other meeting still to be held, plus those already on this agenda.
  const open = matters.filter(
    (m) => m.matter.path === 'pending' && (AGENDA_READY_STAGES.has(m.stage) || linked.has(m.matter.id)),
  );
  return (
    <Modal
      open
      title={t('matters.title')}
      footer={<Button onClick={onClose}>{tc('common.close')}</Button>}
      onCancel={onClose}
      width={820}
    >
      <Table<MatterListRow>
        rowKey={(r) => r.matter.id}
        size="small"
        dataSource={open}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        locale={{ emptyText: t('matters.empty') }}
        columns={[
          { title: t('agenda.title'), render: (_, r) => r.matter.title },
          { title: t('agenda.raisedBy'), width: 110, render: (_, r) => raisedByLine(r.matter) ?? '' },
          {
            title: '',
            width: 100,
            render: (_, r) => <Tag>{t(`matters.stages.${r.stage === 'carriedOver' ? 'carriedOver' : 'pending'}`)}</Tag>,
          },
          {
            title: t('columns.time'),
            width: 140,
            render: (_, r) => w.date(r.matter.raisedAt),
          },
          {
            title: '',
            width: 90,
            render: (_, { matter: m }) =>
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
