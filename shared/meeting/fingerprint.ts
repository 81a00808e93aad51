import type { Decision } from '../domain/decision';
import type { Amendment, Meeting } from '../domain/meeting';
import { orderRecord, type MeetingRecord } from './record';

/**
 * The seal of a signed meeting record.
 *
 * Scheme: `meeting.fingerprint` = SHA-256 (hex) of the UTF-8 bytes of
 * `canonicalJson(recordForSealing(record))`. What is left out, and why:
 * - `meeting.fingerprint`: the hash cannot cover itself;
 * - `meeting.updatedAt`: storage bookkeeping, touched without any change of content;
 * - each amendment's `fingerprintAfter`: the newest one equals the fingerprint itself. They are
 *   still checked, as a chain (see `verifyRecord`), so none of them can be altered unnoticed;
 * - each decision's `status` (open → done/overdue → rated): follow-up after the meeting, not
 *   what the meeting decided. Sealing it would make every 办结 or rating break the seal.
 * Everything else, amendments included, is covered: appending an amendment re-seals the record.
 *
 * The fingerprint detects changes made outside the app's amendment path (a file edited by hand,
 * a row changed in the database). It is not a signature: whoever has this code can re-seal. What
 * proves who sealed it is the installation's Ed25519 signature over the fingerprint, stored beside
 * the record (shared/signing/); 核验 goes through `signatureVerdict` there.
 */

export type CanonicalJsonErrorCode = 'nonFiniteNumber' | 'unsupportedValue' | 'cycle';

export class CanonicalJsonError extends Error {
  constructor(
    readonly code: CanonicalJsonErrorCode,
    readonly path: string,
  ) {
    super(`canonicalJson: ${code} at ${path || '(root)'}`);
    this.name = 'CanonicalJsonError';
  }
}

/** Orders strings by Unicode code point (plain `<` compares UTF-16 units, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done || cb.done) return ca.done && cb.done ? 0 : ca.done ? -1 : 1;
    const diff = (ca.value.codePointAt(0) ?? 0) - (cb.value.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function canonicalNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError('nonFiniteNumber', path);
  // JSON.stringify already gives the shortest round-trip form; only -0 needs care ("0").
  return Object.is(value, -0) ? '0' : JSON.stringify(value);
}

/** Where a value sits, kept as links to its parent: the path is only spelled out for an error. */
interface PathLink {
  parent: PathLink | null;
  key: string | number;
}

function pathOf(link: PathLink | null): string {
  const keys: Array<string | number> = [];
  for (let at = link; at; at = at.parent) keys.push(at.key);
  let path = '';
  for (const key of keys.reverse()) path = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
  return path;
}

/** A step of the serialisation: a value to write, text to write, or a container to leave. */
type Task = { value: unknown; at: PathLink | null } | { text: string } | { leave: object };

