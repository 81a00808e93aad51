import type { Matter } from '../../../shared/domain/matter';
import type { YishiDb } from '../db';

/** The matters (居民说事) raised in these units. */
export function loadMattersIn(db: YishiDb, orgUnitIds: readonly string[]): Promise<Matter[]> {
  return db.matters
    .where('orgUnitId')
    .anyOf([...orgUnitIds])
    .toArray();
}
