import { dayOf, FIRST_YEAR, type CalendarDate } from '../dates';
import type { Matter, MatterPath, Raiser } from './matter';

/**
 * Schema v1 → v2 of one `matters` row. Version 1 kept who raised a matter as free text, the channel
 * as a code and one status for everything; version 2 keeps a structured raiser, the channel in
 * words, a handling path, and leaves the stage to be computed from linked meetings and decisions.
 */

const V1_CHANNEL_WORDS: Record<string, string> = {
  hall: '居民说事厅',
  compoundPoint: '党群睦邻说事点',
  wechatGroup: '微信说事群',
  visit: '网格员走访',
  online: '网上说事',
};

const V1_KIND_PATHS: Record<string, MatterPath> = {
  immediate: 'immediate',
  pending: 'pending',
  escalate: 'escalate',
};

/** Free text naming who raised it: a name becomes a one-off person, nothing becomes anonymous. */
function raiserFromText(text: unknown): Raiser {
  const name = typeof text === 'string' ? text.trim().slice(0, 60) : '';
  return name ? { kind: 'oneOff', name } : { kind: 'anonymous' };
}

/**
 * The day a v1 matter was raised: the day it was registered. Version 1 always wrote a moment
 * there; a row that holds something unreadable gets the first day the app knows, which the
 * register shows as plainly wrong rather than as a plausible invented date.
 */
function raisedDay(createdAt: unknown): CalendarDate {
  const day = typeof createdAt === 'string' ? dayOf(createdAt) : null;
  return day ?? (`${FIRST_YEAR}-01-01` as CalendarDate);
}

/** A value of a v1 lookup table, read only through own keys of a text (a hostile row may hold anything). */
function lookup<T>(table: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

export function migrateMatterV1(row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return row;
  const v1 = row as Record<string, unknown>;
  // Already in the new shape (a partly migrated backup): leave it.
  if (typeof v1.raisedBy === 'object' && v1.raisedBy !== null) return row;
  const createdAt = typeof v1.createdAt === 'string' && v1.createdAt ? v1.createdAt : '1900-01-01T00:00:00.000Z';
  const path = lookup(V1_KIND_PATHS, v1.kind) ?? 'untriaged';
  const channel = lookup(V1_CHANNEL_WORDS, v1.channel) ?? '其他';
  const solved = v1.status === 'solved';
  const { raisedBy, kind: _kind, status: _status, channel: _channel, ...rest } = v1;
  const matter: Record<string, unknown> = {
    ...rest,
    raisedBy: raiserFromText(raisedBy),
    alsoRaisedBy: [],
    channel,
    raisedAt: raisedDay(v1.createdAt),
    category: '其他',
    urgency: 'normal',
    path,
    createdAt,
    updatedAt: createdAt,
  };
  if (solved) {
    matter.closedAt = createdAt;
    matter.closingNote = '升级前已标记为已解决';
  }
  return matter as Partial<Matter>;
}
