import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Matter } from '../../../shared/domain/matter';
import { residentKeyOf, type PointsAward, type PointsEntry } from '../../../shared/matters/points';
import { DISPUTE_CATEGORY } from '../../../shared/matters/disputes';
import { useApp } from '../../app/AppContext';
import { awardMatter, loadMatterAward, reverseAward, rulesOf } from '../../data/repos/pointsRepo';
import './mattersxMessages';
import { errorText } from '../../i18n/errorText';

/** On a matter's page: mark the suggestion as 金点子 / 好法子, or show the award it earned. */
export function MatterPointsCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation('mattersx');
  const { db, settings } = useApp();
  const { message } = App.useApp();
  const award = useLiveQuery(async () => (await loadMatterAward(db, matter.id)) ?? null, [db, matter.id]);
  const [busy, setBusy] = useState(false);
  const [reversing, setReversing] = useState(false);
  // A dispute is not a suggestion: no points card unless one was somehow awarded already.
  if (award === undefined || (award === null && matter.category === DISPUTE_CATEGORY)) return null;
  const rules = rulesOf(settings);
  const resident = residentKeyOf(matter.raisedBy);

  async function give(kind: PointsAward) {
    setBusy(true);
    try {
      const entry = await awardMatter(db, matter.id, kind, settings.matterClerk ?? '');
      void message.success(
        t('points.awarded', { award: t(`points.${kind}_label`), name: entry.residentName, points: entry.points }),
      );
    } catch (e) {
      void message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('points.card')} className="yishi-matter-points" style={{ marginBottom: 16 }}>
      {award ? (
        <Space wrap>
          <Typography.Text strong>
            {t('points.awardedLine', {
              award: t(`points.${award.award ?? 'golden'}_label`),
              name: award.residentName,
              points: award.points,
            })}
          </Typography.Text>
          <Link to="/matters/points">{t('points.openLedger')}</Link>
          <Button onClick={() => setReversing(true)}>{t('points.reverse')}</Button>
          {reversing && <ReverseModal matter={matter} award={award} onClose={() => setReversing(false)} />}
        </Space>
      ) : resident && !matter.mergedInto ? (
        <Space wrap>
          <Button size="large" loading={busy} onClick={() => void give('golden')}>
            {t('points.awardGolden', { points: rules.golden })}
          </Button>
          <Button size="large" loading={busy} onClick={() => void give('goodMethod')}>
            {t('points.awardGoodMethod', { points: rules.goodMethod })}
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('points.noResident')}</Typography.Text>
      )}
    </Card>
  );
}

/** 撤销: the reason is required; a refusal (no reason, balance would go negative) stays in the dialog. */
function ReverseModal({ matter, award, onClose }: { matter: Matter; award: PointsEntry; onClose(): void }) {
  const { t } = useTranslation('mattersx');
  const { db, settings } = useApp();
  const { message } = App.useApp();
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      await reverseAward(db, matter.id, why, settings.matterClerk ?? '');
      void message.success(t('points.reversed_ok', { name: award.residentName, points: award.points }));
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('points.reverseTitle', { name: award.residentName, points: award.points })}
      okText={t('points.reverse')}
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <p>{t('points.reverseLead')}</p>
      <Input.TextArea
        aria-label={t('points.reverseReason')}
        placeholder={t('points.reverseReason')}
        rows={3}
        value={why}
        onChange={(e) => setWhy(e.target.value)}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
    </Modal>
  );
}
