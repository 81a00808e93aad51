import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatterStage } from '../../../shared/domain/matterStage';
import type { LadderStanding } from '../../../shared/escalation/standing';
import { STAGE_COLORS } from './labels';
// The ladder's step names live in the escalation feature's messages (registered by its entry).
import '../escalation';
import './messages';

/** A stage in words, e.g. 落实中; a 上报件 still open says where it stands on the ladder (上报中·审议). */
export function stageText(
  t: (key: string, options?: Record<string, unknown>) => string,
  stage: MatterStage,
  standing: LadderStanding | undefined,
): string {
  if (stage !== 'escalated' || !standing) return t(`stages.${stage}`);
  switch (standing.kind) {
    case 'atStep':
      return t('standing.atStep', { step: t(`escalation:steps.${standing.step}`) });
    case 'summonsTasks':
      return standing.total === 0 ? t('standing.noTasks') : t('standing.summonsTasks', standing);
    case 'awaitingEvaluation':
      return t('standing.awaitingEvaluation');
  }
}

export function StageTag({
  stage,
  standing,
  inHeading = false,
}: {
  stage: MatterStage;
  standing?: LadderStanding | undefined;
  /** Beside a page's title: sized to the heading (.yishi-stage-tag), not to a list's text. */
  inHeading?: boolean;
}) {
  const { t } = useTranslation('matters');
  return (
    <Tag {...(inHeading && { className: 'yishi-stage-tag' })} color={STAGE_COLORS[stage]} data-testid="matter-stage">
      {stageText(t, stage, standing)}
    </Tag>
  );
}
