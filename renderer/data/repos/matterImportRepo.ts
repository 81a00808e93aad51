import type { z } from 'zod';
import { matterEventSchema, matterSchema, type Matter, type MatterEvent } from '../../../shared/domain/matter';
import { matterIdentity, type ImportedMatter } from '../../../shared/matters/importMatters';
import { DISPUTE_CATEGORY, disputeSchema } from '../../../shared/matters/disputes';
import { newId } from '../../../shared/ids';
import { firstIssueMessage } from '../../../shared/validation/messages';
import type { CalendarDate } from '../../../shared/dates';
import type { YishiDb } from '../db';
import { MatterRefused } from './matterRefused';
import { appendAudit, AUDIT_TABLES } from './auditRepo';
import { matterRefusal } from '../../../shared/matters/refusals';

/** matterIdentity of the stored matters raised on these days, read through the raisedAt index. */
export async function loadStoredMatterKeys(db: YishiDb, dates: readonly CalendarDate[]): Promise<Set<string>> {
  if (dates.length === 0) return new Set();
  const rows = await db.matters
    .where('raisedAt')
    .anyOf([...dates])
    .toArray();
  return new Set(rows.map(matterIdentity));
}

/**
 * Writes imported matters all or nothing, in one transaction: each with its 登记 (and 分流) step,
 * and a dispute row for a 矛盾纠纷. Units, roster links and duplicates are checked again inside the
 * transaction, so a matter registered or a unit deleted since the preview refuses the whole import.
 */
export async function importMatters(
  db: YishiDb,
  drafts: readonly ImportedMatter[],
  by: string,
  now = new Date(),
): Promise<number> {
  const at = now.toISOString();
  const matters: Matter[] = drafts.map((draft) => {
    const row = { ...draft, id: newId(), alsoRaisedBy: [], createdAt: at, updatedAt: at };
    const result = matterSchema.safeParse(row);
    if (!result.success)
      throw new MatterRefused(
        firstIssueMessage(result.error as z.ZodError, { root: { kind: 'row', table: 'matters' }, input: row }),
      );
    return result.data;
  });
  const events: MatterEvent[] = matters.flatMap((m) => {
    const registered = {
      id: newId(),
      matterId: m.id,
      at,
      by,
      kind: 'registered' as const,
      note: `${m.channel}（从表格导入）`,
    };
    // The triage step a moment later, so the timeline keeps 登记 before 分流.
    const triaged = {
      id: newId(),
      matterId: m.id,
      at: new Date(now.getTime() + 1).toISOString(),
      by,
      kind: 'triaged' as const,
      note: m.path,
    };
    return (m.path === 'untriaged' ? [registered] : [registered, triaged]).map((e) => matterEventSchema.parse(e));
  });
  const disputes = matters
    .filter((m) => m.category === DISPUTE_CATEGORY)
    .map((m) => disputeSchema.parse({ matterId: m.id, parties: [], outcome: 'pending', createdAt: at, updatedAt: at }));

  const tables = [db.matters, db.matterEvents, db.disputes, db.people, ...AUDIT_TABLES.map((t) => db.table(t))];
  await db.transaction('rw', tables, async () => {
    const unitIds = [...new Set(matters.map((m) => m.orgUnitId))];
    const units = await db.orgUnits.bulkGet(unitIds);
    if (units.some((u) => !u)) throw new MatterRefused(matterRefusal('importUnitGone'));
    const personIds = [
      ...new Set(matters.flatMap((m) => (m.raisedBy.kind === 'resident' ? [m.raisedBy.personId] : []))),
    ];
    if ((await db.people.bulkGet(personIds)).some((p) => !p))
      throw new MatterRefused(matterRefusal('importResidentGone'));
    const stored = await loadStoredMatterKeys(db, [...new Set(matters.map((m) => m.raisedAt))]);
    const again = matters.find((m) => stored.has(matterIdentity(m)));
    if (again) throw new MatterRefused(matterRefusal('importedAgain', { title: again.title }));
    await db.matters.bulkAdd(matters);
    await db.matterEvents.bulkAdd(events);
    if (disputes.length) await db.disputes.bulkAdd(disputes);
    // In the same transaction: the import and its entry in the audit log are stored together or not at all.
    await appendAudit(db, { action: 'import', summary: `从表格导入说事事项${matters.length}件（登记人${by}）` });
  });
  return matters.length;
}
