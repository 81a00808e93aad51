import Dexie from 'dexie';
import { today as todayOf } from '../../../shared/dates';
import { BRIEFING_TITLE, briefingSchema } from '../../../shared/domain/briefing';
import type { AgendaItem } from '../../../shared/domain/meeting';
import { descendantIds } from '../../../shared/domain/org';
import { followupRefusal } from '../../../shared/followup/access';
import { latestSteps } from '../../../shared/followup/board';
import { buildBriefing } from '../../../shared/workbench/briefing';
import { proposedMatters } from '../../../shared/workbench/nextMeeting';
import type { YishiDb } from '../db';
import { rowsWithAnyOf } from '../indexReads';
import { addAgendaItem, addItemFromMatter } from './agendaRepo';
import { requireEditable } from './meetingGuard';
import { loadMatterLinks, MatterRefused, type MatterWithStage } from './mattersRepo';
import { matterRefusal } from '../../../shared/matters/refusals';
import { matterStage, NO_LINKS } from '../../../shared/domain/matterStage';

/**
 * Preparing a 党群议事日: the open 待办件 of its compound offered for its agenda, and the
 * 上月决定事项落实情况通报 generated from the follow-up of the compound's earlier meetings.
 */

/**
 * The open 待办件 of these units with their stages. Only the rows on the 待办件 path and not closed
 * or merged are read, and get their links read (agenda items, meetings, decisions): ten years of
 * a compound's matters are mostly closed, and reading them was the 工作台's slowest part.
 */
export async function loadOpenPendingMatters(db: YishiDb, orgUnitIds: readonly string[]): Promise<MatterWithStage[]> {
  // The schema-5 index holds open matters only: ten years of closed ones are never read. One getAll
  // per unit (indexReads.ts): anyOf's cursor, once per compound of the 工作台's next meetings, took
  // 154 ms for 64 rows at ×1.
  const keys = orgUnitIds.map((u) => [1, 'pending', u]);
  const matters = (await rowsWithAnyOf(db.matters, '[open+path+orgUnitId]', keys)).filter(
    (m) => m.path === 'pending' && !m.closedAt && !m.mergedInto,
  );
  const links = await loadMatterLinks(
    db,
    matters.map((m) => m.id),
  );
  return matters
    .map((matter) => {
      const l = links.get(matter.id) ?? NO_LINKS;
      return { matter, stage: matterStage(matter, l), links: l };
    })
    .sort((a, b) => (a.matter.raisedAt < b.matter.raisedAt ? -1 : a.matter.raisedAt > b.matter.raisedAt ? 1 : 0));
}

/** The 待办件 of the meeting's compound it may take up: open, on no other agenda, not on this one. */
export async function loadProposedMatters(db: YishiDb, meetingId: string): Promise<MatterWithStage[]> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return [];
  const units = await db.orgUnits.toArray();
  const [list, items] = await Promise.all([
    loadOpenPendingMatters(db, [...descendantIds(units, meeting.orgUnitId)]),
    db.agendaItems.where('meetingId').equals(meetingId).toArray(),
  ]);
  return proposedMatters(list, new Set(items.flatMap((i) => (i.matterId ? [i.matterId] : []))));
}

/**
 * Puts the chosen 待办件 on the agenda, all or none: each is checked again inside the transaction,
 * so a matter put on another meeting meanwhile (another window) refuses the whole step rather than
 * being taken up twice.
 */
export async function addItemsFromMatters(
  db: YishiDb,
  meetingId: string,
  matterIds: readonly string[],
  by = '',
): Promise<AgendaItem[]> {
  return db.transaction('rw', [db.meetings, db.agendaItems, db.matterEvents, db.matters, db.decisions], async () => {
    const matters = await db.matters.bulkGet([...new Set(matterIds)]);
    const links = await loadMatterLinks(db, [...new Set(matterIds)]);
    const added: AgendaItem[] = [];
    for (const matter of matters) {
      if (!matter) throw new MatterRefused(matterRefusal('matterMissing'));
      const stage = matterStage(matter, links.get(matter.id) ?? NO_LINKS);
      if (proposedMatters([{ matter, stage }]).length === 0)
        throw new MatterRefused(matterRefusal('matterTaken', { title: matter.title }));
      added.push(await addItemFromMatter(db, meetingId, matter, by));
    }
    return added;
  });
}

/**
 * Generates (or brings up to date) the 上月决定事项落实情况通报 of a meeting: the item of that title
 * the template put on the agenda, or a new one at the top. Its content is a snapshot of the
 * follow-up on `now`'s day (shared/domain/briefing.ts says why).
 */
export async function generateBriefing(db: YishiDb, meetingId: string, now = new Date()): Promise<AgendaItem> {
  return db.transaction('rw', [db.meetings, db.agendaItems, db.decisions, db.decisionProgress], async () => {
    const meeting = await requireEditable(db, meetingId, 'agenda');
    const earlier = await db.meetings
      .where('[orgUnitId+startAt]')
      .between([meeting.orgUnitId, Dexie.minKey], [meeting.orgUnitId, meeting.startAt], true, false)
      .toArray();
    const followed = earlier.filter((m) => m.id !== meeting.id && followupRefusal(m.status) === null);
    const decisions = followed.length
      ? await db.decisions
          .where('meetingId')
          .anyOf(followed.map((m) => m.id))
          .filter((d) => d.status !== 'done')
          .toArray()
      : [];
    const steps = decisions.length
      ? await db.decisionProgress
          .where('decisionId')
          .anyOf(decisions.map((d) => d.id))
          .toArray()
      : [];
    const briefing = briefingSchema.parse(
      buildBriefing({
        decisions,
        meetings: followed,
        latest: latestSteps(steps),
        before: meeting.startAt,
        asOf: todayOf(now),
      }),
    );
    const items = await db.agendaItems.where('meetingId').equals(meetingId).sortBy('order');
    const existing = items.find((i) => i.title.trim() === BRIEFING_TITLE);
    if (existing) {
      const next = { ...existing, briefing };
      await db.agendaItems.put(next);
      return next;
    }
    const added = await addAgendaItem(db, meetingId, { title: BRIEFING_TITLE, plannedMinutes: 15 });
    // The report opens the meeting, as the template's own item would.
    const first = { ...added, briefing, order: (items[0]?.order ?? 1) - 1 };
    await db.agendaItems.put(first);
    return first;
  });
}
