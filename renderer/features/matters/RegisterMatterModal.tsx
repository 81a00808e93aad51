import { useMemo, useState } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { Select, TreeSelect } from '../../app/controls';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import {
  MATTER_PATHS,
  MATTER_URGENCIES,
  type MatterPath,
  type MatterUrgency,
  type Raiser,
} from '../../../shared/domain/matter';
import { compoundOf, similarMatters } from '../../../shared/domain/matterSimilar';
import { isOpenStage } from '../../../shared/domain/matterStage';
import { descendantIds } from '../../../shared/domain/org';
import { personMatches } from '../../../shared/domain/person';
import { today, type CalendarDate } from '../../../shared/dates';
import { useApp } from '../../app/AppContext';
import { useOrgUnits, usePeople } from '../../data/useTables';
import { loadMatterList, registerMatter } from '../../data/repos/mattersRepo';
import { useOrgTreeOptions } from '../roster';
import { DateField } from './DateField';
import { matterLists } from './labels';
import { SimilarMatters } from './SimilarMatters';
import './messages';
import { errorText } from '../../i18n/errorText';

interface Values {
  orgUnitId?: string;
  address?: string;
  raiserKind: Raiser['kind'];
  personId?: string;
  name?: string;
  phone?: string;
  channel: string;
  raisedAt?: string;
  category?: string;
  title?: string;
  description?: string;
  urgency: MatterUrgency;
  path: MatterPath;
  clerk?: string;
}

/**
 * 登记: one large, plain form for a secretary at the desk — today's date, the unit and channel
 * used last time and the clerk's name are filled in. While the title is typed, similar open
 * matters of the same compound appear, to merge into instead of registering the same thing twice.
 */
