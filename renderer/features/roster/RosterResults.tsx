import { memo, useMemo, useState } from 'react';
import { Alert, App, Pagination, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../shared/domain/org';
import { GENDERS, type Gender, type Person } from '../../../shared/domain/person';
import { ROSTER_ROLES, standingCoverage } from '../../../shared/domain/roles';
import type { RosterView } from '../../data/repos/rosterQuery';
import { useApp } from '../../app/AppContext';
import { deletePerson } from '../../data/repos/peopleRepo';
import './messages';
import { useWording } from '../../i18n/wording';
import { PlainTable, PLAIN_TAGS, type PlainColumn, type PlainTags } from '../../app/PlainTable';

export const PAGE_SIZE = 20;
const NO_ROWS: Person[] = [];

interface RosterResultsProps {
  /** The page of people the filters let through, their count and the roles they hold. */
  view: RosterView | undefined;
  onPageChange(page: number): void;
  units: readonly OrgUnit[];
  emptyText: string;
  /** The people are still being read: the table shows its spinner. */
  loading?: boolean;
  onEdit(person: Person): void;
}

/** "社区 · 小区": a unit's name after its parent's, as orgPath(...).slice(-2) would give. */
function useUnitLabel(units: readonly OrgUnit[]): (id?: string) => string {
  return useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, u]));
    return (id?: string) => {
      const unit = id ? byId.get(id) : undefined;
      if (!unit) return '';
      const parent = unit.parentId && unit.parentId !== unit.id ? byId.get(unit.parentId) : undefined;
      return parent ? `${parent.name} · ${unit.name}` : unit.name;
    };
  }, [units]);
}

interface ActionLabels {
  edit: string;
  delete: string;
}

/** The delete confirmation of one person, mounted only once asked for. */
function ConfirmDelete({ person, label, onClose }: { person: Person; label: string; onClose(): void }) {
  const { t } = useTranslation('roster');
  const { db } = useApp();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={t('deleteConfirm', { name: person.name })}
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      onConfirm={async () => {
        await deletePerson(db, person.id);
        void message.success(t('deleted', { name: person.name }));
      }}
    >
      <button type="button" className="yishi-row-action yishi-row-action-danger">
        {label}
      </button>
    </Popconfirm>
  );
}

/**
 * Edit and delete for one row. The delete confirmation is mounted only once asked for (twenty
 * of them cost a noticeable part of each keystroke) and remembers whom it was opened for: rows
 * are keyed by their place on the page, so when the row shows someone else it is closed. The
 * labels come from the columns, worded once, not asked of i18next in every row. Plain buttons
 * drawn as antd's link buttons: forty antd Buttons and twenty Spaces were ~7 ms of every
 * keystroke in the search at 30,000 people.
 */
function RowActions({
  person,
  labels,
  onEdit,
}: {
  person: Person;
  labels: ActionLabels;
  onEdit(person: Person): void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <span className="yishi-row-actions">
      <button type="button" className="yishi-row-action" onClick={() => onEdit(person)}>
        {labels.edit}
      </button>
      {confirming === person.id ? (
        <ConfirmDelete person={person} label={labels.delete} onClose={() => setConfirming(null)} />
      ) : (
        <button
          type="button"
          className="yishi-row-action yishi-row-action-danger"
          onClick={() => setConfirming(person.id)}
        >
          {labels.delete}
        </button>
      )}
    </span>
  );
}

