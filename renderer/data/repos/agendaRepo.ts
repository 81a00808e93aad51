import { agendaItemSchema, type AgendaItem } from '../../../shared/domain/meeting';
import { raisedByLine, type Matter } from '../../../shared/domain/matter';
import { newId } from '../../../shared/ids';
import type { EditablePart } from '../../../shared/meeting/lifecycle';
import type { YishiDb } from '../db';
import { requireEditable } from './meetingGuard';
import { REFUSALS_ZH, Refusal, refusal } from '../../../shared/refusal';
import { recordMatterEvent } from './matterEvents';

export type AgendaDraft = Pick<AgendaItem, 'title' | 'plannedMinutes'> &
  Partial<Pick<AgendaItem, 'background' | 'raisedBy' | 'presenterId' | 'concerns' | 'matterId'>>;

export async function addAgendaItem(db: YishiDb, meetingId: string, draft: AgendaDraft): Promise<AgendaItem> {
  return db.transaction('rw', db.meetings, db.agendaItems, async () => {
    await requireEditable(db, meetingId, 'agenda');
    const items = await db.agendaItems.where('meetingId').equals(meetingId).toArray();
    const order = items.reduce((max, i) => Math.max(max, i.order), -1) + 1;
    const item = agendaItemSchema.parse({ concerns: [], ...draft, id: newId(), meetingId, order, state: 'pending' });
    await db.agendaItems.add(item);
    return item;
  });
}

/** Which parts of the meeting a change to an item touches: its outcome, its timing, or the agenda itself. */
function partsOf(patch: Partial<AgendaItem>): EditablePart[] {
  const parts = new Set<EditablePart>();
  for (const key of Object.keys(patch) as (keyof AgendaItem)[]) {
    if (key === 'resolution' || key === 'state') parts.add('itemOutcomes');
    else if (key === 'startedAt' || key === 'endedAt') parts.add('liveNavigation');
    else parts.add('agenda');
  }
  return [...parts];
}

/** The agenda item asked for is not (or no longer) stored: retrying will not bring it back. */
export class AgendaItemMissingError extends Refusal {
  constructor() {
    super('agendaItemMissing', REFUSALS_ZH.agendaItemMissing);
    this.name = 'AgendaItemMissingError';
  }
}

export async function updateAgendaItem(db: YishiDb, id: string, patch: Partial<AgendaItem>): Promise<AgendaItem> {
  return db.transaction('rw', db.meetings, db.agendaItems, async () => {
    const item = await db.agendaItems.get(id);
    if (!item) throw new AgendaItemMissingError();
    for (const part of partsOf(patch)) await requireEditable(db, item.meetingId, part);
    const next = agendaItemSchema.parse({ ...item, ...patch, id: item.id, meetingId: item.meetingId });
    await db.agendaItems.put(next);
    return next;
  });
}

export async function deleteAgendaItem(db: YishiDb, id: string): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.meetings,
      db.agendaItems,
      db.minutes,
      db.decisions,
      db.votes,
      db.householdConsultations,
      db.matters,
      db.matterEvents,
    ],
    async () => {
      const item = await db.agendaItems.get(id);
      if (!item) return;
      await requireEditable(db, item.meetingId, 'agendaRemoval');
      await db.agendaItems.delete(id);
      await releaseMatter(db, item);
      const remaining = (await db.agendaItems.where('meetingId').equals(item.meetingId).sortBy('order')).map(
        (i, order) => ({ ...i, order }),
      );
      await db.agendaItems.bulkPut(remaining);
    },
  );
}

/** Stores a new order of the meeting's items, e.g. after a drag or a keyboard move. */
export async function reorderAgenda(db: YishiDb, meetingId: string, orderedIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.meetings, db.agendaItems, async () => {
    await requireEditable(db, meetingId, 'agenda');
    const items = await db.agendaItems.where('meetingId').equals(meetingId).toArray();
    const position = new Map(orderedIds.map((id, i) => [id, i]));
    if (items.length !== orderedIds.length || items.some((i) => !position.has(i.id))) throw refusal('agendaChanged');
    await db.agendaItems.bulkPut(items.map((i) => ({ ...i, order: position.get(i.id) as number })));
  });
}

/** Moves one item up or down by one place. */
export function moveInList<T>(list: readonly T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/**
 * Moves the live meeting to an item: remembered on the meeting so a restart returns to it, and
 * stamped on the items so elapsed time survives a restart too.
 */
export async function goToItem(db: YishiDb, meetingId: string, itemId: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.meetings, db.agendaItems, async () => {
    const meeting = await requireEditable(db, meetingId, 'liveNavigation');
    const at = now.toISOString();
    const previous = meeting.currentAgendaItemId ? await db.agendaItems.get(meeting.currentAgendaItemId) : undefined;
    if (previous && previous.id !== itemId && previous.startedAt)
      await db.agendaItems.put({ ...previous, endedAt: at });
    const item = await db.agendaItems.get(itemId);
    if (!item || item.meetingId !== meetingId) throw new AgendaItemMissingError();
    const { endedAt: _ended, ...reopened } = item;
    await db.agendaItems.put({
      ...reopened,
      startedAt: item.startedAt ?? at,
      state: item.state === 'pending' ? 'discussed' : item.state,
    });
    await db.meetings.put({ ...meeting, currentAgendaItemId: itemId, updatedAt: at });
  });
}

/**
 * Puts a raised matter (居民说事) on the agenda, linked to it. The matter itself is not written: its
 * stage (上会) follows from the link (shared/domain/matterStage.ts); the step goes on its timeline.
 */
export async function addItemFromMatter(db: YishiDb, meetingId: string, matter: Matter, by = ''): Promise<AgendaItem> {
  return db.transaction('rw', db.meetings, db.agendaItems, db.matterEvents, async () => {
    const raisedBy = raisedByLine(matter);
    const item = await addAgendaItem(db, meetingId, {
      title: matter.title.slice(0, 100),
      background: matter.description?.slice(0, 5000),
      ...(raisedBy !== undefined && { raisedBy }),
      matterId: matter.id,
      plannedMinutes: 20,
    });
    const meeting = await db.meetings.get(meetingId);
    await recordMatterEvent(db, {
      matterId: matter.id,
      kind: 'onAgenda',
      by: by || meeting?.recorder?.name || '',
      note: meeting?.title,
      meetingId,
      agendaItemId: item.id,
    });
    return item;
  });
}

/** A matter whose item left the agenda (item removed, draft meeting deleted): its timeline says so. */
export async function releaseMatter(db: YishiDb, item: AgendaItem): Promise<void> {
  if (!item.matterId) return;
  const meeting = await db.meetings.get(item.meetingId);
  await recordMatterEvent(db, {
    matterId: item.matterId,
    kind: 'offAgenda',
    by: meeting?.recorder?.name ?? '',
    note: meeting?.title,
    meetingId: item.meetingId,
  });
}
