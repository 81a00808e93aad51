import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Checkbox, Input, Space } from 'antd';
import { Select, TreeSelect } from '../../app/controls';
import { GiftOutlined, ImportOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { MATTER_PATHS, raiserName, type MatterPath } from '../../../shared/domain/matter';
import { MATTER_STAGES, type MatterStage } from '../../../shared/domain/matterStage';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import type { MatterListRow } from '../../data/repos/mattersRepo';
import { loadMatterPage, loadRegisterCounts } from '../../data/repos/matterListRepo';
import { MATTER_PAGE_SIZE, type MatterListFilter } from '../../../shared/matters/matterList';
import { useOrgTreeOptions } from '../roster';
import { stageText } from './StageTag';
import { PlainTable, PLAIN_TAGS, type PlainColumn, type PlainTags } from '../../app/PlainTable';
import { matterLists, STAGE_COLORS } from './labels';
import { MatterListsModal } from './MatterListsModal';
import { RegisterMatterModal } from './RegisterMatterModal';
import { ImportMattersDialog } from './ImportMattersDialog';
import { DisputeRate } from './DisputeCard';
import './messages';
import './mattersxMessages';
import { useWording } from '../../i18n/wording';

export function MattersPage() {
  const { t } = useTranslation('matters');
  const { db, settings } = useApp();
  const units = useOrgUnits(db);
  const [filters, setFilters] = useState<MatterListFilter>({});
  const [text, setText] = useState('');
  const [page, setPage] = useState(0);
  const [registering, setRegistering] = useState(false);
  const [editingLists, setEditingLists] = useState(false);
  const [importing, setImporting] = useState(false);
  const navigate = useNavigate();
  const query = useDeferredValue(text.trim());
  const { channels, categories } = matterLists(settings);
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const tree = useOrgTreeOptions(units);
  // Plain rows in antd's table markup (PlainTable): antd's Table measured every column of the
  // sideways-scrolling register on each first visit (~100 ms of the ten-year first page).
  const tags = PLAIN_TAGS;
  const columns = useMatterColumns(tags, unitName);
  // A page of the register at a time (ten years of a district: ~117,000 matters).
  const asked = useMemo(() => ({ ...filters, text: query }), [filters, query]);
  const list = useLiveQuery(() => loadMatterPage(db, asked, page, units), [db, asked, page, units]);
  // The whole register's counts read every open matter's meetings: asked for once its first page
  // is shown, so the list never waits for them.
  const wantsRegisterCounts = list !== undefined && list.counts === null;
  const registerCounts = useLiveQuery(
    () => (wantsRegisterCounts ? loadRegisterCounts(db) : null),
    [db, wantsRegisterCounts],
  );
  const counts = list?.counts ?? registerCounts ?? null;
  const set = (patch: Partial<MatterListFilter>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(0);
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
          onChange={(e) => {
            setText(e.target.value);
            setPage(0);
          }}
          style={{ width: 280 }}
          aria-label={t('searchPlaceholder')}
        />
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder={t('filters.unit')}
          treeData={tree}
          value={filters.unitId}
          onChange={(unitId?: string) => set({ unitId })}
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
        <Checkbox checked={!!filters.openOnly} onChange={(e) => set({ openOnly: e.target.checked })}>
          {t('filters.openOnly')}
        </Checkbox>
      </Space>
      {list && (
        <p className="yishi-matters-counts">
          {counts ? t('counts', { ...counts }) : t('countsPending', { total: list.total })} · <DisputeRate />
        </p>
      )}
      <PlainTable<MatterListRow>
        className="yishi-matters-table"
        scrollX="max-content"
        rowKey={matterRowKey}
        loading={!list}
        rows={list?.rows ?? NO_ROWS}
        pagination={{
          current: (list?.page ?? page) + 1,
          pageSize: MATTER_PAGE_SIZE,
          total: list?.total ?? 0,
          onChange: (p) => setPage(p - 1),
        }}
        emptyText={!list ? ' ' : list.registerEmpty ? t('empty') : t('noMatch')}
        columns={columns}
      />
      {registering && <RegisterMatterModal onClose={() => setRegistering(false)} />}
      {editingLists && <MatterListsModal onClose={() => setEditingLists(false)} />}
      {importing && <ImportMattersDialog onClose={() => setImporting(false)} />}
    </div>
  );
}

const NO_ROWS: readonly MatterListRow[] = [];
const matterRowKey = (r: MatterListRow) => r.matter.id;

/** The register's columns: what it is, where it stands (right after: a narrow screen scrolls the rest away), who, when, where. */
function useMatterColumns(tags: PlainTags, unitName: ReadonlyMap<string, string>): PlainColumn<MatterListRow>[] {
  const { t } = useTranslation('matters');
  const w = useWording();
  return useMemo(
    () => [
      {
        key: 'title',
        title: t('columns.title'),
        render: (r) => (
          <Space size={4}>
            <Link to={`/matters/${r.matter.id}`}>{r.matter.title}</Link>
            {r.matter.urgency !== 'normal' && (
              <span className={tags.className(r.matter.urgency === 'critical' ? 'red' : 'orange')}>
                {t(`urgencies.${r.matter.urgency}`)}
              </span>
            )}
          </Space>
        ),
      },
      {
        key: 'stage',
        title: t('columns.stage'),
        width: 150,
        render: (r) => (
          <span className={tags.className(STAGE_COLORS[r.stage])} data-testid="matter-stage">
            {stageText(t, r.stage, r.standing)}
          </span>
        ),
      },
      { key: 'raisedBy', title: t('columns.raisedBy'), width: 110, render: (r) => raiserName(r.matter.raisedBy) },
      { key: 'raisedAt', title: t('columns.raisedAt'), width: 140, render: (r) => w.date(r.matter.raisedAt) },
      { key: 'unit', title: t('columns.unit'), width: 130, render: (r) => unitName.get(r.matter.orgUnitId) ?? '' },
      { key: 'category', title: t('columns.category'), width: 90, render: (r) => r.matter.category },
      { key: 'channel', title: t('columns.channel'), width: 130, render: (r) => r.matter.channel },
      { key: 'path', title: t('columns.path'), width: 90, render: (r) => t(`paths.${r.matter.path}`) },
    ],
    [t, w, tags, unitName],
  );
}
