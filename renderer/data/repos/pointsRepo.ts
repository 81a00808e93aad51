import type { z } from 'zod';
import {
  awardPoints,
  balanceOf,
  DEFAULT_POINTS_RULES,
  ledgerByResident,
  pointsEntrySchema,
  POINTS_AWARD_LABELS,
  pointsRefusal,
  redeemRefusal,
  reversalRefusal,
  standingAwards,
  residentKeyOf,
  type Balance,
  type PointsAward,
  type PointsEntry,
  type PointsRules,
  type ResidentBalance,
} from '../../../shared/matters/points';
import { newId } from '../../../shared/ids';
import { firstIssueMessage } from '../../../shared/validation/messages';
import type { YishiDb } from '../db';
import { loadSettings } from '../settingsStore';
import { recordMatterEvent } from './matterEvents';
import { MatterRefused } from './matterRefused';

function checked(row: unknown): PointsEntry {
  const result = pointsEntrySchema.safeParse(row);
  if (!result.success)
    throw new MatterRefused(
      firstIssueMessage(result.error as z.ZodError, { root: { kind: 'row', table: 'pointsEntries' }, input: row }),
    );
  return result.data;
}

function entriesOf(db: YishiDb, residentKey: string): Promise<PointsEntry[]> {
  return db.pointsEntries.where('residentKey').equals(residentKey).toArray();
}

/** The award a matter earned (金点子 / 好法子) and that no reversal took back, if any. */
export async function loadMatterAward(db: YishiDb, matterId: string): Promise<PointsEntry | undefined> {
  return standingAwards(await db.pointsEntries.where('matterId').equals(matterId).toArray())[0];
}

/**
 * 撤销 an award given in error: a new 'reverse' entry naming the award, with the reason, and the
 * matter's timeline step — one transaction. The award's row is never changed; the resident's
 * balance never goes below zero (shared/matters/points.ts reversalRefusal).
 */
export async function reverseAward(
  db: YishiDb,
  matterId: string,
  why: string,
  by: string,
  now = new Date(),
): Promise<PointsEntry> {
  return db.transaction('rw', [db.matters, db.matterEvents, db.pointsEntries], async () => {
    const matter = await db.matters.get(matterId);
    if (!matter) throw new MatterRefused(pointsRefusal('matterMissing'));
    const award = await loadMatterAward(db, matterId);
    if (!award) throw new MatterRefused(pointsRefusal('noAward'));
    const refusal = reversalRefusal(await entriesOf(db, award.residentKey), award.id, why);
    if (refusal) throw new MatterRefused(refusal);
    const label = POINTS_AWARD_LABELS[award.award ?? 'golden'];
    const entry = checked({
      id: newId(),
      residentKey: award.residentKey,
      residentName: award.residentName,
      ...(award.personId && { personId: award.personId }),
      kind: 'reverse',
      points: award.points,
      ...(award.award && { award: award.award }),
      matterId,
      reverses: award.id,
      reason: `撤销${label}：${matter.title}（${why.trim()}）`.slice(0, 200),
      at: now.toISOString(),
      by,
    });
    await db.pointsEntries.add(entry);
    await recordMatterEvent(
      db,
      {
        matterId,
        kind: 'pointsReversed',
        by,
        note: `撤销${label}，${award.residentName}扣回${award.points}分：${why.trim()}`,
      },
      now,
    );
    return entry;
  });
}

/**
 * 评为金点子 / 好法子: the raiser earns the points the rules give now, written with the matter's
 * timeline step in one transaction. A matter earns once; anonymous raisers cannot earn.
 */
export async function awardMatter(
  db: YishiDb,
  matterId: string,
  award: PointsAward,
  by: string,
  now = new Date(),
): Promise<PointsEntry> {
  return db.transaction('rw', [db.matters, db.matterEvents, db.pointsEntries, db.settings], async () => {
    const matter = await db.matters.get(matterId);
    if (!matter) throw new MatterRefused(pointsRefusal('matterMissing'));
    if (matter.mergedInto) throw new MatterRefused(pointsRefusal('matterMerged'));
    const resident = residentKeyOf(matter.raisedBy);
    if (!resident)
      throw new MatterRefused(pointsRefusal(matter.raisedBy.kind === 'anonymous' ? 'anonymous' : 'noPhone'));
    const earlier = await loadMatterAward(db, matterId);
    if (earlier) throw new MatterRefused(pointsRefusal('awardedAlready', {}, { award: earlier.award ?? 'golden' }));
    const rules = (await loadSettings(db)).pointsRules ?? DEFAULT_POINTS_RULES;
    const points = awardPoints(rules, award);
    if (points < 1) throw new MatterRefused(pointsRefusal('zeroPoints', {}, { award }));
    const entry = checked({
      id: newId(),
      residentKey: resident.key,
      residentName: resident.name,
      ...(resident.personId && { personId: resident.personId }),
      kind: 'earn',
      points,
      award,
      matterId,
      reason: `${POINTS_AWARD_LABELS[award]}：${matter.title}`,
      at: now.toISOString(),
      by,
    });
    await db.pointsEntries.add(entry);
    await recordMatterEvent(
      db,
      { matterId, kind: 'pointsAwarded', by, note: `评为${POINTS_AWARD_LABELS[award]}，${resident.name}得${points}分` },
      now,
    );
    return entry;
  });
}

/** 兑换: takes points for a service; refused when the balance would go below zero. */
export async function redeemPoints(
  db: YishiDb,
  residentKey: string,
  points: number,
  service: string,
  by: string,
  now = new Date(),
): Promise<PointsEntry> {
  return db.transaction('rw', [db.pointsEntries], async () => {
    const entries = await entriesOf(db, residentKey);
    const first = entries[0];
    if (!first) throw new MatterRefused(pointsRefusal('residentWithoutPoints'));
    const refusal = redeemRefusal(entries, points, service);
    if (refusal) throw new MatterRefused(refusal);
    const entry = checked({
      id: newId(),
      residentKey,
      residentName: first.residentName,
      ...(first.personId && { personId: first.personId }),
      kind: 'redeem',
      points,
      reason: service.trim(),
      at: now.toISOString(),
      by,
    });
    await db.pointsEntries.add(entry);
    return entry;
  });
}

/** Every resident with points, highest balance first. The ledger is small (one row per award or redemption). */
export async function loadPointsLedger(db: YishiDb): Promise<ResidentBalance[]> {
  return ledgerByResident(await db.pointsEntries.orderBy('at').toArray());
}

/** One resident's entries, newest first, with the totals. */
export async function loadResidentPoints(
  db: YishiDb,
  residentKey: string,
): Promise<{ entries: PointsEntry[]; totals: Balance }> {
  const entries = await entriesOf(db, residentKey);
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { entries, totals: balanceOf(entries) };
}

export function rulesOf(settings: { pointsRules?: PointsRules | undefined }): PointsRules {
  return settings.pointsRules ?? DEFAULT_POINTS_RULES;
}
