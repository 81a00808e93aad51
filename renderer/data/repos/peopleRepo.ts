import { personSchema, duplicateKey, type Person } from '../../../shared/domain/person';
import { newId } from '../../../shared/ids';
import type { YishiDb } from '../db';
import { appendAudit, AUDIT_TABLES } from './auditRepo';

export type PersonDraft = Omit<Person, 'id' | 'initials' | 'createdAt' | 'updatedAt'> & { id?: string };

export type SaveOutcome = { ok: true; person: Person } | { ok: false; field: string; message: string };

/** Validates and stores a person; initials and timestamps are derived here, never typed. */
export async function savePerson(db: YishiDb, draft: PersonDraft, now = new Date()): Promise<SaveOutcome> {
  // The pinyin tables (~600 KB) load when a person is first saved, not with every screen that
  // reads people: the 说事登记's code took a task of ~120 ms to start with them.
  const { pinyinInitials } = await import('../../../shared/pinyin');
  const existing = draft.id ? await db.people.get(draft.id) : undefined;
  const candidate = {
    ...draft,
    id: draft.id ?? newId(),
    phone: draft.phone?.trim() || undefined,
    unit: draft.unit?.trim() || undefined,
    note: draft.note?.trim() || undefined,
    initials: pinyinInitials(draft.name ?? ''),
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const parsed = personSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, field: String(issue?.path[0] ?? ''), message: issue?.message ?? '' };
  }
  const clean = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Person;
  await db.people.put(clean);
  return { ok: true, person: clean };
}

/** Another roster entry with the same name and phone, if any. */
export async function findDuplicate(
  db: YishiDb,
  draft: { id?: string; name: string; phone?: string },
): Promise<Person | undefined> {
  const key = duplicateKey(draft);
  const sameName = await db.people.where('name').equals(draft.name.trim()).toArray();
  return sameName.find((p) => p.id !== draft.id && duplicateKey(p) === key);
}

export async function deletePerson(db: YishiDb, id: string): Promise<void> {
  await db.people.delete(id);
}

/**
 * Adds all people in one transaction: a failure leaves the roster exactly as it was. An import
 * from a sheet (`imported`) is noted in the audit log in the same transaction.
 */
export async function addPeople(db: YishiDb, people: readonly Person[], imported = false): Promise<void> {
  await db.transaction('rw', [db.people, ...AUDIT_TABLES.map((t) => db.table(t))], async () => {
    await db.people.bulkAdd(people.map((p) => personSchema.parse(p)));
    if (imported) await appendAudit(db, { action: 'import', summary: `从表格导入人员名册${people.length}人` });
  });
}

/** The whole roster (a district has tens of thousands: screens that page should not use this). */
export function loadPeople(db: YishiDb): Promise<Person[]> {
  return db.people.toArray();
}

/** The roster in pinyin order, e.g. for choosing the default 记录人. */
export function loadPeopleByInitials(db: YishiDb): Promise<Person[]> {
  return db.people.orderBy('initials').toArray();
}

/** How many people belong to these units. */
export function countPeopleIn(db: YishiDb, orgUnitIds: readonly string[]): Promise<number> {
  return db.people
    .where('orgUnitId')
    .anyOf([...orgUnitIds])
    .count();
}