export function RegisterMatterModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('matters');
  const { db, settings, updateSettings } = useApp();
  const { message } = App.useApp();
  const units = useOrgUnits(db);
  const people = usePeople(db);
  const [form] = Form.useForm<Values>();
  const [mergeInto, setMergeInto] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [saving, setSaving] = useState(false);
  const { channels, categories } = matterLists(settings);
  const tree = useOrgTreeOptions(units);

  const unitId = Form.useWatch('orgUnitId', form);
  const raiserKind = Form.useWatch('raiserKind', form);
  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const compoundId = unitId && units.length ? compoundOf(units, unitId) : undefined;
  const candidates = useLiveQuery(
    async () =>
      compoundId
        ? (await loadMatterList(db, [...descendantIds(units, compoundId)])).filter((r) => isOpenStage(r.stage))
        : [],
    [db, units, compoundId],
  );
  const similar = useMemo(() => {
    if (!compoundId || !candidates) return [];
    const found = similarMatters(
      { title, description, compoundId },
      candidates.map((r) => ({ ...r.matter, compoundId: compoundOf(units, r.matter.orgUnitId) })),
    );
    return found.flatMap((f) => candidates.filter((r) => r.matter.id === f.id));
  }, [candidates, title, description, compoundId, units]);
  const residents = useMemo(() => {
    const area = compoundId ? descendantIds(units, compoundId) : null;
    return people.filter((p) => !area || (p.orgUnitId !== undefined && area.has(p.orgUnitId)));
  }, [people, units, compoundId]);

  const initialValues: Values = {
    raiserKind: 'oneOff',
    channel:
      settings.lastMatterChannel && channels.includes(settings.lastMatterChannel)
        ? settings.lastMatterChannel
        : channels[0]!,
    raisedAt: today(),
    urgency: 'normal',
    path: 'untriaged',
    ...(settings.lastMatterOrgUnitId && units.some((u) => u.id === settings.lastMatterOrgUnitId)
      ? { orgUnitId: settings.lastMatterOrgUnitId }
      : {}),
    ...(settings.matterClerk ? { clerk: settings.matterClerk } : {}),
  };

  function raiserOf(v: Values): Raiser {
    if (v.raiserKind === 'anonymous') return { kind: 'anonymous' };
    if (v.raiserKind === 'resident') {
      const person = people.find((p) => p.id === v.personId);
      return { kind: 'resident', personId: v.personId ?? '', name: person?.name ?? '' };
    }
    return { kind: 'oneOff', name: v.name ?? '', ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}) };
  }

  async function submit(v: Values) {
    setSaving(true);
    try {
      const kept = await registerMatter(
        db,
        {
          orgUnitId: v.orgUnitId ?? '',
          raisedBy: raiserOf(v),
          channel: v.channel,
          raisedAt: (v.raisedAt ?? '') as CalendarDate,
          category: v.category ?? '',
          title: v.title ?? '',
          urgency: v.urgency,
          path: v.path,
          ...(v.address ? { address: v.address } : {}),
          ...(v.description ? { description: v.description } : {}),
        },
        v.clerk?.trim() ?? '',
        mergeInto ? { mergeInto } : {},
      );
      await updateSettings({
        lastMatterChannel: v.channel,
        lastMatterOrgUnitId: v.orgUnitId,
        ...(v.clerk?.trim() ? { matterClerk: v.clerk.trim() } : {}),
      });
      void message.success(t(mergeInto ? 'mergedInto' : 'registered', { title: kept.title }));
      onClose();
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  }

  const required = (field: string) => [{ required: true, whitespace: true, message: t('dialogs.required', { field }) }];
  return (
    <Modal
      open
      title={t('register')}
      width={760}
      okText={t('register')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      className="yishi-matter-form"
      destroyOnHidden
    >
      <Form
        form={form}
        name="matter"
        layout="vertical"
        size="large"
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="title" label={t('fields.title')} rules={required(t('fields.title'))}>
          <Input maxLength={100} placeholder={t('fields.titlePlaceholder')} autoFocus />
        </Form.Item>
        {!dismissed && similar.length > 0 && (
          <SimilarMatters
            rows={similar}
            chosen={mergeInto}
            onMerge={(id) => setMergeInto(id)}
            onKeepNew={() => {
              setMergeInto(null);
              setDismissed(true);
            }}
          />
        )}
        <Form.Item name="description" label={t('fields.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <div className="yishi-form-row">
          <Form.Item name="orgUnitId" label={t('fields.orgUnitId')} rules={required(t('fields.orgUnitId'))}>
            <TreeSelect treeData={tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="address" label={t('fields.address')}>
            <Input maxLength={200} placeholder={t('fields.addressPlaceholder')} />
          </Form.Item>
        </div>
        <Form.Item name="raiserKind" label={t('fields.raiserKind')}>
          <Radio.Group
            optionType="button"
            options={(['oneOff', 'resident', 'anonymous'] as const).map((k) => ({ value: k, label: t(`fields.${k}`) }))}
          />
        </Form.Item>
        {raiserKind === 'resident' && (
          <Form.Item name="personId" label={t('fields.person')} rules={required(t('fields.person'))}>
            <Select
              showSearch
              placeholder={t('fields.personPlaceholder')}
              filterOption={(text, o) => {
                const p = residents.find((r) => r.id === o?.value);
                return !!p && personMatches(p, text);
              }}
              options={residents.map((p) => ({ value: p.id, label: p.unit ? `${p.name}（${p.unit}）` : p.name }))}
            />
          </Form.Item>
        )}
        {raiserKind === 'oneOff' && (
          <div className="yishi-form-row">
            <Form.Item name="name" label={t('fields.name')} rules={required(t('fields.name'))}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="phone" label={t('fields.phone')}>
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </div>
        )}
        <div className="yishi-form-row">
          <Form.Item name="channel" label={t('fields.channel')} rules={required(t('fields.channel'))}>
            <Select options={channels.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="raisedAt" label={t('fields.raisedAt')} rules={required(t('fields.raisedAt'))}>
            <DateField />
          </Form.Item>
          <Form.Item name="category" label={t('fields.category')} rules={required(t('fields.category'))}>
            <Select options={categories.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </div>
        <Form.Item name="urgency" label={t('fields.urgency')}>
          <Radio.Group
            optionType="button"
            options={MATTER_URGENCIES.map((u) => ({ value: u, label: t(`urgencies.${u}`) }))}
          />
        </Form.Item>
        <Form.Item name="path" label={t('fields.path')}>
          <Radio.Group
            optionType="button"
            options={MATTER_PATHS.filter((p) => p !== 'escalate').map((p) => ({ value: p, label: t(`paths.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="clerk" label={t('fields.clerk')}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
