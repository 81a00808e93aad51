import { lazy, Suspense, useState } from 'react';
import { Button, Card, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { PlainTags } from '../../app/PlainTable';
import { RouteLink } from '../../app/RouteLink';
import type { WorkbenchNext } from '../../data/repos/workbenchParts';
import { useWording } from '../../i18n/wording';
import './messages';

// The form, date and tree pickers load when the button is pressed, not with the first screen.
const NewMeetingModal = lazy(() => import('../meetings').then((m) => ({ default: m.NewMeetingModal })));

/** The next 党群议事日: its meetings with what is ready, or a button to prepare it. */
export function NextMeetingCard({ data, tags }: { data: WorkbenchNext; tags: PlainTags }) {
  const { t } = useTranslation('workbench');
  const w = useWording();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { nextMeetings, compound } = data;
  // With one compound chosen and its meeting prepared, there is nothing left to prepare.
  const canPrepare = !(compound && nextMeetings.length > 0);
  return (
    <Card size="small" title={t('next.title', { date: w.date(data.nextDay) })} data-testid="workbench-next">
      {nextMeetings.length === 0 && <p className="yishi-workbench-note">{t('next.none')}</p>}
      <ul className="yishi-workbench-list">
        {nextMeetings.map((l) => (
          <li key={l.meeting.id} data-testid="workbench-next-meeting">
            <RouteLink to={`/meetings/${l.meeting.id}`}>{l.meeting.title}</RouteLink>
            <span className={tags.className()}>{t(`next.status.${l.meeting.status}`)}</span>
            <Space size={12} wrap className="yishi-workbench-note">
              <span>{t('next.items', { count: l.agendaItems })}</span>
              <span>{t('next.pending', { count: l.pendingMatters })}</span>
              <span>{t('next.expected', { count: l.expected })}</span>
            </Space>
          </li>
        ))}
        {data.nextMeetingsTotal > nextMeetings.length && (
          <li>
            <RouteLink to="/meetings" data-testid="workbench-next-more">
              {t('next.more', { count: data.nextMeetingsTotal - nextMeetings.length })}
            </RouteLink>
          </li>
        )}
      </ul>
      {compound && nextMeetings.length === 0 && compound.pendingMatters > 0 && (
        <p className="yishi-workbench-note">
          {t('next.pendingOnly', { unit: compound.name, count: compound.pendingMatters })}
        </p>
      )}
      {canPrepare && (
        // In the card's body, not its title bar: a long English label would push the date out.
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginTop: 8 }}>
          {compound ? t('next.prepareFor', { unit: compound.name }) : t('next.prepare')}
        </Button>
      )}
      {creating && (
        <Suspense fallback={null}>
          <NewMeetingModal
            type="monthlyDay"
            {...(compound ? { orgUnitId: compound.id } : {})}
            onClose={() => setCreating(false)}
            onCreated={(id) => navigate(`/meetings/${id}`)}
          />
        </Suspense>
      )}
    </Card>
  );
}
