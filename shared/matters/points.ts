import { z } from 'zod';
import { refusalMaker, type CodedRefusal } from '../codedRefusal';
import type { Raiser } from '../domain/matter';

/**
 * 金点子 points (积分): a resident whose idea was adopted as a 金点子 or 好法子 earns points,
 * redeemable for services. The ledger is append-only: a balance is the sum of its entries, each
 * entry keeps the points it was worth when written, so changing the rules never rewrites the past.
 */

/** 金点子 · 好法子. */
export const POINTS_AWARDS = ['golden', 'goodMethod'] as const;
export type PointsAward = (typeof POINTS_AWARDS)[number];
export const POINTS_AWARD_LABELS: Record<PointsAward, string> = { golden: '金点子', goodMethod: '好法子' };

/**
 * Why an award, a redemption or a reversal is refused: codes the screens word in the user's
 * language (renderer/features/matters/mattersxMessages.ts); the Chinese is the default wording.
 */
export const POINTS_REFUSALS_ZH = {
  serviceMissing: '请写明兑换的服务',
  serviceTooLong: '兑换的服务不能超过{max}个字',
  redeemNotPositive: '兑换积分必须是正整数',
  redeemTooMany: '一次兑换不能超过{max}分',
  balanceShort: '积分不足：现有{balance}分，不能兑换{points}分',
  awardMissing: '找不到要撤销的积分记录',
  reversedAlready: '这笔积分已经撤销过了',
  reversalWhyMissing: '撤销积分必须写明原因',
  reversalWhyTooLong: '撤销原因不能超过{max}个字',
  reversalSpent: '积分已用于兑换：现有{balance}分，撤销需扣回{points}分，余额不能为负，不能撤销',
  rulesNotInteger: '积分必须是整数',
  rulesNegative: '积分不能是负数',
  rulesTooLarge: '积分不能超过{max}',
  matterMissing: '事项不存在，可能已被删除',
  noAward: '这个事项没有可撤销的积分',
  matterMerged: '这个事项已合并到其他事项，请在合并后的事项上评定',
  anonymous: '匿名提出的事项无法记积分',
  noPhone: '提出人没有登记电话，无法确认是哪位居民；请先在“修改”里补上电话或选择名册中的居民',
  awardedAlready: '这个事项已经评为{award}',
  zeroPoints: '积分规则中{award}为0分，请先修改积分规则',
  residentWithoutPoints: '这位居民还没有积分',
} as const;
export type PointsRefusal = keyof typeof POINTS_REFUSALS_ZH;

export const pointsRefusal = refusalMaker<PointsRefusal, PointsAward>(
  'points',
  POINTS_REFUSALS_ZH,
  POINTS_AWARD_LABELS,
);

/** One entry's ceiling: far above any real award, low enough that sums stay exact integers. */
export const MAX_ENTRY_POINTS = 100_000;

const pointsValue = z
  .number()
  .int('积分必须是整数')
  .min(0, '积分不能是负数')
  .max(MAX_ENTRY_POINTS, `积分不能超过${MAX_ENTRY_POINTS}`);

/** Points per award, edited in the rules dialog. */
export const pointsRulesSchema = z.object({ golden: pointsValue, goodMethod: pointsValue });
export type PointsRules = z.infer<typeof pointsRulesSchema>;
export const DEFAULT_POINTS_RULES: PointsRules = { golden: 10, goodMethod: 5 };

/** Why points per award entered in the rules dialog are refused (the schema's rules, as codes), or null. */
export function pointsRulesRefusal(rules: Readonly<Record<PointsAward, unknown>>): CodedRefusal | null {
  for (const value of POINTS_AWARDS.map((a) => rules[a])) {
    if (typeof value !== 'number' || !Number.isInteger(value)) return pointsRefusal('rulesNotInteger');
    if (value < 0) return pointsRefusal('rulesNegative');
    if (value > MAX_ENTRY_POINTS) return pointsRefusal('rulesTooLarge', { max: MAX_ENTRY_POINTS });
  }
  return null;
}

/** earn · redeem · reverse (撤销 an award given in error: a new entry, the award itself never rewritten). */
export const POINTS_KINDS = ['earn', 'redeem', 'reverse'] as const;
export const REVERSAL_REASON_MAX = 150;

export const pointsEntrySchema = z.object({
  id: z.string().min(1),
  /** residentKeyOf the resident: a roster person, or a name with a phone. */
  residentKey: z.string().min(1).max(200),
  residentName: z.string().trim().min(1).max(60),
  personId: z.string().min(1).optional(),
  kind: z.enum(POINTS_KINDS),
  /** Always positive; the kind says whether it adds or takes away. */
  points: z.number().int().min(1).max(MAX_ENTRY_POINTS),
  award: z.enum(POINTS_AWARDS).optional(),
  /** The matter a 金点子 came from. */
  matterId: z.string().min(1).optional(),
  /** The award entry a reversal takes back (its id). */
  reverses: z.string().min(1).optional(),
  /** Why: the matter's title for an award, the service for a redemption, the award and why for a reversal. */
  reason: z.string().trim().min(1).max(200),
  at: z.string().min(1),
  by: z.string().trim().max(60),
});
export type PointsEntry = z.infer<typeof pointsEntrySchema>;

