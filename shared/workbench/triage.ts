import type { Matter } from '../domain/matter';

/**
 * 待分流: matters registered but not yet put on a handling path, in the units the 工作台 looks
 * at. Merged or closed ones are done with, whatever their path says. The most urgent first, then
 * the longest waiting.
 */
const URGENCY_RANK: Readonly<Record<Matter['urgency'], number>> = { critical: 0, urgent: 1, normal: 2 };

export function mattersToTriage(matters: readonly Matter[], scope: ReadonlySet<string> | null): Matter[] {
  return matters
    .filter((m) => m.path === 'untriaged' && !m.closedAt && !m.mergedInto)
    .filter((m) => scope === null || scope.has(m.orgUnitId))
    .sort(
      (a, b) =>
        URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
        (a.raisedAt < b.raisedAt ? -1 : a.raisedAt > b.raisedAt ? 1 : 0) ||
        a.id.localeCompare(b.id),
    );
}
