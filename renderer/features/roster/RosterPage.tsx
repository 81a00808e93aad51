import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { App, Button, Dropdown, Input, Space } from 'antd';
import { Select, TreeSelect } from '../../app/controls';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { descendantIds } from '../../../shared/domain/org';
import { sortForRoster, type Person } from '../../../shared/domain/person';
import { ROSTER_ROLES, type RosterRole } from '../../../shared/domain/roles';
import { buildRosterSearchIndex, searchRoster } from '../../../shared/roster/search';
import { loadPeople } from '../../data/repos/peopleRepo';
import { loadOrgUnits } from '../../data/repos/orgRepo';
import { useApp } from '../../app/AppContext';
import { orgTreeOptions } from './orgOptions';
import { PersonFormModal } from './PersonFormModal';
import { RosterResults } from './RosterResults';
import { ImportDialog } from './import/ImportDialog';
import { exportRoster } from './exportRoster';
import './messages';
import { useWording } from '../../i18n/wording';

export function RosterPage() {
  const { t } = useTranslation('roster');
  const w = useWording();
  const { db, bridge } = useApp();
  const { message } = App.useApp();
  const people = useLiveQuery(() => loadPeople(db), [db]);
  const units = useLiveQuery(() => loadOrgUnits(db), [db]);
  const [query, setQuery] = useState('');
  const [unitFilter, setUnitFilter] = useState<string | undefined>();
  const [roleFilter, setRoleFilter] = useState<RosterRole | undefined>();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [page, setPage] = useState(1);

  // Sorted and laid out for searching once per roster change; a keystroke only runs the search
  // loop, on a deferred copy of the query. The keystroke's own render stays cheap because the
  // results (RosterResults, memoised), the dialogs and the unit tree keep their props.
  const index = useMemo(() => buildRosterSearchIndex(sortForRoster(people ?? [])), [people]);
  const deferredQuery = useDeferredValue(query);
  const found = useMemo(() => {
    const inUnit = unitFilter && units ? descendantIds(units, unitFilter) : null;
    const accept =
      inUnit || roleFilter
        ? (p: Person) =>
            (!roleFilter || p.roles.includes(roleFilter)) &&
            (!inUnit || (p.orgUnitId !== undefined && inUnit.has(p.orgUnitId)))
        : undefined;
    return searchRoster(index, deferredQuery, accept);
  }, [index, units, deferredQuery, unitFilter, roleFilter]);
  const unitTree = useMemo(
    () => orgTreeOptions(units ?? [], (u) => w.withNote(u.name, t(`levels.${u.level}`))),
    [units, t, w],
  );
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

  // The page and its filters show at once; thirty thousand people take a moment to read, and
  // the table says so with its spinner meanwhile instead of leaving the screen blank.
  if (!units) return null;
  const loading = !people;

  async function runExport(format: 'xlsx' | 'csv') {
    const outcome = await exportRoster(
      bridge,
      found.people,
      units ?? [],
      format,
      t('fileTypes.excel', { ns: 'translation' }),
    );
    if (outcome.status === 'saved') void message.success(t('exported', { path: outcome.path }));
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
        found={found}
        page={page}
        onPageChange={setPage}
        units={units}
        loading={loading}
        emptyText={loading ? ' ' : people.length === 0 ? t('empty') : t('noMatch')}
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
  unitTree: ReturnType<typeof orgTreeOptions>;
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
