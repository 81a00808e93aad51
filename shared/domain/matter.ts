import { z } from 'zod';
import { calendarDateSchema } from '../dates';
import { isValidPhone } from './person';
import type { CodedRefusal } from '../codedRefusal';
import { matterRefusal } from '../matters/refusals';

/**
 * 居民说事: a matter raised by residents, registered, triaged onto a handling path and followed to
 * its end. Where a matter stands (its stage) is never stored: matterStage.ts computes it from the
 * matter and the meetings and decisions linked to it, so a meeting's decision moves the matter on
 * without a write to the matter.
 */

/** Channels offered when settings hold no list of their own (三级双线 and 下沉听事). */
export const DEFAULT_MATTER_CHANNELS = [
  '居民说事厅',
  '党群睦邻说事点',
  '微信说事群',
  '平和茶社',
  '红马扎',
  '网格员走访',
  '其他',
] as const;

/** Categories offered when settings hold no list of their own. */
export const DEFAULT_MATTER_CATEGORIES = [
  '物业',
  '停车',
  '绿化',
  '环境卫生',
  '安全',
  '矛盾纠纷',
  '设施',
  '民生服务',
  '其他',
] as const;

/** 一般 · 紧急 · 特急. */
export const MATTER_URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type MatterUrgency = (typeof MATTER_URGENCIES)[number];

/** 未分流 · 即办件 (handled at once by staff) · 待办件 (goes to a meeting) · 上报件 (escalated). */
export const MATTER_PATHS = ['untriaged', 'immediate', 'pending', 'escalate'] as const;
export type MatterPath = (typeof MATTER_PATHS)[number];

const PHONE_MESSAGE = '电话号码格式不正确（手机号11位，座机请带区号）';

/** Who raised a matter: a resident of the roster, a one-off person, or nobody named. */
export const raiserSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('resident'),
    personId: z.string().min(1),
    name: z.string().trim().min(1).max(60),
  }),
  z.object({
    kind: z.literal('oneOff'),
    name: z.string().trim().min(1).max(60),
    phone: z
      .string()
      .trim()
      .max(30)
      .refine((p) => p === '' || isValidPhone(p), PHONE_MESSAGE)
      .optional(),
  }),
  z.object({ kind: z.literal('anonymous') }),
]);
export type Raiser = z.infer<typeof raiserSchema>;

/** A raiser's name as the register shows it; anonymous ones read 匿名. */
export function raiserName(raiser: Raiser): string {
  return raiser.kind === 'anonymous' ? '匿名' : raiser.name;
}

const textLine = (max: number) => z.string().trim().min(1).max(max);

/** What staff did on a 即办件: who, what, and how it came out. */
export const handlingSchema = z.object({
  by: textLine(60),
  action: textLine(2000),
  result: textLine(2000),
  at: z.string().min(1),
});

export const matterSchema = z.object({
  id: z.string().min(1),
  /** Where: the 社区, 小区 or 网格 the matter belongs to. */
  orgUnitId: z.string().min(1),
  /** Where, in words, when the unit is not precise enough (楼号, 单元, 路口). */
  address: z.string().trim().max(200).optional(),
  raisedBy: raiserSchema,
  /** Raisers of matters merged into this one: every resident who raised it stays on record. */
  alsoRaisedBy: z.array(raiserSchema).max(500),
  /** One of the channels list in settings (stored as its words, so a renamed entry keeps old rows readable). */
  channel: textLine(30),
  raisedAt: calendarDateSchema,
  category: textLine(20),
  title: textLine(100),
  description: z.string().trim().max(5000).optional(),
  urgency: z.enum(MATTER_URGENCIES),
  path: z.enum(MATTER_PATHS),
  /** The handling record of a 即办件. */
  handling: handlingSchema.optional(),
  /** Why it was escalated (上报件); the escalation ladder comes later. */
  escalationReason: z.string().trim().max(1000).optional(),
  /** Set when the matter is done with (办结); a closed matter is no longer open. */
  closedAt: z.string().min(1).optional(),
  closingNote: z.string().trim().max(2000).optional(),
  /** The matter this one was merged into; a merged matter is no longer open. */
  mergedInto: z.string().min(1).optional(),
  /**
   * 1 while the matter is open (neither closed nor merged), absent otherwise: derived from the two
   * fields above on every write (withOpenFlag, applied by the database itself), so the schema-5
   * index [open+path+orgUnitId] holds only open matters — the 工作台 reads today's few among years.
   */
  open: z.literal(1).optional(),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
});
export type Matter = z.infer<typeof matterSchema>;

