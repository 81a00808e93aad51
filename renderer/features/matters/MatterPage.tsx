import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Timeline } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { MATTER_PATHS, raiserName, type Raiser } from '../../../shared/domain/matter';
import { allowedActions, type MatterAction } from '../../../shared/domain/matterStage';
import { matterTimeline, type TimelineStep } from '../../../shared/domain/matterTimeline';
import { orgPath } from '../../../shared/domain/org';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import { loadMatter, loadMatterEvents, loadMatterTitles } from '../../data/repos/mattersRepo';
import { loadFollowupTrail } from '../../data/repos/matterTrailRepo';
import { StageTag } from './StageTag';
import { MatterActionModal } from './MatterActionModal';
import { EscalationSection } from '../escalation';
import { MatterPointsCard } from './MatterPointsCard';
import { DisputeCard } from './DisputeCard';
import { MatterPhotosCard } from './MatterPhotosCard';
import './messages';
import { useWording } from '../../i18n/wording';

function raiserLine(r: Raiser): string {
  return r.kind === 'oneOff' && r.phone ? `${r.name}（${r.phone}）` : raiserName(r);
}

/** One matter: what was raised, where it stands, every step so far, and what can be done next. */
export function MatterPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('matters');
  const w = useWording();
  const { db } = useApp();
  const units = useOrgUnits(db);
  const data = useLiveQuery(async () => {
    const found = await loadMatter(db, id);
    if (!found) return null;
    const events = await loadMatterEvents(db, id);
    const others = [found.matter.mergedInto, ...events.map((e) => e.otherMatterId)].filter((x): x is string => !!x);
    const titles = await loadMatterTitles(db, others);
    const trail = await loadFollowupTrail(
      db,
      found.links.decisions.map((d) => d.id),
    );
    return { ...found, steps: matterTimeline(events, found.links, trail), titles };
  }, [db, id]);
  const [action, setAction] = useState<MatterAction | null>(null);

  if (data === undefined) return null;
  const back = (
    <Link to="/matters">
      <ArrowLeftOutlined /> {t('page.back')}
    </Link>
  );
  if (data === null)
    return (
      <div className="yishi-page">
        {back}
        <Empty description={t('page.notFound')} />
      </div>
    );
  const { matter, stage, steps, titles } = data;
  const where = orgPath(units, matter.orgUnitId)
    .filter((u) => u.level !== 'district' && u.level !== 'subdistrict')
    .map((u) => u.name)
    .join(' / ');
  const actions = allowedActions(stage);
  const meetingTitle = (meetingId: string) => data.links.items.find((l) => l.meeting.id === meetingId)?.meeting.title;

  function stepLabel(s: TimelineStep): string {
    if (s.kind === 'triaged') {
      const path = MATTER_PATHS.find((p) => p === s.note);
      return t('events.triaged', { path: path ? t(`paths.${path}`) : (s.note ?? '') });
    }
    if (s.rate) return t(`events.${s.kind}`, { rate: s.rate.text });
    return t(`events.${s.kind}`);
  }
  const decisionTitle = (decisionId: string) => data.links.decisions.find((d) => d.id === decisionId)?.title;
  function stepBody(s: TimelineStep) {
    const meetingId = s.meetingId;
    // A triage note is the path (already in the label); an agenda step's note is the meeting's title, shown as its link.
    const note =
      s.kind === 'triaged' || ((s.kind === 'onAgenda' || s.kind === 'offAgenda') && meetingId) ? undefined : s.note;
    return (
      <div className="yishi-timeline-step">
        <div>
          <strong>{stepLabel(s)}</strong>
          <span className="yishi-timeline-when">
            {s.dateOnly ? w.date(s.at) : w.dateTime(s.at)}
            {s.by ? ` · ${t('events.byWhom', { by: s.by })}` : ''}
          </span>
        </div>
        {note && <div>{note}</div>}
        {meetingId && (
          <Link to={`/meetings/${meetingId}`}>
            {meetingTitle(meetingId) ?? (s.note && s.kind !== 'decided' ? s.note : t('events.openMeeting'))}
          </Link>
        )}
        {s.decisionId && s.kind !== 'decided' && (
          <Link to={`/followup/${s.decisionId}`}>{decisionTitle(s.decisionId) ?? t('events.openDecision')}</Link>
        )}
        {s.otherMatterId && (
          <Link to={`/matters/${s.otherMatterId}`}>{titles.get(s.otherMatterId) ?? t('events.openMatter')}</Link>
        )}
      </div>
    );
  }

  return (
    <div className="yishi-page yishi-matter-page">
      {back}
      <div className="yishi-page-header">
        <h1>
          {matter.title} <StageTag stage={stage} standing={data.standing} inHeading />
        </h1>
      </div>
      <Card title={t('page.actions')} size="small" style={{ marginBottom: 16 }}>
        {actions.length ? (
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a}
                size="large"
                type={a === 'edit' ? 'default' : 'primary'}
                ghost={a !== 'edit'}
                onClick={() => setAction(a)}
              >
                {t(`actions.${a}`)}
              </Button>
            ))}
          </Space>
        ) : (
          t('page.noActions')
        )}
      </Card>
      <DisputeCard matter={matter} />
      <MatterPointsCard matter={matter} />
      <MatterPhotosCard matter={matter} />
      <div className="yishi-matter-columns">
        <Card title={t('page.details')} size="small">
          <Descriptions column={1} size="small" labelStyle={{ width: 120 }}>
            <Descriptions.Item label={t('fields.raiserKind')}>{raiserLine(matter.raisedBy)}</Descriptions.Item>
            {matter.alsoRaisedBy.length > 0 && (
              <Descriptions.Item label={t('page.alsoRaisedBy')}>
                {matter.alsoRaisedBy.map(raiserLine).join('、')}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('fields.raisedAt')}>{w.date(matter.raisedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.channel')}>{matter.channel}</Descriptions.Item>
            <Descriptions.Item label={t('columns.unit')}>
              {where}
              {matter.address ? ` · ${matter.address}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.category')}>{matter.category}</Descriptions.Item>
            <Descriptions.Item label={t('fields.urgency')}>{t(`urgencies.${matter.urgency}`)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.path')}>{t(`paths.${matter.path}`)}</Descriptions.Item>
            {matter.description && (
              <Descriptions.Item label={t('fields.description')}>{matter.description}</Descriptions.Item>
            )}
            {matter.handling && (
              <Descriptions.Item label={t('page.handling')}>
                {matter.handling.by}：{matter.handling.action}；{matter.handling.result}
              </Descriptions.Item>
            )}
            {matter.escalationReason && (
              <Descriptions.Item label={t('page.escalationReason')}>{matter.escalationReason}</Descriptions.Item>
            )}
            {matter.closingNote && (
              <Descriptions.Item label={t('page.closing')}>{matter.closingNote}</Descriptions.Item>
            )}
            {matter.mergedInto && (
              <Descriptions.Item label={t('page.mergedInto')}>
                <Link to={`/matters/${matter.mergedInto}`}>
                  {titles.get(matter.mergedInto) ?? t('events.openMatter')}
                </Link>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title={t('page.timeline')} size="small" className="yishi-matter-timeline">
          <Timeline items={steps.map((s) => ({ key: s.key, children: stepBody(s) }))} />
        </Card>
      </div>
      <EscalationSection matter={matter} />
      {action && <MatterActionModal action={action} matter={matter} onClose={() => setAction(null)} />}
    </div>
  );
}