function useColumns(
  units: readonly OrgUnit[],
  onEdit: (person: Person) => void,
  tags: PlainTags,
): PlainColumn<Person>[] {
  const { t } = useTranslation('roster');
  const unitLabel = useUnitLabel(units);
  return useMemo(() => {
    // Labels looked up once, not for every cell of every keystroke's page.
    const roleLabel = new Map(ROSTER_ROLES.map((r) => [r, t(`roles.${r}`)]));
    const genderLabel = new Map(GENDERS.map((g) => [g, t(`genders.${g}`)]));
    const labels: ActionLabels = { edit: t('common.edit'), delete: t('common.delete') };
    const flags = (['isGridWorker', 'isMediator', 'isPartyMember'] as const).map((f) => ({
      f,
      label: t(`flags.${f}`),
    }));
    const gender = (g?: Gender) => (g ? (genderLabel.get(g) ?? g) : '');
    return [
      { key: 'name', title: t('name'), width: 110, render: (p) => p.name },
      { key: 'gender', title: t('gender'), width: 70, render: (p) => gender(p.gender) },
      {
        key: 'roles',
        title: t('rolesHeading'),
        render: (p) =>
          p.roles.map((r) => (
            <span key={r} className={tags.className(r === 'stakeholder' ? 'default' : 'red')}>
              {roleLabel.get(r) ?? r}
            </span>
          )),
      },
      { key: 'unit', title: t('unit'), render: (p) => p.unit },
      { key: 'orgUnit', title: t('orgUnit'), render: (p) => unitLabel(p.orgUnitId) },
      { key: 'phone', title: t('phone'), width: 140, render: (p) => p.phone },
      {
        key: 'flags',
        title: t('flagsHeading'),
        render: (p) =>
          flags
            .filter(({ f }) => p[f])
            .map(({ f, label }) => (
              <span key={f} className={tags.className()}>
                {label}
              </span>
            )),
      },
      {
        key: 'actions',
        title: t('common.actions'),
        width: 130,
        render: (p) => <RowActions person={p} labels={labels} onEdit={onEdit} />,
      },
    ];
  }, [t, unitLabel, onEdit, tags]);
}

interface RosterTableProps {
  rows: Person[];
  columns: PlainColumn<Person>[];
  loading: boolean;
  emptyText: string;
}

/**
 * The page's rows. Memoised apart from the pager: when a search's count arrives for the rows
 * already shown, only the pager and the coverage line are drawn again, not twenty rows.
 */
const RosterTable = memo(function RosterTable({ rows, columns, loading, emptyText }: RosterTableProps) {
  // Rows are keyed by their place on the page: a keystroke then updates twenty rows in place
  // instead of unmounting and mounting them (RowActions keeps its confirmation to its person).
  const rowKey = useMemo(() => {
    const slots = new Map(rows.map((p, i) => [p.id, String(i)]));
    return (p: Person) => slots.get(p.id) ?? p.id;
  }, [rows]);
  return (
    <PlainTable<Person>
      size="middle"
      rowKey={rowKey}
      rows={rows}
      loading={loading}
      columns={columns}
      emptyText={emptyText}
    />
  );
});

/**
 * The coverage line, the table and its pager, one page of people at a time (read from the
 * indexes by RosterReader). Memoised: a keystroke in the search box re-renders the page around
 * it at once, and this part only when the page read for it has arrived.
 */
export const RosterResults = memo(function RosterResults({
  view,
  onPageChange,
  units,
  emptyText,
  loading = false,
  onEdit,
}: RosterResultsProps) {
  const { t } = useTranslation('roster');
  const w = useWording();
  const tags = PLAIN_TAGS;
  const columns = useColumns(units, onEdit, tags);
  // While a search is counted, its first rows are shown and the last count stays.
  const total = view?.total ?? view?.rows.length ?? 0;
  const rows = view?.rows ?? NO_ROWS;
  const roles = view?.roles;
  const coverage = useMemo(() => standingCoverage([roles ?? []]), [roles]);
  const rolesKnown = roles !== null && roles !== undefined;
  const current = view ? Math.floor(view.offset / PAGE_SIZE) + 1 : 1;
  return (
    <>
      {total > 0 && rolesKnown && (
        <Alert
          style={{ marginBottom: 16 }}
          type={coverage.missing.length === 0 ? 'success' : 'warning'}
          showIcon
          title={w.labelled(
            t('coverage'),
            coverage.missing.length === 0
              ? t('coverageAll')
              : t('coverageMissing', { roles: w.list(coverage.missing.map((r) => t(`roles.${r}`))) }),
          )}
        />
      )}
      <RosterTable rows={rows} columns={columns} loading={loading} emptyText={emptyText} />
      {/* While the people are read there is no count to show ("共 0 人" beside the spinner). */}
      {!loading && total > 0 && (
        <Pagination
          align="end"
          style={{ margin: '16px 0' }}
          current={current}
          pageSize={PAGE_SIZE}
          total={total}
          onChange={onPageChange}
          showTotal={(count) => (view?.total === null ? t('counting') : t('total', { count }))}
          showSizeChanger={false}
        />
      )}
    </>
  );
});
