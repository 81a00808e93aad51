import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Checkbox, Input, Space, Table, Tag } from 'antd';
import { Select, TreeSelect } from '../../app/controls';
import { GiftOutlined, ImportOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { MATTER_PATHS, raiserName, type MatterPath } from '../../../shared/domain/matter';
import { isOpenStage, MATTER_STAGES, type MatterStage } from '../../../shared/domain/matterStage';
import { descendantIds } from '../../../shared/domain/org';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import { loadMatterList, type MatterWithStage } from '../../data/repos/mattersRepo';
import { orgTreeOptions } from '../roster';
import { matterLists } from './labels';
import { StageTag } from './StageTag';
import { MatterListsModal } from './MatterListsModal';
import { RegisterMatterModal } from './RegisterMatterModal';
import { ImportMattersDialog } from './ImportMattersDialog';
import { DisputeRate } from './DisputeCard';
import './messages';
import './mattersxMessages';
import { useWording } from '../../i18n/wording';

interface Filters {
  unit?: string;
  stage?: MatterStage;
  path?: MatterPath;
  category?: string;
  channel?: string;
  openOnly: boolean;
}

/** Does a matter contain the text searched for (title, description, address, raisers)? */
function matchesText(row: MatterWithStage, text: string): boolean {
  if (!text) return true;
  const m = row.matter;
  const raisers = [m.raisedBy, ...m.alsoRaisedBy].map(raiserName).join(' ');
  return [m.title, m.description ?? '', m.address ?? '', raisers].some((s) => s.includes(text));
}

export function MattersPage() {
  const { t } = useTranslation('matters');
  const w = useWording();
  const { db, settings } = useApp();
  const units = useOrgUnits(db);
  const all = useLiveQuery(
    () =>
      loadMatterList(
        db,
        units.map((u) => u.id),
      ),
    [db, units],
  );
  const [filters, setFilters] = useState<Filters>({ openOnly: false });
  const [text, setText] = useState('');
  const [registering, setRegistering] = useState(false);
  const [editingLists, setEditingLists] = useState(false);
  const [importing, setImporting] = useState(false);
  const navigate = useNavigate();
  const query = useDeferredValue(text.trim());
  const { channels, categories } = matterLists(settings);
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const tree = useMemo(() => orgTreeOptions(units, (u) => w.withNote(u.name, t(`levels.${u.level}`))), [units, t, w]);

  const rows = useMemo(() => {
    const inUnit = filters.unit ? descendantIds(units, filters.unit) : null;
    return (all ?? []).filter(
      (r) =>
        (!inUnit || inUnit.has(r.matter.orgUnitId)) &&
        (!filters.stage || r.stage === filters.stage) &&
        (!filters.path || r.matter.path === filters.path) &&
        (!filters.category || r.matter.category === filters.category) &&
        (!filters.channel || r.matter.channel === filters.channel) &&
        (!filters.openOnly || isOpenStage(r.stage)) &&
        matchesText(r, query),
    );
  }, [all, units, filters, query]);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const counts = {
    total: rows.length,
    open: rows.filter((r) => isOpenStage(r.stage)).length,
    untriaged: rows.filter((r) => r.stage === 'untriaged').length,
  };

  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        <Space wrap>
          <Button size="large" icon={<GiftOutlined />} onClick={() => navigate('/matters/points')}>
            {t('points.nav', { ns: 'mattersx' })}
          </Button>
          <Button size="large" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('import.button', { ns: 'mattersx' })}
          </Button>
          <Button size="large" icon={<SettingOutlined />} onClick={() => setEditingLists(true)}>
            {t('lists.button')}
          </Button>
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            {t('register')}
          </Button>
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 280 }}
          aria-label={t('searchPlaceholder')}
        />
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder={t('filters.unit')}
          treeData={tree}
          value={filters.unit}
          onChange={(unit?: string) => set({ unit })}
          style={{ width: 220 }}
          aria-label={t('filters.unit')}
        />
        <Select
          allowClear
          placeholder={t('filters.stage')}
          value={filters.stage}
          onChange={(stage?: MatterStage) => set({ stage })}
          options={MATTER_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          style={{ width: 140 }}
          aria-label={t('filters.stage')}
        />
        <Select
          allowClear
          placeholder={t('filters.path')}
          value={filters.path}
          onChange={(path?: MatterPath) => set({ path })}
          options={MATTER_PATHS.map((p) => ({ value: p, label: t(`paths.${p}`) }))}
          style={{ width: 160 }}
          aria-label={t('filters.path')}
        />
        <Select
          allowClear
          placeholder={t('filters.category')}
          value={filters.category}
          onChange={(category?: string) => set({ category })}
          options={categories.map((c) => ({ value: c, label: c }))}
          style={{ width: 130 }}
          aria-label={t('filters.category')}
        />
        <Select
          allowClear
          placeholder={t('filters.channel')}
          value={filters.channel}
          onChange={(channel?: string) => set({ channel })}
          options={channels.map((c) => ({ value: c, label: c }))}
          style={{ width: 150 }}
          aria-label={t('filters.channel')}
        />
        <Checkbox checked={filters.openOnly} onChange={(e) => set({ openOnly: e.target.checked })}>
          {t('filters.openOnly')}
        </Checkbox>
      </Space>
      {all && (
        <p className="yishi-matters-counts">
          {t('counts', counts)} · <DisputeRate />
        </p>
      )}
      <Table<MatterWithStage>
        className="yishi-matters-table"
        scroll={{ x: 'max-content' }}
        rowKey={(r) => r.matter.id}
        loading={!all}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: !all ? ' ' : all.length ? t('noMatch') : t('empty') }}
        columns={[
          {
            title: t('columns.title'),
            render: (_, r) => (
              <Space size={4}>
                <Link to={`/matters/${r.matter.id}`}>{r.matter.title}</Link>
                {r.matter.urgency !== 'normal' && (
                  <Tag color={r.matter.urgency === 'critical' ? 'red' : 'orange'}>
                    {t(`urgencies.${r.matter.urgency}`)}
                  </Tag>
                )}
              </Space>
            ),
          },
          // Where it stands comes right after what it is: on a 1366 px laptop the last columns scroll
          // out of sight, and the stage is what a committee looks for.
          {
            title: t('columns.stage'),
            width: 150,
            render: (_, r) => <StageTag stage={r.stage} standing={r.standing} />,
          },
          { title: t('columns.raisedBy'), width: 110, render: (_, r) => raiserName(r.matter.raisedBy) },
          { title: t('columns.raisedAt'), width: 140, render: (_, r) => w.date(r.matter.raisedAt) },
          { title: t('columns.unit'), width: 130, render: (_, r) => unitName.get(r.matter.orgUnitId) ?? '' },
          { title: t('columns.category'), width: 90, render: (_, r) => r.matter.category },
          { title: t('columns.channel'), width: 130, render: (_, r) => r.matter.channel },
          { title: t('columns.path'), width: 90, render: (_, r) => t(`paths.${r.matter.path}`) },
        ]}
      />
      {registering && <RegisterMatterModal onClose={() => setRegistering(false)} />}
      {editingLists && <MatterListsModal onClose={() => setEditingLists(false)} />}
      {importing && <ImportMattersDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