/**
 * Who a ledger belongs to. A roster resident is the person; someone registered by name alone is
 * their name and phone (two 王芳 without phones would share one ledger, so a phone is required).
 * Anonymous raisers earn nothing: there is nobody to give the points to.
 */
export function residentKeyOf(raiser: Raiser): { key: string; name: string; personId?: string } | null {
  if (raiser.kind === 'resident') return { key: `p:${raiser.personId}`, name: raiser.name, personId: raiser.personId };
  if (raiser.kind === 'oneOff' && raiser.phone)
    return { key: `n:${raiser.name.trim()}|${raiser.phone}`, name: raiser.name };
  return null;
}

export interface Balance {
  earned: number;
  redeemed: number;
  balance: number;
}

export function balanceOf(entries: ReadonlyArray<Pick<PointsEntry, 'kind' | 'points'>>): Balance {
  let earned = 0;
  let redeemed = 0;
  for (const e of entries) {
    // A reversal takes back what was earned: 累计获得 counts only awards that stand.
    if (e.kind === 'earn') earned += e.points;
    else if (e.kind === 'reverse') earned -= e.points;
    else redeemed += e.points;
  }
  return { earned, redeemed, balance: earned - redeemed };
}

/** Why a redemption cannot be written, or null when it can; the balance never goes below zero. */
export function redeemRefusal(
  entries: ReadonlyArray<Pick<PointsEntry, 'kind' | 'points'>>,
  points: number,
  service: string,
): CodedRefusal | null {
  if (!service.trim()) return pointsRefusal('serviceMissing');
  if ([...service.trim()].length > 200) return pointsRefusal('serviceTooLong', { max: 200 });
  if (!Number.isSafeInteger(points) || points < 1) return pointsRefusal('redeemNotPositive');
  if (points > MAX_ENTRY_POINTS) return pointsRefusal('redeemTooMany', { max: MAX_ENTRY_POINTS });
  const { balance } = balanceOf(entries);
  if (points > balance) return pointsRefusal('balanceShort', { balance, points });
  return null;
}

/** The points an award earns under the rules in force now; 0 means the award is not worth points. */
export function awardPoints(rules: PointsRules, award: PointsAward): number {
  return rules[award];
}

export interface ResidentBalance extends Balance {
  residentKey: string;
  residentName: string;
  personId?: string;
  entries: number;
}

/** Residents by balance, highest first; equal balances by name, so the list does not jump. */
export function ledgerByResident(entries: readonly PointsEntry[]): ResidentBalance[] {
  const byKey = new Map<string, PointsEntry[]>();
  for (const e of entries) byKey.set(e.residentKey, [...(byKey.get(e.residentKey) ?? []), e]);
  return [...byKey.values()]
    .map((list) => {
      const first = list[0]!;
      return {
        residentKey: first.residentKey,
        residentName: first.residentName,
        ...(first.personId && { personId: first.personId }),
        entries: list.length,
        ...balanceOf(list),
      };
    })
    .sort((a, b) => b.balance - a.balance || a.residentName.localeCompare(b.residentName, 'zh-CN'));
}

/** The awards among these entries that no reversal has taken back. */
export function standingAwards<E extends Pick<PointsEntry, 'id' | 'kind' | 'reverses'>>(entries: readonly E[]): E[] {
  const reversed = new Set(entries.flatMap((e) => (e.kind === 'reverse' && e.reverses ? [e.reverses] : [])));
  return entries.filter((e) => e.kind === 'earn' && !reversed.has(e.id));
}

/**
 * Why an award cannot be taken back, or null when it can: it must be an award that stands, the
 * reason is required, and the resident's balance never goes below zero (points already spent on
 * a service cannot be taken back; redeem fewer first is not possible, so say so).
 */
export function reversalRefusal(
  residentEntries: ReadonlyArray<Pick<PointsEntry, 'id' | 'kind' | 'points' | 'reverses'>>,
  awardId: string,
  why: string,
): CodedRefusal | null {
  const award = residentEntries.find((e) => e.id === awardId);
  if (!award || award.kind !== 'earn') return pointsRefusal('awardMissing');
  if (!standingAwards(residentEntries).some((e) => e.id === awardId)) return pointsRefusal('reversedAlready');
  if (!why.trim()) return pointsRefusal('reversalWhyMissing');
  if ([...why.trim()].length > REVERSAL_REASON_MAX)
    return pointsRefusal('reversalWhyTooLong', { max: REVERSAL_REASON_MAX });
  const { balance } = balanceOf(residentEntries);
  if (award.points > balance) return pointsRefusal('reversalSpent', { balance, points: award.points });
  return null;
}
