import { matterEventSchema, type MatterEvent } from '../../../shared/domain/matter';
import { newId } from '../../../shared/ids';
import type { YishiDb } from '../db';

export type MatterEventDraft = Omit<MatterEvent, 'id' | 'at'> & { at?: string };

/**
 * Adds one step to a matter's timeline. Call it inside the transaction that makes the change it
 * records (with db.matterEvents in its scope), so the step and the change are stored together or
 * not at all.
 */
export async function recordMatterEvent(db: YishiDb, draft: MatterEventDraft, now = new Date()): Promise<MatterEvent> {
  const event = matterEventSchema.parse({
    ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined)),
    id: newId(),
    at: await nextMoment(db, draft.matterId, draft.at ?? now.toISOString()),
  });
  await db.matterEvents.add(event);
  return event;
}

/**
 * The moment of a matter's next step: never before or equal to its last step, so steps written
 * in one transaction (登记 then 分流) keep their order on the timeline even within a millisecond
 * or when the clock was set back.
 */
async function nextMoment(db: YishiDb, matterId: string, at: string): Promise<string> {
  const last = await db.matterEvents.where('[matterId+at]').between([matterId, ''], [matterId, '\uffff']).last();
  if (!last || last.at < at) return at;
  const after = new Date(Date.parse(last.at) + 1);
  return Number.isNaN(after.getTime()) ? at : after.toISOString();
}

/** A matter's timeline as stored, oldest first. */
export function loadMatterEvents(db: YishiDb, matterId: string): Promise<MatterEvent[]> {
  return db.matterEvents.where('[matterId+at]').between([matterId, ''], [matterId, '\uffff']).toArray();
}
