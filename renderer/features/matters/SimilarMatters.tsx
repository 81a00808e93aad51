import { Alert, Button, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { raiserName } from '../../../shared/domain/matter';
import type { MatterListRow } from '../../data/repos/mattersRepo';
import { STAGE_COLORS } from './labels';
import './messages';
import { useWording } from '../../i18n/wording';

/** The similar open matters shown under the title while a new one is typed. */
export function SimilarMatters({
  rows,
  chosen,
  onMerge,
  onKeepNew,
}: {
  rows: readonly MatterListRow[];
  chosen: string | null;
  onMerge(id: string): void;
  onKeepNew(): void;
}) {
  const { t } = useTranslation('matters');
  const w = useWording();
  const chosenRow = rows.find((r) => r.matter.id === chosen);
  return (
    <Alert
      type={chosenRow ? 'success' : 'warning'}
      className="yishi-similar"
      style={{ marginBottom: 16 }}
      message={chosenRow ? t('similar.mergingInto', { title: chosenRow.matter.title }) : t('similar.title')}
      description={
        <List
          size="small"
          dataSource={[...rows]}
          renderItem={(r) => (
            <List.Item
              actions={[
                <Button
                  key="merge"
                  type={chosen === r.matter.id ? 'primary' : 'default'}
                  onClick={() => onMerge(r.matter.id)}
                >
                  {t('similar.mergeHere')}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={0}>
                <strong>{r.matter.title}</strong>
                <span>
                  {raiserName(r.matter.raisedBy)} · {w.date(r.matter.raisedAt)} ·{' '}
                  <Tag color={STAGE_COLORS[r.stage]}>{t(`stages.${r.stage}`)}</Tag>
                </span>
              </Space>
            </List.Item>
          )}
          footer={<Button onClick={onKeepNew}>{t('similar.keepNew')}</Button>}
        />
      }
    />
  );
}
