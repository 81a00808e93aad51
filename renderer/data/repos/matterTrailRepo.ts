import type { FollowupTrail } from '../../../shared/domain/matterTrail';
import type { YishiDb } from '../db';

/** The follow-up of these decisions (progress notes, 结果公示, 评议/整改), by their decisionId indexes. */
export async function loadFollowupTrail(db: YishiDb, decisionIds: readonly string[]): Promise<FollowupTrail> {
  if (decisionIds.length === 0) return { progress: [], notices: [], evaluations: [] };
  const ids = [...decisionIds];
  const [progress, notices, evaluations] = await Promise.all([
    db.decisionProgress.where('decisionId').anyOf(ids).toArray(),
    db.publicNotices.where('decisionId').anyOf(ids).toArray(),
    db.evaluations.where('decisionId').anyOf(ids).toArray(),
  ]);
  return { progress, notices, evaluations };
}
