import { useState } from 'react';
import { App, Button, Card, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Matter } from '../../../shared/domain/matter';
import { residentKeyOf, type PointsAward } from '../../../shared/matters/points';
import { DISPUTE_CATEGORY } from '../../../shared/matters/disputes';
import { useApp } from '../../app/AppContext';
import { awardMatter, loadMatterAward, rulesOf } from '../../data/repos/pointsRepo';
import './mattersxMessages';
import { errorText } from '../../i18n/errorText';

/** On a matter's page: mark the suggestion as 金点子 / 好法子, or show the award it earned. */
export function MatterPointsCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation('mattersx');
  const { db, settings } = useApp();
  const { message } = App.useApp();
  const award = useLiveQuery(async () => (await loadMatterAward(db, matter.id)) ?? null, [db, matter.id]);
  const [busy, setBusy] = useState(false);
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
