import type { z } from 'zod';
import { matterSchema, type Matter, type MatterPath, type Raiser } from '../../../shared/domain/matter';
import {
  actionRefusal,
  matterStage,
  NO_LINKS,
  stageNeedsLinks,
  type MatterAction,
  type MatterLinks,
  type MatterStage,
} from '../../../shared/domain/matterStage';
import { newId } from '../../../shared/ids';
import { firstIssueMessage } from '../../../shared/validation/messages';
import type { YishiDb } from '../db';
import { recordMatterEvent } from './matterEvents';
import { MatterRefused } from './matterRefused';
import { matterRefusal } from '../../../shared/matters/refusals';
import { syncDisputeRow } from './disputesRepo';
import { loadLadderStandings } from './ladderStandingRepo';
import { rowsWithAnyOf } from '../indexReads';
import { newestRaisedFirst } from '../../../shared/matters/matterList';
import type { LadderStanding } from '../../../shared/escalation/standing';

export { loadMatterEvents } from './matterEvents';

export { MatterRefused } from './matterRefused';

/** What the 登记 form collects. */
export type MatterDraft = Pick<
  Matter,
  'orgUnitId' | 'raisedBy' | 'channel' | 'raisedAt' | 'category' | 'title' | 'urgency'
> &
  Partial<Pick<Matter, 'address' | 'description'>> & { path?: MatterPath };

/** The fields an edit may change. */
export type MatterEdit = Partial<Omit<MatterDraft, 'path'>>;

const TABLES = (db: YishiDb) => [
  db.matters,
  db.matterEvents,
  db.agendaItems,
  db.meetings,
  db.decisions,
  db.orgUnits,
  db.people,
  db.disputes,
  db.mediationSessions,
];

/** Parses a matter row, or refuses it with the field named in Chinese. */
function checked(row: unknown): Matter {
  const result = matterSchema.safeParse(row);
  if (!result.success)
    throw new MatterRefused(
      firstIssueMessage(result.error as z.ZodError, { root: { kind: 'row', table: 'matters' }, input: row }),
    );
  return result.data;
}

/** Empty optional text is no text: a cleared 地点 is removed, not stored as ''. */
function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

async function requireKnownRefs(db: YishiDb, orgUnitId: string, raiser: Raiser): Promise<void> {
  if (!(await db.orgUnits.get(orgUnitId))) throw new MatterRefused(matterRefusal('unitMissing'));
  if (raiser.kind === 'resident' && !(await db.people.get(raiser.personId)))
    throw new MatterRefused(matterRefusal('raiserNotInRoster'));
}

/** The agenda items that carry these matters, their meetings and decisions, per matter. */
export async function loadMatterLinks(db: YishiDb, matterIds: readonly string[]): Promise<Map<string, MatterLinks>> {
  // One getAll per key (indexReads.ts): Dexie's anyOf walks a cursor a round trip per row.
  const items = await rowsWithAnyOf(db.agendaItems, 'matterId', matterIds);
  const meetingIds = [...new Set(items.map((i) => i.meetingId))];
  const meetings = new Map((await db.meetings.bulkGet(meetingIds)).flatMap((m) => (m ? [[m.id, m] as const] : [])));
  const decisions = await rowsWithAnyOf(
    db.decisions,
    'agendaItemId',
    items.map((i) => i.id),
  );
  const links = new Map<
    string,
    { items: MatterLinks['items'][number][]; decisions: MatterLinks['decisions'][number][] }
  >();
  for (const item of items) {
    const meeting = meetings.get(item.meetingId);
    if (!meeting || !item.matterId) continue;
    const entry = links.get(item.matterId) ?? { items: [], decisions: [] };
    entry.items.push({ item, meeting });
    entry.decisions.push(...decisions.filter((d) => d.agendaItemId === item.id));
    links.set(item.matterId, entry);
  }
  return links;
}

async function stageOf(db: YishiDb, matter: Matter): Promise<MatterStage> {
  return matterStage(matter, (await loadMatterLinks(db, [matter.id])).get(matter.id) ?? NO_LINKS);
}

/** Loads a matter and refuses the action when its stage does not allow it. */
async function requireAction(db: YishiDb, id: string, action: MatterAction): Promise<Matter> {
  const matter = await db.matters.get(id);
  if (!matter) throw new MatterRefused(matterRefusal('matterMissing'));
  const refusal = actionRefusal(await stageOf(db, matter), action);
  if (refusal) throw new MatterRefused(refusal);
  return matter;
}

export interface MatterWithStage extends MatterListRow {
  links: MatterLinks;
}

