import { memo, useCallback, useMemo, useState } from 'react';
import { App, Button, Dropdown, Input, Space } from 'antd';
import { Select, TreeSelect } from '../../app/controls';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { descendantIds, type OrgUnit } from '../../../shared/domain/org';
import type { Person } from '../../../shared/domain/person';
import { ROSTER_ROLES, type RosterRole } from '../../../shared/domain/roles';
import { loadOrgUnits } from '../../data/repos/orgRepo';
import type { RosterFilter } from '../../data/repos/rosterQuery';
import { useRosterReader, useRosterView } from './useRoster';
import { useApp } from '../../app/AppContext';
import type { OrgTreeOption } from './orgOptions';
import { useOrgTreeOptions } from './useOrgOptions';
import { PersonFormModal } from './PersonFormModal';
import { PAGE_SIZE, RosterResults } from './RosterResults';
import { ImportDialog } from './import/ImportDialog';
import { exportRoster } from './exportRoster';
import './messages';
import { appendAudit } from '../../data/repos/auditRepo';

const NO_UNITS: readonly OrgUnit[] = [];

export function RosterPage() {
  const { t } = useTranslation('roster');
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const roster = useRosterReader(db);
  const units = useLiveQuery(() => loadOrgUnits(db), [db]);
  const [query, setQuery] = useState('');
  const [unitFilter, setUnitFilter] = useState<string | undefined>();
  const [roleFilter, setRoleFilter] = useState<RosterRole | undefined>();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [page, setPage] = useState(1);

  const filter = useMemo<RosterFilter>(
    () => ({
      query,
      unitIds: unitFilter && units ? descendantIds(units, unitFilter) : null,
      role: roleFilter ?? null,
    }),
    [query, unitFilter, units, roleFilter],
  );
  const view = useRosterView(roster, filter, page, PAGE_SIZE);
  // Each unit titled with its level, the wording asked once per level (1,230 units: ~30 ms of
  // i18next per visit when asked per unit).
  const unitTree = useOrgTreeOptions(units ?? NO_UNITS);
  const closeEditor = useCallback(() => setEditing(null), []);
  const filterUnit = useCallback((v: string | undefined) => {
    setUnitFilter(v);
    setPage(1);
  }, []);
  const filterRole = useCallback((v: RosterRole | undefined) => {
    setRoleFilter(v);
    setPage(1);
  }, []);
  const closeImport = useCallback(() => setImporting(false), []);

  // The page and its filters show at once; the table shows its spinner until its first page
  // has been read instead of leaving the screen blank.
  if (!units) return null;
  const loading = !view;
  // Worded for the filter the shown page was read for: the table is drawn again when that page
  // arrives, not on the keystroke that asks for it.
  const shown = view?.filter;
  const filtered = shown !== undefined && (shown.query.trim() !== '' || shown.unitIds !== null || shown.role !== null);

  async function runExport(format: 'xlsx' | 'csv') {
    const people = await roster.people(filter);
    const outcome = await exportRoster(
      bridge,
      people,
      units ?? [],
      format,
      t('fileTypes.excel', { ns: 'translation' }),
    );
    if (outcome.status !== 'saved') return;
    await appendAudit(db, { action: 'export', summary: `导出人员名册${people.length}人（${format}）` });
    void message.success(t('exported', { path: outcome.path }));
  }

  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('addPerson')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('import')}
          </Button>
          <Dropdown
            disabled={loading}
            menu={{
              items: [
                { key: 'xlsx', label: t('exportXlsx') },
                { key: 'csv', label: t('exportCsv') },
              ],
              onClick: ({ key }) => void runExport(key as 'xlsx' | 'csv'),
            }}
          >
            <Button icon={<DownloadOutlined />} disabled={loading}>
              {t('export')}
            </Button>
          </Dropdown>
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('searchPlaceholder')}
          style={{ width: 300 }}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
          aria-label={t('common.search')}
        />
        <RosterFilters
          unitTree={unitTree}
          unitFilter={unitFilter}
          roleFilter={roleFilter}
          onUnitFilter={filterUnit}
          onRoleFilter={filterRole}
        />
      </Space>
      <RosterResults
        view={view}
        onPageChange={setPage}
        units={units}
        loading={loading}
        emptyText={loading ? ' ' : filtered ? t('noMatch') : t('empty')}
        onEdit={setEditing}
      />
      <PersonFormModal
        open={editing !== null}
        person={editing === 'new' ? null : editing}
        unitTree={unitTree}
        onClose={closeEditor}
      />
      <ImportDialog open={importing} onClose={closeImport} units={units} />
    </div>
  );
}

interface RosterFiltersProps {
  unitTree: OrgTreeOption[];
  unitFilter: string | undefined;
  roleFilter: RosterRole | undefined;
  onUnitFilter(unit: string | undefined): void;
  onRoleFilter(role: RosterRole | undefined): void;
}

/**
 * The unit and role filters. Memoised: a keystroke in the search box re-renders the page
 * around it, and the unit tree (a district's 1,200 units) need not be drawn again for it.
 */
const RosterFilters = memo(function RosterFilters({
  unitTree,
  unitFilter,
  roleFilter,
  onUnitFilter,
  onRoleFilter,
}: RosterFiltersProps) {
  const { t } = useTranslation('roster');
  const roleOptions = useMemo(() => ROSTER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })), [t]);
  return (
    <>
      <TreeSelect
        allowClear
        style={{ width: 280 }}
        placeholder={t('allUnits')}
        value={unitFilter}
        onChange={onUnitFilter}
        treeData={unitTree}
        treeDefaultExpandAll
        showSearch
        treeNodeFilterProp="title"
      />
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={t('allRoles')}
        value={roleFilter}
        onChange={onRoleFilter}
        options={roleOptions}
      />
    </>
  );
});
