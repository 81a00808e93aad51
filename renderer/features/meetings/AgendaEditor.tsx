import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { Select } from '../../app/controls';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  HolderOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting';
import { STANDING_ROLES } from '../../../shared/domain/roles';
import { canEdit } from '../../../shared/meeting/lifecycle';
import {
  agendaItemDraftSchema,
  dialogDraftKey,
  rowBase,
  type AgendaItemFormDraft,
} from '../../../shared/drafts/dialogDrafts';
import { DraftNotice, useDialogDraft } from './useDialogDraft';
import { SaveFailure, useSaveFailure } from './useSaveFailure';
import { useApp } from '../../app/AppContext';
import { MattersPicker } from './MattersPicker';
import { BriefingButton, BriefingLine } from './BriefingButton';
import { ItemStateTag } from './ItemMarks';
import {
  addAgendaItem,
  deleteAgendaItem,
  moveInList,
  reorderAgenda,
  updateAgendaItem,
  type AgendaDraft,
} from '../../data/repos/agendaRepo';
import './messages';
import { useWording } from '../../i18n/wording';

function meetingMinutes(meeting: Meeting): number {
  return Math.round((Date.parse(meeting.plannedEndAt) - Date.parse(meeting.startAt)) / 60000);
}

/** The agenda of a meeting: reorder by drag (mouse/touch) or keyboard (space + arrows, or the buttons). */
export function AgendaEditor({ meeting, items }: { meeting: Meeting; items: AgendaItem[] }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const { modal } = App.useApp();
  const editable = canEdit(meeting.status, 'agenda');
  const [editing, setEditing] = useState<AgendaItem | 'new' | null>(null);
  const [pickingMatters, setPickingMatters] = useState(false);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const planned = items.reduce((sum, i) => sum + i.plannedMinutes, 0);
  const available = meetingMinutes(meeting);

  async function confirmDelete(item: AgendaItem) {
    const text = t(item.matterId ? 'confirm.deleteItemMatter' : 'confirm.deleteItem', { title: item.title });
    const sure = await modal.confirm({
      title: text,
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
    });
    if (sure) await deleteAgendaItem(db, item.id);
  }

  async function onDragEnd(event: DragEndEvent) {
    if (!event.over || event.active.id === event.over.id) return;
    const from = items.findIndex((i) => i.id === event.active.id);
    const to = items.findIndex((i) => i.id === event.over?.id);
    await reorderAgenda(
      db,
      meeting.id,
      arrayMove(items, from, to).map((i) => i.id),
    );
  }

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('agenda.add')}
          </Button>
        )}
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => setPickingMatters(true)}>
            {t('matters.button')}
          </Button>
        )}
        {editable && meeting.type === 'monthlyDay' && <BriefingButton meetingId={meeting.id} items={items} />}
        <Typography.Text type={planned > available ? 'danger' : 'secondary'}>
          {t('agenda.total', { planned, available })}
        </Typography.Text>
        {editable && <Typography.Text type="secondary">{t('agenda.dragHint')}</Typography.Text>}
      </Space>
      {planned > available && (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          title={t('agenda.over', { minutes: planned - available })}
        />
      )}
      {items.length === 0 && <Typography.Paragraph type="secondary">{t('agenda.empty')}</Typography.Paragraph>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={(e) => void onDragEnd(e)}>
        <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('sections.agenda')}>
            {items.map((item, index) => (
              <AgendaRow
                key={item.id}
                item={item}
                index={index}
                editable={editable}
                onEdit={() => setEditing(item)}
                onMove={(direction) =>
                  void reorderAgenda(
                    db,
                    meeting.id,
                    moveInList(items, index, direction).map((i) => i.id),
                  )
                }
                onDelete={canEdit(meeting.status, 'agendaRemoval') ? () => void confirmDelete(item) : undefined}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {pickingMatters && <MattersPicker meeting={meeting} items={items} onClose={() => setPickingMatters(false)} />}
      {editing && (
        <AgendaItemModal
          meetingId={meeting.id}
          item={editing === 'new' ? null : editing}
          itemIds={items.map((i) => i.id)}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function AgendaRow({
  item,
  index,
  editable,
  onEdit,
  onMove,
  onDelete,
}: {
  item: AgendaItem;
  index: number;
  editable: boolean;
  onEdit(): void;
  onMove(direction: -1 | 1): void;
  onDelete?: (() => void) | undefined;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const w = useWording();
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({
    id: item.id,
    disabled: !editable,
  });
  return (
    <li
      ref={setNodeRef}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        background: '#fff',
        border: '1px solid #eee',
        borderRadius: 4,
        padding: '10px 12px',
        marginBottom: 8,
        display: 'flex',
        gap: 12,
        alignItems: 'center',
      }}
    >
      {editable && (
        <HolderOutlined
          {...attributes}
          {...listeners}
          aria-label={w.labelled(t('agenda.dragHint'), item.title)}
          style={{ cursor: 'grab', fontSize: 18 }}
        />
      )}
      <div style={{ flex: 1 }}>
        <Typography.Text strong>
          {index + 1}. {item.title}
        </Typography.Text>{' '}
        {item.carriedFromItemId && <Tag color="orange">{t('agenda.carried')}</Tag>}
        <ItemStateTag item={item} />
        {item.concerns.map((r) => (
          <Tag key={r}>{tc(`roles.${r}`)}</Tag>
        ))}
        {item.background && <div style={{ color: '#666', marginTop: 4 }}>{item.background}</div>}
        {item.briefing && <BriefingLine briefing={item.briefing} />}
      </div>
      <Typography.Text type="secondary">{t('live.planned', { minutes: item.plannedMinutes })}</Typography.Text>
      {editable && (
        <Space>
          <Button size="small" icon={<ArrowUpOutlined />} aria-label={tc('common.moveUp')} onClick={() => onMove(-1)} />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={tc('common.moveDown')}
            onClick={() => onMove(1)}
          />
          <Button size="small" icon={<EditOutlined />} aria-label={tc('common.edit')} onClick={onEdit} />
          {onDelete && (
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={tc('common.delete')} onClick={onDelete} />
          )}
        </Space>
      )}
    </li>
  );
}

const agendaToDraft = ({
  title,
  background,
  raisedBy,
  plannedMinutes,
  concerns,
}: AgendaDraft): AgendaItemFormDraft => ({
  title,
  background,
  raisedBy,
  plannedMinutes,
  concerns,
});

function AgendaItemModal({
  meetingId,
  item,
  itemIds,
  onClose,
}: {
  meetingId: string;
  item: AgendaItem | null;
  /** The meeting's agenda items now: a new one's draft is void once one was added. */
  itemIds: string[];
  onClose(): void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const { db } = useApp();
  const [form] = Form.useForm<AgendaDraft>();
  const { failure, attempt } = useSaveFailure();
  const draft = useDialogDraft<AgendaDraft, AgendaItemFormDraft>({
    form,
    draftKey: dialogDraftKey(meetingId, 'agendaItem', { id: item?.id }),
    schema: agendaItemDraftSchema,
    // A new item starts without a title, as before: the form's rule asks for one.
    initial: item ?? ({ plannedMinutes: 20, concerns: [] } as unknown as AgendaDraft),
    base: item ? rowBase(agendaToDraft(item)) : itemIds,
    toDraft: agendaToDraft,
    // Half-filled: the form's rules say what is still missing before 保存.
    fromDraft: (d) => d as AgendaDraft,
  });
  async function submit(values: AgendaDraft) {
    const saved = await attempt(() =>
      item ? updateAgendaItem(db, item.id, values) : addAgendaItem(db, meetingId, values),
    );
    if (!saved.ok) return;
    draft.saved();
    onClose();
  }
  return (
    <Modal
      open
      title={item ? item.title : t('agenda.add')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <DraftNotice draft={draft} />
      <Form<AgendaDraft>
        key={draft.formKey}
        form={form}
        layout="vertical"
        initialValues={draft.initialValues}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="title" label={t('agenda.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="background" label={t('agenda.background')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="raisedBy" label={t('agenda.raisedBy')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="plannedMinutes" label={t('agenda.minutes')} rules={[{ required: true }]}>
          <InputNumber min={1} max={600} />
        </Form.Item>
        <Form.Item name="concerns" label={t('agenda.concerns')}>
          <Select mode="multiple" options={STANDING_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
      <SaveFailure failure={failure} />
    </Modal>
  );
}
