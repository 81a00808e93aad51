import type { Matter } from '../../../shared/domain/matter';
import { ladderStanding, type LadderStanding } from '../../../shared/escalation/standing';
import type { YishiDb } from '../db';

/**
 * Where each 上报件 among these matters stands on the ladder (shared/escalation/standing.ts):
 * its escalation and 吹哨报到 tasks read by their matterId indexes, for the 上报件 only.
 */
export async function loadLadderStandings(
  db: YishiDb,
  matters: readonly Pick<Matter, 'id' | 'path'>[],
): Promise<Map<string, LadderStanding>> {
  const ids = matters.filter((m) => m.path === 'escalate').map((m) => m.id);
  if (ids.length === 0) return new Map();
  const [escalations, tasks] = await Promise.all([
    db.escalations.where('matterId').anyOf(ids).toArray(),
    db.summonedTasks.where('matterId').anyOf(ids).toArray(),
  ]);
  const stepsOf = new Map(escalations.map((e) => [e.matterId, e.steps]));
  return new Map(
    ids.map((id) => [
      id,
      ladderStanding(
        stepsOf.get(id),
        tasks.filter((t) => t.matterId === id),
      ),
    ]),
  );
}
