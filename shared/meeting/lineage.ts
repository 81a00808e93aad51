import type { Amendment } from '../domain/meeting';
import { diffRecords } from './amend';
import { canonicalJson } from './fingerprint';
import { RECORD_LISTS, ROW_KEY, type MeetingRecord, type RecordList } from './record';

/**
 * How two signed versions of one meeting relate, when a meeting file meets the copy this
 * computer holds. A signed record only ever changes by 修订 (amend.ts), each amendment listing
 * its changes with the values before and after; so a copy amended further elsewhere can be told
 * from one changed in some other way by replaying those changes on the older copy and comparing.
 * Both records are taken as verified (their seals and amendment chains hold): this decides only
 * which one continues the other.
 */
export type Lineage =
  | { relation: 'same' }
  /** The file's record is this computer's, amended `amendments` times more. */
  | { relation: 'newer'; amendments: number }
  /** This computer's record is the file's, amended `amendments` times more. */
  | { relation: 'older'; amendments: number }
  /** Each holds something the other does not (or the changes do not replay): neither continues the other. */
  | { relation: 'diverged' };

/** The amendments from the first to the last, walked back from the stored fingerprint; null when the chain breaks. */
export function amendmentsInChainOrder(record: MeetingRecord): Amendment[] | null {
  const byAfter = new Map(record.amendments.map((a) => [a.fingerprintAfter, a]));
  const chain: Amendment[] = [];
  let current = record.meeting.fingerprint ?? '';
  for (let i = 0; i < record.amendments.length; i++) {
    const amendment = byAfter.get(current);
    if (!amendment) return null;
    chain.push(amendment);
    current = amendment.fingerprintBefore;
  }
  return chain.reverse();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One change as an amendment lists it (its values are optional once read from a file). */
type Change = Amendment['changes'][number];

const sameValue = (a: unknown, b: unknown) =>
  a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);

/**
 * Sets `keys` inside `target` to `after`, once the value there is `before` (deleted when `after`
 * is undefined). False when the value is not what the change says it was: a change only replays
 * on the record it was made on.
 */
function setAt(target: Record<string, unknown>, keys: readonly string[], change: Change): boolean {
  // A crafted path must not reach an object's prototype.
  if (keys.some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype')) return false;
  let parent = target;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(parent, key) ? parent[key] : undefined;
    if (!isPlainObject(next)) return false;
    parent = next;
  }
  const last = keys[keys.length - 1]!;
  const current = Object.hasOwn(parent, last) ? parent[last] : undefined;
  if (!sameValue(current, change.before)) return false;
  if (change.after === undefined) delete parent[last];
  else parent[last] = structuredClone(change.after);
  return true;
}

const LIST_PATH = /^([A-Za-z]+)\[([^\]]*)\]((?:\.[^.]+)*)$/;
const LISTS: ReadonlySet<string> = new Set(RECORD_LISTS.filter((list) => list !== 'amendments'));

/** A row added or removed whole, or a field of a row matched by its key. */
function applyToList(record: MeetingRecord, list: RecordList, id: string, rest: string, change: Change): boolean {
  const rows = record[list] as unknown as Array<Record<string, unknown>>;
  const key = ROW_KEY[list];
  const index = rows.findIndex((row) => String(row[key]) === id);
  if (rest === '') {
    if (index >= 0 ? !sameValue(rows[index], change.before) : change.before !== undefined) return false;
    if (index >= 0) rows.splice(index, 1);
    if (change.after === undefined) return true;
    if (!isPlainObject(change.after) || String(change.after[key]) !== id) return false;
    rows.push(structuredClone(change.after));
    return true;
  }
  return index >= 0 && setAt(rows[index]!, rest.slice(1).split('.'), change);
}

/** Applies one change as diffRecords wrote it (`meeting.place`, `decisions[<id>].deadline`, `votes[<id>]`). */
function applyChange(record: MeetingRecord, change: Change): boolean {
  const listPath = LIST_PATH.exec(change.path);
  if (listPath) {
    const [, list, id, rest] = listPath as unknown as [string, string, string, string];
    return LISTS.has(list) && applyToList(record, list as RecordList, id, rest, change);
  }
  const [head, ...keys] = change.path.split('.');
  if (head === 'meeting' && keys.length > 0)
    return setAt(record.meeting as unknown as Record<string, unknown>, keys, change);
  if ((head === 'orgPath' || head === 'documentOrgName') && keys.length === 0)
    return setAt(record as unknown as Record<string, unknown>, [head], change);
  return false;
}

/** True when `longer` is `base` amended further: its first amendments are base's, and the rest replay onto base. */
function continues(base: MeetingRecord, longer: MeetingRecord): boolean {
  const baseChain = amendmentsInChainOrder(base);
  const longChain = amendmentsInChainOrder(longer);
  if (!baseChain || !longChain || longChain.length <= baseChain.length) return false;
  if (baseChain.some((a, i) => canonicalJson(a) !== canonicalJson(longChain[i]))) return false;
  const added = longChain.slice(baseChain.length);
  if (added[0]!.fingerprintBefore !== base.meeting.fingerprint) return false;
  const replayed = structuredClone(base);
  for (const amendment of added)
    for (const change of amendment.changes) if (!applyChange(replayed, change)) return false;
  return diffRecords(replayed, longer).length === 0;
}

/** See Lineage. Two records of different meetings are never related. */
export function recordLineage(local: MeetingRecord, file: MeetingRecord): Lineage {
  if (local.meeting.id !== file.meeting.id) return { relation: 'diverged' };
  if (local.meeting.fingerprint !== undefined && local.meeting.fingerprint === file.meeting.fingerprint)
    return { relation: 'same' };
  const more = file.amendments.length - local.amendments.length;
  if (more > 0 && continues(local, file)) return { relation: 'newer', amendments: more };
  if (more < 0 && continues(file, local)) return { relation: 'older', amendments: -more };
  return { relation: 'diverged' };
}
