import { useMemo, useState } from 'react';
import { Button, Checkbox, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { Select } from '../../app/controls';
import { UserAddOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attendance, AttendanceState, Meeting } from '../../../shared/domain/meeting';
import { descendantIds } from '../../../shared/domain/org';
import type { Person } from '../../../shared/domain/person';
import { ROSTER_ROLES, STANDING_ROLES, type RosterRole } from '../../../shared/domain/roles';
import { attendanceCounts } from '../../../shared/meeting/attendance';
import { canEdit } from '../../../shared/meeting/lifecycle';
import { useApp } from '../../app/AppContext';
import { useOrgUnits } from '../../data/useTables';
import type { RosterFilter } from '../../data/repos/rosterQuery';
import { useRosterReader, useRosterView } from '../roster';
import { dialogDraftKey, guestDraftSchema, type GuestFormDraft } from '../../../shared/drafts/dialogDrafts';
import { addGuest, invitePerson, markAttendance, removeAttendance } from '../../data/repos/attendanceRepo';
import { DraftNotice, useDialogDraft } from './useDialogDraft';
import { SaveFailure, useSaveFailure } from './useSaveFailure';
import './messages';
import '../roster';
import { useWording } from '../../i18n/wording';

export const STATE_COLORS: Record<AttendanceState, string> = {
  invited: 'default',
  present: 'green',
  excused: 'gold',
  absent: 'red',
  nonVoting: 'blue',
};
/** People per page of the invitation picker. */
const PICK_PAGE_SIZE = 8;
const MARKS: AttendanceState[] = ['present', 'excused', 'absent', 'nonVoting'];

/** Invitations by 6+N role before the meeting, sign-in during it. */
export function AttendeesPanel({
  meeting,
  attendance,
  mode,
}: {
  meeting: Meeting;
  attendance: Attendance[];
  mode: 'invite' | 'signIn' | 'view';
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const w = useWording();
  const { db } = useApp();
  const [picking, setPicking] = useState(false);
  const [addingGuest, setAddingGuest] = useState(false);
  const counts = attendanceCounts(attendance);
  const invitedRoles = new Set(attendance.map((a) => a.category));

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        {mode !== 'view' && (
          <Button icon={<UsergroupAddOutlined />} onClick={() => setPicking(true)}>
            {t('people.invite')}
          </Button>
        )}
        {mode !== 'view' && (
          <Button icon={<UserAddOutlined />} onClick={() => setAddingGuest(true)}>
            {mode === 'signIn' ? t('live.walkIn') : t('people.addGuest')}
          </Button>
        )}
        <Typography.Text>{t('people.invited', { ...counts })}</Typography.Text>
      </Space>
      <div style={{ marginBottom: 12 }} data-testid="coverage">
        <Typography.Text strong>{w.label(t('people.coverage'))}</Typography.Text>
        {STANDING_ROLES.map((r) => (
          <Tag key={r} color={invitedRoles.has(r) ? 'green' : 'red'}>
            {invitedRoles.has(r) ? `${tc(`roles.${r}`)} ✓` : w.withNote(tc(`roles.${r}`), t('people.missing'))}
          </Tag>
        ))}
      </div>
      <Table<Attendance>
        rowKey="id"
        size="small"
        dataSource={attendance}
        pagination={false}
        columns={[
          { title: t('people.name'), dataIndex: 'name', width: 110 },
          { title: t('people.unit'), dataIndex: 'unit' },
          {
            title: t('people.category'),
            dataIndex: 'category',
            width: 140,
            render: (c: RosterRole) => tc(`roles.${c}`),
          },
          {
            title: t('people.state'),
            width: mode === 'signIn' ? 340 : 170,
            render: (_, a) =>
              mode === 'signIn' ? (
                <Radio.Group
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  value={a.state}
                  aria-label={`${a.name} ${t('people.state')}`}
                  onChange={(e) => void markAttendance(db, a.id, e.target.value as AttendanceState)}
                  options={MARKS.map((s) => ({ value: s, label: t(`states.${s}`) }))}
                />
              ) : (
                <Space>
                  <Tag color={STATE_COLORS[a.state]}>{t(`states.${a.state}`)}</Tag>
                  {a.arrivedAt && (
                    <Typography.Text type="secondary">{w.dateTime(a.arrivedAt).slice(-5)}</Typography.Text>
                  )}
                </Space>
              ),
          },
          ...(mode === 'invite' && canEdit(meeting.status, 'invitationRemoval')
            ? [
                {
                  title: '',
                  width: 70,
                  render: (_: unknown, a: Attendance) => (
                    <Button size="small" type="link" danger onClick={() => void removeAttendance(db, a.id)}>
                      {tc('common.delete')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {picking && <InviteModal meeting={meeting} attendance={attendance} onClose={() => setPicking(false)} />}
      {addingGuest && (
        <GuestModal
          meetingId={meeting.id}
          walkIn={mode === 'signIn'}
          guestIds={attendance.filter((a) => !a.personId).map((a) => a.id)}
          onClose={() => setAddingGuest(false)}
        />
      )}
    </div>
  );
}

function InviteModal({
  meeting,
  attendance,
  onClose,
}: {
  meeting: Meeting;
  attendance: Attendance[];
  onClose(): void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<RosterRole | undefined>();
  const [allUnits, setAllUnits] = useState(false);
  const [page, setPage] = useState(1);
  const units = useOrgUnits(db);
  const invited = new Set(attendance.flatMap((a) => (a.personId ? [a.personId] : [])));
  // A page of the roster read from its indexes (a district's 30,000 people are never all read).
  const roster = useRosterReader(db);
  const filter = useMemo<RosterFilter>(
    () => ({
      query,
      unitIds: allUnits ? null : descendantIds(units, meeting.orgUnitId),
      role: role ?? null,
    }),
    [query, role, allUnits, units, meeting.orgUnitId],
  );
  const view = useRosterView(roster, filter, page, PICK_PAGE_SIZE);

  const invite = (p: Person) =>
    void invitePerson(db, meeting.id, p, role && p.roles.includes(role) ? role : (p.roles[0] ?? 'stakeholder'));

  return (
    <Modal
      open
      title={t('people.pickTitle')}
      footer={<Button onClick={onClose}>{tc('common.close')}</Button>}
      onCancel={onClose}
      width={820}
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder={tc('roster:searchPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          placeholder={tc('roster:allRoles')}
          style={{ width: 180 }}
          value={role}
          onChange={(r) => {
            setRole(r);
            setPage(1);
          }}
          options={ROSTER_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
        />
        <Checkbox
          checked={allUnits}
          onChange={(e) => {
            setAllUnits(e.target.checked);
            setPage(1);
          }}
        >
          {t('people.showAllUnits')}
        </Checkbox>
      </Space>
      <Table<Person>
        rowKey="id"
        size="small"
        dataSource={view?.rows ?? []}
        loading={!view}
        pagination={{
          current: view ? Math.floor(view.offset / PICK_PAGE_SIZE) + 1 : 1,
          pageSize: PICK_PAGE_SIZE,
          total: view?.total ?? view?.rows.length ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('people.name'), dataIndex: 'name', width: 100 },
          {
            title: tc('roster:rolesHeading'),
            dataIndex: 'roles',
            render: (roles: RosterRole[]) => roles.map((r) => <Tag key={r}>{tc(`roles.${r}`)}</Tag>),
          },
          { title: t('people.unit'), dataIndex: 'unit' },
          {
            title: '',
            width: 90,
            render: (_, p) =>
              invited.has(p.id) ? (
                <Tag color="green">{t('people.alreadyInvited')}</Tag>
              ) : (
                <Button size="small" type="primary" onClick={() => invite(p)}>
                  {t('people.inviteOne')}
                </Button>
              ),
          },
        ]}
      />
    </Modal>
  );
}

type GuestValues = { name?: string; unit?: string; category?: RosterRole };

function GuestModal({
  meetingId,
  walkIn,
  guestIds,
  onClose,
}: {
  meetingId: string;
  walkIn: boolean;
  /** The meeting's guests (rows without a roster person) now: the draft is void once one was added. */
  guestIds: string[];
  onClose(): void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const [form] = Form.useForm<GuestValues>();
  const { failure, attempt } = useSaveFailure();
  // A walk-in's name typed while people talk is kept if the window closes before 保存.
  const draft = useDialogDraft<GuestValues, GuestFormDraft>({
    form,
    draftKey: dialogDraftKey(meetingId, walkIn ? 'walkIn' : 'guest'),
    schema: guestDraftSchema,
    initial: { category: 'stakeholder' },
    base: guestIds,
    toDraft: ({ name, unit, category }) => ({ name, unit, category }),
    fromDraft: (d) => d,
  });
  async function submit(values: GuestValues) {
    // The form's rules require the name; the schema of addGuest checks it again.
    const saved = await attempt(() =>
      addGuest(db, meetingId, {
        name: values.name ?? '',
        unit: values.unit,
        category: values.category ?? 'stakeholder',
        state: walkIn ? 'present' : 'invited',
      }),
    );
    if (!saved.ok) return;
    draft.saved();
    onClose();
  }
  return (
    <Modal
      open
      title={walkIn ? t('live.walkIn') : t('people.guestTitle')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <DraftNotice draft={draft} />
      <Form
        key={draft.formKey}
        form={form}
        layout="vertical"
        initialValues={draft.initialValues}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, max: 30 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="unit" label={t('people.unit')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('people.category')}>
          <Select options={ROSTER_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
      <SaveFailure failure={failure} />
    </Modal>
  );
}
