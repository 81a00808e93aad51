import { useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Tree,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import {
  buildOrgTree,
  childLevel,
  descendantIds,
  orgPath,
  type OrgTreeNode,
  type OrgUnit,
} from '../../../shared/domain/org';
import { useApp } from '../../app/AppContext';
import { addOrgUnit, deleteOrgUnit, loadOrgUnits, moveOrgUnit, updateOrgUnit } from '../../data/repos/orgRepo';
import { countPeopleIn } from '../../data/repos/peopleRepo';
import './messages';
import { useWording } from '../../i18n/wording';

interface TreeItem {
  key: string;
  title: string;
  children: TreeItem[];
}

function toTreeData(nodes: OrgTreeNode[], titleOf: (u: OrgUnit) => string): TreeItem[] {
  return nodes.map((n) => ({
    key: n.unit.id,
    title: titleOf(n.unit),
    children: toTreeData(n.children, titleOf),
  }));
}

export function OrgPage() {
  const { t } = useTranslation('org');
  const w = useWording();
  const { db } = useApp();
  const units = useLiveQuery(() => loadOrgUnits(db), [db]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const treeData = useMemo(
    () => toTreeData(buildOrgTree(units ?? []), (u) => w.withNote(u.name, t(`levels.${u.level}`))),
    [units, t, w],
  );
  const selected = units?.find((u) => u.id === selectedId) ?? null;

  if (!units) return null;
  return (
    <div className="yishi-page">
      <div className="yishi-page-header">
        <h1>{t('title')}</h1>
        {units.length === 0 && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={async () =>
              setSelectedId((await addOrgUnit(db, null, t('newName', { level: t('levels.district') }))).id)
            }
          >
            {t('addRoot')}
          </Button>
        )}
      </div>
      <p className="yishi-lead">{t('lead')}</p>
      <Row gutter={24}>
        <Col xs={24} md={10}>
          <Card>
            {treeData.length === 0 ? (
              <Empty description={t('empty')} />
            ) : (
              <Tree
                treeData={treeData}
                defaultExpandAll
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId((keys[0] as string | undefined) ?? null)}
                aria-label={t('title')}
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14}>
          {selected ? (
            <UnitPanel key={selected.id} unit={selected} units={units} onSelect={setSelectedId} />
          ) : (
            <Card>
              <Empty description={t('selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}

function UnitPanel({ unit, units, onSelect }: { unit: OrgUnit; units: OrgUnit[]; onSelect(id: string | null): void }) {
  const { t } = useTranslation('org');
  const w = useWording();
  const { db } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; households?: number | null }>();
  const peopleCount =
    useLiveQuery(() => countPeopleIn(db, [...descendantIds(units, unit.id)]), [db, unit.id, units]) ?? 0;
  const next = childLevel(unit.level);
  const path = orgPath(units, unit.id)
    .slice(0, -1)
    .map((u) => u.name)
    .join(' / ');

  useEffect(() => form.setFieldsValue({ name: unit.name, households: unit.households ?? null }), [form, unit]);

  async function save(values: { name: string; households?: number | null }) {
    await updateOrgUnit(db, unit.id, { name: values.name, households: values.households ?? undefined });
    void message.success(t('common.saved'));
  }

  async function remove() {
    const outcome = await deleteOrgUnit(db, unit.id);
    if (outcome.ok) onSelect(unit.parentId);
    else if (outcome.reason === 'hasChildren') void message.error(t('cannotDeleteChildren', { name: unit.name }));
    else void message.error(t('cannotDeletePeople', { name: unit.name, count: outcome.peopleCount }));
  }

  return (
    <Card
      title={
        <Space>
          {unit.name}
          <Typography.Text type="secondary">{t(`levels.${unit.level}`)}</Typography.Text>
        </Space>
      }
    >
      {path && (
        <p>
          <Typography.Text type="secondary">{w.labelled(t('path'), path)}</Typography.Text>
        </p>
      )}
      <p>{t('peopleCount', { count: peopleCount })}</p>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 420 }}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input />
        </Form.Item>
        {(unit.level === 'compound' || unit.level === 'grid' || unit.level === 'community') && (
          <Form.Item name="households" label={t('households')}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Space wrap>
          <Button type="primary" htmlType="submit">
            {t('common.save')}
          </Button>
          {next && (
            <Button
              icon={<PlusOutlined />}
              onClick={async () =>
                onSelect((await addOrgUnit(db, unit, t('newName', { level: t(`levels.${next}`) }))).id)
              }
            >
              {t('addChild', { level: t(`levels.${next}`) })}
            </Button>
          )}
          <Button icon={<ArrowUpOutlined />} onClick={() => void moveOrgUnit(db, unit.id, -1)}>
            {t('common.moveUp')}
          </Button>
          <Button icon={<ArrowDownOutlined />} onClick={() => void moveOrgUnit(db, unit.id, 1)}>
            {t('common.moveDown')}
          </Button>
          <Popconfirm title={t('deleteConfirm', { name: unit.name })} onConfirm={() => void remove()}>
            <Button danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
