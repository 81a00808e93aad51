import { memo, useEffect } from 'react';
import { App, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { TreeSelect } from '../../app/controls';
import { useTranslation } from 'react-i18next';
import { ROSTER_ROLES, type RosterRole } from '../../../shared/domain/roles';
import { isValidPhone, type Gender, type Person } from '../../../shared/domain/person';
import { useApp } from '../../app/AppContext';
import { findDuplicate, savePerson } from '../../data/repos/peopleRepo';
import type { OrgTreeOption } from './orgOptions';
import './messages';

interface FormValues {
  name: string;
  gender?: Gender;
  phone?: string;
  unit?: string;
  orgUnitId?: string;
  roles: RosterRole[];
  flags: Array<'isGridWorker' | 'isMediator' | 'isPartyMember'>;
  note?: string;
}

const FLAGS = ['isGridWorker', 'isMediator', 'isPartyMember'] as const;

/**
 * Memoised: the roster page re-renders on every keystroke in its search box, this dialog need not.
 * `unitTree` is the page's own unit options (orgTreeOptions), built once per change of units.
 */
export const PersonFormModal = memo(function PersonFormModal({
  person,
  unitTree,
  open,
  onClose,
}: {
  person: Person | null;
  unitTree: OrgTreeOption[];
  open: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation('roster');
  const { db } = useApp();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (person)
      form.setFieldsValue({
        ...person,
        flags: FLAGS.filter((f) => person[f]),
      });
  }, [open, person, form]);

  async function submit(values: FormValues) {
    const draft = {
      id: person?.id,
      name: values.name.trim(),
      gender: values.gender,
      phone: values.phone,
      unit: values.unit,
      orgUnitId: values.orgUnitId,
      roles: values.roles,
      isGridWorker: values.flags.includes('isGridWorker'),
      isMediator: values.flags.includes('isMediator'),
      isPartyMember: values.flags.includes('isPartyMember'),
      note: values.note,
    };
    const duplicate = await findDuplicate(db, { id: person?.id, name: draft.name, phone: draft.phone });
    if (duplicate) {
      const go = await modal.confirm({
        title: t('duplicateWarning', { name: duplicate.name }),
        okText: t('common.save'),
        cancelText: t('common.cancel'),
      });
      if (!go) return;
    }
    const outcome = await savePerson(db, draft);
    if (!outcome.ok) {
      form.setFields([{ name: outcome.field as keyof FormValues, errors: [outcome.message] }]);
      return;
    }
    void message.success(t('savedPerson', { name: outcome.person.name }));
    onClose();
  }

  return (
    <Modal
      open={open}
      title={person ? t('editTitle') : t('addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ roles: [], flags: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 30 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="gender" label={t('gender')}>
          <Radio.Group
            options={[
              { value: 'male', label: t('genders.male') },
              { value: 'female', label: t('genders.female') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('phone')}
          rules={[
            {
              validator: async (_, v?: string) => {
                if (v && v.trim() && !isValidPhone(v)) throw new Error(t('phoneInvalid'));
              },
            },
          ]}
        >
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="unit" label={t('unit')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('orgUnit')}>
          <TreeSelect treeData={unitTree} treeDefaultExpandAll allowClear showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('rolesHeading')}
          rules={[{ required: true, type: 'array', min: 1, message: t('rolesRequired') }]}
        >
          <Checkbox.Group options={ROSTER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="flags" label={t('flagsHeading')}>
          <Checkbox.Group options={FLAGS.map((f) => ({ value: f, label: t(`flags.${f}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
});
