import type { z } from 'zod';
import type { Matter } from '../../../shared/domain/matter';
import {
  DISPUTE_CATEGORY,
  DISPUTE_OUTCOME_LABELS,
  disputeSchema,
  isSettled,
  mediationSessionSchema,
  resolutionRate,
  type Dispute,
  type DisputeOutcome,
  type DisputeParty,
  type MediationSession,
  type ResolutionRate,
} from '../../../shared/matters/disputes';
import { newId } from '../../../shared/ids';
import { firstIssueMessage } from '../../../shared/validation/messages';
import type { YishiDb } from '../db';
import { recordMatterEvent } from './matterEvents';
import { MatterRefused } from './matterRefused';
import { matterRefusal } from '../../../shared/matters/refusals';

function parsed<T>(schema: z.ZodType<T>, table: string, row: unknown): T {
  const result = schema.safeParse(row);
  if (!result.success)
    throw new MatterRefused(
      firstIssueMessage(result.error as z.ZodError, { root: { kind: 'row', table }, input: row }),
    );
  return result.data;
}

/**
 * Keeps the disputes table in step with the register: a matter of the category 矛盾纠纷 is a
 * logged dispute (排查), counted by 化解率 from the moment it is registered. A matter moved out of
 * the category loses its dispute only while nothing was done on it; once mediated it stays counted.
 * Call inside the transaction that writes the matter (with db.disputes and db.mediationSessions in scope).
 */
export async function syncDisputeRow(db: YishiDb, matter: Matter, now: Date): Promise<void> {
  const existing = await db.disputes.get(matter.id);
  if (matter.category === DISPUTE_CATEGORY && !matter.mergedInto) {
    if (existing) return;
    const at = now.toISOString();
    await db.disputes.add(
      parsed(disputeSchema, 'disputes', {
        matterId: matter.id,
        parties: [],
        outcome: 'pending',
        createdAt: at,
        updatedAt: at,
      }),
    );
    return;
  }
  if (!existing || existing.outcome !== 'pending') return;
  if ((await db.mediationSessions.where('matterId').equals(matter.id).count()) === 0)
    await db.disputes.delete(matter.id);
}

const TABLES = (db: YishiDb) => [db.matters, db.matterEvents, db.disputes, db.mediationSessions, db.people];

async function requireDispute(db: YishiDb, matterId: string): Promise<{ matter: Matter; dispute: Dispute }> {
  const matter = await db.matters.get(matterId);
  if (!matter) throw new MatterRefused(matterRefusal('matterMissing'));
  const dispute = await db.disputes.get(matterId);
  if (!dispute) throw new MatterRefused(matterRefusal('notDispute'));
  return { matter, dispute };
}

export interface DisputeView {
  dispute: Dispute;
  sessions: MediationSession[];
}

/** The dispute of a matter with its sessions (oldest first), or null when the matter is not one. */
export async function loadDispute(db: YishiDb, matterId: string): Promise<DisputeView | null> {
  const dispute = await db.disputes.get(matterId);
  if (!dispute) return null;
  const sessions = await db.mediationSessions
    .where('[matterId+date]')
    .between([matterId, ''], [matterId, '\uffff'])
    .toArray();
  return { dispute, sessions };
}

/** 当事人 and 人民调解员. The mediator must be on the roster and marked 人民调解员. */
export async function saveDisputeParties(
  db: YishiDb,
  matterId: string,
  change: { parties: DisputeParty[]; mediatorId?: string | undefined },
  by: string,
  now = new Date(),
): Promise<Dispute> {
  return db.transaction('rw', TABLES(db), async () => {
    const { dispute } = await requireDispute(db, matterId);
    let mediator: Dispute['mediator'];
    if (change.mediatorId) {
      const person = await db.people.get(change.mediatorId);
      if (!person) throw new MatterRefused(matterRefusal('mediatorNotInRoster'));
      if (!person.isMediator) throw new MatterRefused(matterRefusal('notMediator', { name: person.name }));
      mediator = { personId: person.id, name: person.name };
    }
    const names = change.parties.map((p) => p.name.trim());
    if (new Set(names).size !== names.length) throw new MatterRefused(matterRefusal('partyTwice'));
    const { mediator: _old, ...rest } = dispute;
    const next = parsed(disputeSchema, 'disputes', {
      ...rest,
      parties: change.parties.map((p) => ({ name: p.name.trim(), ...(p.personId && { personId: p.personId }) })),
      ...(mediator && { mediator }),
      updatedAt: now.toISOString(),
    });
    await db.disputes.put(next);
    const note = `当事人：${names.join('、') || '（未填）'}；调解员：${mediator?.name ?? '（未定）'}`;
    await recordMatterEvent(db, { matterId, kind: 'disputeUpdated', by, note }, now);
    return next;
  });
}

/** Records one mediation session (调解): date, place, what was agreed. */
export async function addMediationSession(
  db: YishiDb,
  matterId: string,
  draft: Pick<MediationSession, 'date' | 'place' | 'agreed'>,
  by: string,
  now = new Date(),
): Promise<MediationSession> {
  const session = parsed(mediationSessionSchema, 'mediationSessions', {
    ...draft,
    id: newId(),
    matterId,
    createdAt: now.toISOString(),
    by,
  });
  return db.transaction('rw', TABLES(db), async () => {
    const { matter, dispute } = await requireDispute(db, matterId);
    if (isSettled(dispute.outcome))
      throw new MatterRefused(matterRefusal('disputeEnded', {}, { outcome: dispute.outcome }));
    if (session.date < matter.raisedAt) throw new MatterRefused(matterRefusal('sessionBeforeRaised'));
    await db.mediationSessions.add(session);
    await recordMatterEvent(
      db,
      { matterId, kind: 'mediationSession', by, note: `${session.place}：${session.agreed}` },
      now,
    );
    return session;
  });
}

/** 调解结果: 调解成功 / 调解未成功 / 转诉讼 (or back to 调解中, with the reason in the note). */
export async function setDisputeOutcome(
  db: YishiDb,
  matterId: string,
  outcome: DisputeOutcome,
  note: string,
  by: string,
  now = new Date(),
): Promise<Dispute> {
  if (!note.trim()) throw new MatterRefused(matterRefusal('outcomeNoteMissing'));
  return db.transaction('rw', TABLES(db), async () => {
    const { dispute } = await requireDispute(db, matterId);
    if (dispute.outcome === outcome) throw new MatterRefused(matterRefusal('outcomeAlready', {}, { outcome }));
    if (outcome === 'success' && (await db.mediationSessions.where('matterId').equals(matterId).count()) === 0)
      throw new MatterRefused(matterRefusal('noSessionYet'));
    const at = now.toISOString();
    const { outcomeAt: _a, outcomeNote: _n, ...rest } = dispute;
    const next = parsed(disputeSchema, 'disputes', {
      ...rest,
      outcome,
      ...(isSettled(outcome) && { outcomeAt: at, outcomeNote: note.trim() }),
      updatedAt: at,
    });
    await db.disputes.put(next);
    const words = `${DISPUTE_OUTCOME_LABELS[outcome]}：${note.trim()}`;
    await recordMatterEvent(db, { matterId, kind: 'disputeOutcome', by, note: words }, now);
    return next;
  });
}

/** 化解率 over every logged dispute, counted through the outcome index (no table read). */
export async function loadResolutionRate(db: YishiDb): Promise<ResolutionRate> {
  const [total, resolved] = await Promise.all([
    db.disputes.count(),
    db.disputes.where('outcome').equals('success').count(),
  ]);
  return resolutionRate(total, resolved);
}