/** Writes a scalar, or opens a container and schedules its members (in reverse, as tasks pop). */
function step(value: unknown, at: PathLink | null, out: string[], tasks: Task[], open: Set<object>): void {
  if (value === null) return void out.push('null');
  switch (typeof value) {
    case 'boolean':
      return void out.push(value ? 'true' : 'false');
    case 'number':
      return void out.push(canonicalNumber(value, pathOf(at)));
    case 'string':
      return void out.push(JSON.stringify(value));
    case 'object':
      break;
    default:
      // undefined, bigint, symbol, function: JSON has no faithful form for them.
      throw new CanonicalJsonError('unsupportedValue', pathOf(at));
  }
  const container = value as object;
  if (open.has(container)) throw new CanonicalJsonError('cycle', pathOf(at));
  if (Array.isArray(container)) {
    open.add(container);
    out.push('[');
    tasks.push({ leave: container }, { text: ']' });
    for (let i = container.length - 1; i >= 0; i--) {
      const item: unknown = container[i];
      // As JSON.stringify does: an undefined array slot becomes null (dropping it would shift indexes).
      tasks.push(item === undefined ? { text: 'null' } : { value: item, at: { parent: at, key: i } });
      if (i > 0) tasks.push({ text: ',' });
    }
    return;
  }
  // Dates, Maps, class instances: refuse rather than hash something that is not what it looks like.
  if (!isPlainObject(container)) throw new CanonicalJsonError('unsupportedValue', pathOf(at));
  open.add(container);
  const keys = Object.keys(container)
    .filter((k) => container[k] !== undefined)
    .sort(compareCodePoints);
  out.push('{');
  tasks.push({ leave: container }, { text: '}' });
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i]!;
    tasks.push(
      { value: container[key], at: { parent: at, key } },
      { text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` },
    );
  }
}

/**
 * Deterministic JSON: object keys sorted by code point, arrays in order, undefined members
 * dropped, -0 written as 0. Throws `CanonicalJsonError` for NaN/Infinity, cycles and values
 * that are not plain JSON data. Iterative, so no depth of input can exhaust the stack: a record
 * that was stored can always be hashed.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new CanonicalJsonError('unsupportedValue', '');
  const out: string[] = [];
  const open = new Set<object>();
  const tasks: Task[] = [{ value, at: null }];
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    if ('text' in task) out.push(task.text);
    else if ('leave' in task) open.delete(task.leave);
    else step(task.value, task.at, out, tasks, open);
  }
  return out.join('');
}

function byId<T>(key: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => compareCodePoints(key(a), key(b));
}

/**
 * orderRecord sorts by `order`, item and time; rows that tie there (two votes on one item,
 * two amendments in one millisecond) would keep whatever order the database returned. Sorting
 * by id first makes those ties deterministic, since the sorts are stable.
 */
function presortById(record: MeetingRecord): MeetingRecord {
  return {
    ...record,
    agendaItems: [...record.agendaItems].sort(byId((r) => r.id)),
    minutes: [...record.minutes].sort(byId((r) => r.agendaItemId)),
    attendance: [...record.attendance].sort(byId((r) => r.id)),
    decisions: [...record.decisions].sort(byId((r) => r.id)),
    votes: [...record.votes].sort(byId((r) => r.id)),
    householdConsultations: [...record.householdConsultations].sort(byId((r) => r.id)),
    amendments: [...record.amendments].sort(byId((r) => r.id)),
  };
}

export type SealedAmendment = Omit<Amendment, 'fingerprintAfter'>;
export type SealedDecision = Omit<Decision, 'status'>;
export type SealedMeeting = Omit<
  Meeting,
  'fingerprint' | 'updatedAt' | 'orgPathAtFinalise' | 'documentOrgNameAtFinalise'
>;
export type SealedRecord = Omit<MeetingRecord, 'meeting' | 'decisions' | 'amendments'> & {
  meeting: SealedMeeting;
  decisions: SealedDecision[];
  amendments: SealedAmendment[];
};

/** The value the fingerprint is computed over (see the scheme at the top of this file). */
export function recordForSealing(record: MeetingRecord): SealedRecord {
  const ordered = orderRecord(presortById(record));
  // The *AtFinalise fields only keep record.orgPath and record.documentOrgName, which are sealed.
  const {
    fingerprint: _fingerprint,
    updatedAt: _updatedAt,
    orgPathAtFinalise: _path,
    documentOrgNameAtFinalise: _org,
    ...meeting
  } = ordered.meeting;
  const decisions = ordered.decisions.map(({ status: _status, ...rest }) => rest);
  const amendments = ordered.amendments.map(({ fingerprintAfter: _after, ...rest }) => rest);
  return { ...ordered, meeting, decisions, amendments };
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 (lowercase hex) of a string's UTF-8 bytes, via WebCrypto. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toHex(digest);
}

/** The fingerprint a record should carry; throws CanonicalJsonError on non-JSON data. */
export function fingerprintRecord(record: MeetingRecord): Promise<string> {
  return sha256Hex(canonicalJson(recordForSealing(record)));
}

/** For people comparing a printout with the screen: 'A1B2-C3D4-E5F6-0718'. */
export function shortFingerprint(hex: string): string {
  const head = hex.slice(0, 16).toUpperCase();
  return (head.match(/.{1,4}/g) ?? []).join('-');
}

/** A whole fingerprint in groups of four, upper case, for reading aloud or comparing by eye. */
export function groupedFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

export interface FingerprintDifference {
  /** Both in full, grouped (groupedFingerprint); empty when there is none. */
  stored: string;
  computed: string;
  /** The first character (counted from 1) where they differ; 0 when they are equal. */
  from: number;
}

/**
 * Two fingerprints side by side for a refusal: in full, since two values cut short look identical
 * whenever they differ further on, and with the place where they start to differ.
 */
export function fingerprintDifference(stored: string, computed: string): FingerprintDifference {
  let from = 0;
  const length = Math.max(stored.length, computed.length);
  for (let i = 0; i < length; i++)
    if (stored[i]?.toLowerCase() !== computed[i]?.toLowerCase()) {
      from = i + 1;
      break;
    }
  return { stored: groupedFingerprint(stored), computed: groupedFingerprint(computed), from };
}

/** Returns a record carrying the fingerprint of its current content. */
export async function sealRecord(record: MeetingRecord): Promise<MeetingRecord> {
  const fingerprint = await fingerprintRecord(record);
  return { ...record, meeting: { ...record.meeting, fingerprint } };
}

/**
 * The amendments must form one chain: walking back from the stored fingerprint, each step's
 * `fingerprintAfter` leads to the amendment before it, and every amendment is visited once.
 * Walking by hashes rather than by `at` keeps this independent of clock order.
 */
function amendmentChainHolds(amendments: readonly Amendment[], fingerprint: string): boolean {
  const byAfter = new Map<string, Amendment>();
  for (const a of amendments) {
    if (byAfter.has(a.fingerprintAfter)) return false;
    byAfter.set(a.fingerprintAfter, a);
  }
  const visited = new Set<Amendment>();
  let current = fingerprint;
  for (let step = 0; step < amendments.length; step++) {
    const amendment = byAfter.get(current);
    if (!amendment || visited.has(amendment)) return false;
    visited.add(amendment);
    current = amendment.fingerprintBefore;
  }
  return true;
}

/**
 * What 核验 finds. 'consistent' says how many amendments (修订) the seal covers besides the
 * signing: 0 means the record is exactly as signed; N means as signed and then amended N times,
 * each amendment listed in the record with who, when, why and what.
 */
export type Verification =
  { state: 'unsigned' } | { state: 'consistent'; amendments: number } | { state: 'inconsistent' };

/**
 * 'unsigned': never sealed (no fingerprint, not signed, no amendments). 'consistent': signed,
 * the stored fingerprint matches the content, and the amendment chain holds. Anything else
 * (e.g. signed without a fingerprint, a fingerprint on an unsigned record) is 'inconsistent'.
 */
export async function verifyRecord(record: MeetingRecord): Promise<Verification> {
  const { fingerprint, status, signedAt } = record.meeting;
  if (fingerprint === undefined && status !== 'signed' && signedAt === undefined && record.amendments.length === 0)
    return { state: 'unsigned' };
  if (fingerprint === undefined || status !== 'signed') return { state: 'inconsistent' };
  let computed: string;
  try {
    computed = await fingerprintRecord(record);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return { state: 'inconsistent' };
    throw error;
  }
  if (computed !== fingerprint) return { state: 'inconsistent' };
  if (!amendmentChainHolds(record.amendments, fingerprint)) return { state: 'inconsistent' };
  return { state: 'consistent', amendments: record.amendments.length };
}