/** The row with its `open` flag as its closedAt and mergedInto say (other rows are returned as they are). */
export function withOpenFlag<T>(row: T): T {
  if (typeof row !== 'object' || row === null) return row;
  const { open: _was, ...rest } = row as Record<string, unknown>;
  return (rest.closedAt || rest.mergedInto ? rest : { ...rest, open: 1 }) as T;
}

/** The kinds of step a matter's timeline records (matterEvents). */
export const MATTER_EVENT_KINDS = [
  'registered',
  'triaged',
  'edited',
  'onAgenda',
  'offAgenda',
  'handled',
  'closed',
  'escalated',
  'merged',
  'absorbed',
  // The escalation ladder (shared/escalation/): a 五议一备两公开 / 街道 step, and a 吹哨报到 task's step.
  'ladder',
  'summons',
  // 金点子 points and 矛盾纠纷 (shared/matters/).
  'pointsAwarded',
  'pointsReversed',
  'disputeUpdated',
  'mediationSession',
  'disputeOutcome',
] as const;
export type MatterEventKind = (typeof MATTER_EVENT_KINDS)[number];

/** One step of a matter's timeline, written in the same transaction as the change it records. */
export const matterEventSchema = z.object({
  id: z.string().min(1),
  matterId: z.string().min(1),
  at: z.string().min(1),
  /** Who did it, by name (the app has no accounts). */
  by: z.string().trim().max(60),
  kind: z.enum(MATTER_EVENT_KINDS),
  /** What was done, in words; for a triage step the path chosen (one of MATTER_PATHS), which screens translate. */
  note: z.string().max(2000).optional(),
  meetingId: z.string().optional(),
  agendaItemId: z.string().optional(),
  decisionId: z.string().optional(),
  /** The other matter of a merge: the kept one (merged) or the absorbed one (absorbed). */
  otherMatterId: z.string().optional(),
});
export type MatterEvent = z.infer<typeof matterEventSchema>;

/** Who raised it, as an agenda item's 提出人 reads: the first raiser, "等N人" when merged ones joined. */
export function raisedByLine(matter: Pick<Matter, 'raisedBy' | 'alsoRaisedBy'>): string | undefined {
  const all = [matter.raisedBy, ...matter.alsoRaisedBy];
  const named = all.find((r) => r.kind !== 'anonymous');
  if (!named) return undefined;
  const line = all.length > 1 ? `${raiserName(named)}等${all.length}人` : raiserName(named);
  return line.slice(0, 60);
}

/** The longest entry of the editable lists: as matterSchema's channel and category. */
export const MATTER_LIST_LIMITS = { channels: 30, categories: 20 } as const;

/**
 * An edited channel or category list, cleaned (trimmed, blanks and repeats dropped, order kept),
 * or the reason it cannot be kept. An empty list means "use the defaults".
 */
export function cleanMatterList(
  entries: readonly string[],
  kind: keyof typeof MATTER_LIST_LIMITS,
): { ok: true; list: string[] } | { ok: false; message: string; refusal: CodedRefusal } {
  const refused = (refusal: CodedRefusal) => ({ ok: false as const, message: refusal.message, refusal });
  const list = [...new Set(entries.map((e) => e.trim()).filter((e) => e !== ''))];
  const tooLong = list.find((e) => [...e].length > MATTER_LIST_LIMITS[kind]);
  if (tooLong)
    return refused(
      matterRefusal('listEntryTooLong', { entry: tooLong, max: MATTER_LIST_LIMITS[kind] }, { list: kind }),
    );
  if (list.length > 50) return refused(matterRefusal('listTooMany', { max: 50 }, { list: kind }));
  return { ok: true, list };
}
