import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, App, Button, Dropdown, Input, Popconfirm, Select, Space, Table, Tag, TreeSelect } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { descendantIds, orgPath, type OrgUnit } from '../../../shared/domain/org';
import { personMatches, type Person } from '../../../shared/domain/person';
import { ROSTER_ROLES, standingCoverage, type RosterRole } from '../../../shared/domain/roles';
import { sortForRoster } from '../../../shared/domain/person';
import { useApp } from '../../app/AppContext';
import { deletePerson } from './peopleRepo';
import { orgTreeOptions } from './orgOptions';
import { PersonFormModal } from './PersonFormModal';
import { ImportDialog } from './import/ImportDialog';
import { exportRoster } from './exportRoster';

const PAGE_SIZE = 20;

export function RosterPage() {
  const { t } = useTranslation();
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const people = useLiveQuery(() => db.people.toArray(), [db]);
  const units = useLiveQuery(() => db.orgUnits.toArray(), [db]);
  const [query, setQuery] = useState('');
  const [unitFilter, setUnitFilter] = useState<string | undefined>();
  const [roleFilter, setRoleFilter] = useState<RosterRole | undefined>();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [page, setPage] = useState(1);

  // Sorted once per roster change; typing in the search box only filters (tens of thousands of
  // people stay responsive), and the filter runs on a deferred copy of the query.
  const sorted = useMemo(() => sortForRoster(people ?? []), [people]);
  const deferredQuery = useDeferredValue(query);
  const visible = useMemo(() => {
    const inUnit = unitFilter && units ? descendantIds(units, unitFilter) : null;
    return sorted.filter(
      (p) =>
        personMatches(p, deferredQuery) &&
        (!roleFilter || p.roles.includes(roleFilter)) &&
        (!inUnit || (p.orgUnitId !== undefined && inUnit.has(p.orgUnitId))),
    );
  }, [sorted, units, deferredQuery, unitFilter, roleFilter]);
  const coverage = useMemo(() => standingCoverage(visible.map((p) => p.roles)), [visible]);

  if (!people || !units) return null;
  const unitLabel = (id?: string) => (id ? orgPath(units, id).slice(-2).map((u: OrgUnit) => u.name).join(' · ') : '');

  async function runExport(format: 'xlsx' | 'csv') {
    const outcome = await exportRoster(bridge, visible, units ?? [], format);
    if (outcome.status === 'saved') void message.success(t('roster.exported', { path: outcome.path }));
  }

  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('roster.title')}</h1>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('roster.addPerson')}</Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>{t('roster.import')}</Button>
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: t('roster.exportXlsx') },
                { key: 'csv', label: t('roster.exportCsv') },
              ],
              onClick: ({ key }) => void runExport(key as 'xlsx' | 'csv'),
            }}
          >
            <Button icon={<DownloadOutlined />}>{t('roster.export')}</Button>
          </Dropdown>
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('roster.searchPlaceholder')} style={{ width: 300 }} value={query} onChange={(e) => { setQuery(e.target.value); setPage(1); }} aria-label={t('common.search')} />
        <TreeSelect
          allowClear
          style={{ width: 280 }}
          placeholder={t('roster.allUnits')}
          value={unitFilter}
          onChange={(v) => { setUnitFilter(v); setPage(1); }}
          treeData={orgTreeOptions(units, (u) => t(`levels.${u.level}`))}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('roster.allRoles')}
          value={roleFilter}
          onChange={(v) => { setRoleFilter(v); setPage(1); }}
          options={ROSTER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
      </Space>
      {visible.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type={coverage.missing.length === 0 ? 'success' : 'warning'}
          showIcon
          title={`${t('roster.coverage')}：${
            coverage.missing.length === 0
              ? t('roster.coverageAll')
              : t('roster.coverageMissing', { roles: coverage.missing.map((r) => t(`roles.${r}`)).join('、') })
          }`}
        />
      )}
      <Table<Person>
        rowKey="id"
        // Only the page shown goes to the table: handing it tens of thousands of rows costs a
        // noticeable pause on every keystroke in the search box.
        dataSource={visible.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
        size="middle"
        pagination={{
          current: Math.min(page, Math.max(1, Math.ceil(visible.length / PAGE_SIZE))),
          pageSize: PAGE_SIZE,
          total: visible.length,
          onChange: setPage,
          showTotal: (count) => t('roster.total', { count }),
          showSizeChanger: false,
        }}
        locale={{ emptyText: people.length === 0 ? t('roster.empty') : t('roster.noMatch') }}
        columns={[
          { title: t('roster.name'), dataIndex: 'name', width: 110 },
          { title: t('roster.gender'), dataIndex: 'gender', width: 70, render: (g?: string) => (g ? t(`genders.${g}`) : '') },
          { title: t('roster.roles'), dataIndex: 'roles', render: (roles: RosterRole[]) => roles.map((r) => <Tag key={r} color={r === 'stakeholder' ? 'default' : 'red'}>{t(`roles.${r}`)}</Tag>) },
          { title: t('roster.unit'), dataIndex: 'unit' },
          { title: t('roster.orgUnit'), dataIndex: 'orgUnitId', render: (id?: string) => unitLabel(id) },
          { title: t('roster.phone'), dataIndex: 'phone', width: 140 },
          {
            title: t('roster.flags'),
            render: (_, p) => (['isGridWorker', 'isMediator', 'isPartyMember'] as const).filter((f) => p[f]).map((f) => <Tag key={f}>{t(`flags.${f}`)}</Tag>),
          },
          {
            title: t('common.actions'),
            width: 130,
            render: (_, p) => (
              <Space>
                <Button type="link" size="small" onClick={() => setEditing(p)}>{t('common.edit')}</Button>
                <Popconfirm
                  title={t('roster.deleteConfirm', { name: p.name })}
                  onConfirm={async () => {
                    await deletePerson(db, p.id);
                    void message.success(t('roster.deleted', { name: p.name }));
                  }}
                >
                  <Button type="link" size="small" danger>{t('common.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <PersonFormModal open={editing !== null} person={editing === 'new' ? null : editing} units={units} onClose={() => setEditing(null)} />
      <ImportDialog open={importing} onClose={() => setImporting(false)} units={units} />
    </div>
  );
}