/** A matter as the lists show it: its stage, and a 上报件's place on the ladder. */
export interface MatterListRow {
  matter: Matter;
  stage: MatterStage;
  /** A 上报件's place on the ladder (上报中·审议, 吹哨报到 1/2, 待评议…); absent for other paths. */
  standing?: LadderStanding;
}

/**
 * The matters (居民说事) raised in these units, each with its computed stage, newest first. Only
 * an open 待办件's stage depends on its meetings (shared/domain/matterStage.ts): only those
 * matters' agenda items and decisions are read — not every agenda item that ever carried one of
 * ten years of matters.
 */
export async function loadMatterList(db: YishiDb, orgUnitIds: readonly string[]): Promise<MatterListRow[]> {
  const matters = await rowsWithAnyOf(db.matters, 'orgUnitId', orgUnitIds);
  const links = await loadMatterLinks(
    db,
    matters.filter(stageNeedsLinks).map((m) => m.id),
  );
  const standings = await loadLadderStandings(db, matters);
  return matters
    .map((matter) => {
      const standing = standings.get(matter.id);
      return { matter, stage: matterStage(matter, links.get(matter.id) ?? NO_LINKS), ...(standing && { standing }) };
    })
    .sort(newestRaisedFirst);
}

/** One matter with its stage and links; undefined when it does not exist. */
export async function loadMatter(db: YishiDb, id: string): Promise<MatterWithStage | undefined> {
  const matter = await db.matters.get(id);
  if (!matter) return undefined;
  const links = (await loadMatterLinks(db, [id])).get(id) ?? NO_LINKS;
  const standing = (await loadLadderStandings(db, [matter])).get(id);
  return { matter, stage: matterStage(matter, links), links, ...(standing && { standing }) };
}

/**
 * Registers a matter (登记) and, when the form already chose one, its handling path — one
 * transaction with its timeline. With `mergeInto` the new matter is registered and merged at
 * once ("合并到此事项"): its raiser joins the kept matter, and both timelines show it.
 */
export async function registerMatter(
  db: YishiDb,
  draft: MatterDraft,
  by: string,
  options: { mergeInto?: string; now?: Date } = {},
): Promise<Matter> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const { path = 'untriaged', ...fields } = draft;
  // 上报 needs its reason, said through escalateMatter after registration.
  if (path === 'escalate') throw new MatterRefused(matterRefusal('registerEscalate'));
  const matter = checked(
    withoutEmpty({ ...fields, id: newId(), path, alsoRaisedBy: [], createdAt: at, updatedAt: at }),
  );
  return db.transaction('rw', TABLES(db), async () => {
    await requireKnownRefs(db, matter.orgUnitId, matter.raisedBy);
    await db.matters.add(matter);
    await syncDisputeRow(db, matter, now);
    await recordMatterEvent(db, { matterId: matter.id, kind: 'registered', by, note: matter.channel }, now);
    if (path !== 'untriaged')
      await recordMatterEvent(db, { matterId: matter.id, kind: 'triaged', by, note: path }, now);
    if (options.mergeInto) return mergeWithin(db, matter.id, options.mergeInto, by, now);
    return matter;
  });
}

export async function editMatter(
  db: YishiDb,
  id: string,
  patch: MatterEdit,
  by: string,
  now = new Date(),
): Promise<Matter> {
  return db.transaction('rw', TABLES(db), async () => {
    const matter = await requireAction(db, id, 'edit');
    const cleared = Object.keys(patch).filter(
      (k) => patch[k as keyof MatterEdit] === '' || patch[k as keyof MatterEdit] === undefined,
    );
    const base = Object.fromEntries(Object.entries(matter).filter(([k]) => !cleared.includes(k)));
    const next = checked({ ...base, ...withoutEmpty(patch), id, updatedAt: now.toISOString() });
    await requireKnownRefs(db, next.orgUnitId, next.raisedBy);
    await db.matters.put(next);
    await syncDisputeRow(db, next, now);
    await recordMatterEvent(db, { matterId: id, kind: 'edited', by }, now);
    return next;
  });
}

/** 分流: sets the handling path (即办件 / 待办件 / 上报件). */
export async function triageMatter(
  db: YishiDb,
  id: string,
  path: Exclude<MatterPath, 'untriaged'>,
  by: string,
  now = new Date(),
): Promise<Matter> {
  return db.transaction('rw', TABLES(db), async () => {
    const matter = await requireAction(db, id, 'triage');
    if (matter.path === path) return matter;
    if (path === 'escalate') throw new MatterRefused(matterRefusal('triageEscalate'));
    const next = checked({ ...matter, path, updatedAt: now.toISOString() });
    await db.matters.put(next);
    await recordMatterEvent(db, { matterId: id, kind: 'triaged', by, note: path }, now);
    return next;
  });
}

/** A 即办件 handled and closed in one step: who did what, and the result. */
export async function handleAndClose(
  db: YishiDb,
  id: string,
  record: { by: string; action: string; result: string },
  clerk: string,
  now = new Date(),
): Promise<Matter> {
  return db.transaction('rw', TABLES(db), async () => {
    const matter = await requireAction(db, id, 'handle');
    const at = now.toISOString();
    const next = checked({
      ...matter,
      handling: { ...record, at },
      closedAt: at,
      closingNote: record.result,
      updatedAt: at,
    });
    await db.matters.put(next);
    await recordMatterEvent(
      db,
      { matterId: id, kind: 'handled', by: record.by, note: `${record.action}；${record.result}` },
      now,
    );
    await recordMatterEvent(db, { matterId: id, kind: 'closed', by: clerk, note: record.result }, now);
    return next;
  });
}

/** 上报: marks the matter 上报件 with its reason (the escalation ladder comes later). */
export async function escalateMatter(
  db: YishiDb,
  id: string,
  reason: string,
  by: string,
  now = new Date(),
): Promise<Matter> {
  if (!reason.trim()) throw new MatterRefused(matterRefusal('escalateReasonMissing'));
  return db.transaction('rw', TABLES(db), async () => {
    const matter = await requireAction(db, id, 'escalate');
    const next = checked({
      ...matter,
      path: 'escalate',
      escalationReason: reason.trim(),
      updatedAt: now.toISOString(),
    });
    await db.matters.put(next);
    await recordMatterEvent(db, { matterId: id, kind: 'escalated', by, note: next.escalationReason }, now);
    return next;
  });
}

/** 办结: the matter is done with; the note says how it ended. */
export async function closeMatter(
  db: YishiDb,
  id: string,
  note: string,
  by: string,
  now = new Date(),
): Promise<Matter> {
  if (!note.trim()) throw new MatterRefused(matterRefusal('closeNoteMissing'));
  return db.transaction('rw', TABLES(db), async () => {
    const matter = await requireAction(db, id, 'close');
    const at = now.toISOString();
    const next = checked({ ...matter, closedAt: at, closingNote: note.trim(), updatedAt: at });
    await db.matters.put(next);
    await recordMatterEvent(db, { matterId: id, kind: 'closed', by, note: next.closingNote }, now);
    return next;
  });
}

/**
 * 合并: `fromId` was raised again as `intoId`. The kept matter keeps every raiser; the merged one
 * points to it and leaves the register's open list; both timelines show the step.
 */
export async function mergeMatter(
  db: YishiDb,
  fromId: string,
  intoId: string,
  by: string,
  now = new Date(),
): Promise<Matter> {
  // An async arrow: Dexie keeps the transaction across native awaits only for async functions.
  return db.transaction('rw', TABLES(db), async () => mergeWithin(db, fromId, intoId, by, now));
}

async function mergeWithin(db: YishiDb, fromId: string, intoId: string, by: string, now: Date): Promise<Matter> {
  if (fromId === intoId) throw new MatterRefused(matterRefusal('mergeSelf'));
  const from = await requireAction(db, fromId, 'merge');
  const into = await db.matters.get(intoId);
  if (!into) throw new MatterRefused(matterRefusal('mergeTargetMissing'));
  const intoStage = await stageOf(db, into);
  if (intoStage === 'merged' || intoStage === 'closed') throw new MatterRefused(matterRefusal('mergeTargetNotOpen'));
  const at = now.toISOString();
  const kept = checked({
    ...into,
    alsoRaisedBy: [...into.alsoRaisedBy, from.raisedBy, ...from.alsoRaisedBy],
    updatedAt: at,
  });
  const merged = checked({ ...from, mergedInto: intoId, alsoRaisedBy: [], updatedAt: at });
  await db.matters.bulkPut([kept, merged]);
  await syncDisputeRow(db, merged, now);
  await recordMatterEvent(db, { matterId: fromId, kind: 'merged', by, otherMatterId: intoId }, now);
  await recordMatterEvent(db, { matterId: intoId, kind: 'absorbed', by, otherMatterId: fromId }, now);
  return kept;
}

/** The titles of these matters (the other side of a merge), by id. */
export async function loadMatterTitles(db: YishiDb, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.matters.bulkGet([...new Set(ids)]);
  return new Map(rows.flatMap((m) => (m ? [[m.id, m.title] as const] : [])));
}
