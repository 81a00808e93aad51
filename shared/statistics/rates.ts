import type { CountedAttendance, DecisionOutcome, Figures } from './figures';

/** A share: part of whole, in percent with one decimal, or null when there is nothing to divide. */
export interface Rate {
  part: number;
  whole: number;
  percent: number | null;
}

/**
 * part ÷ whole in percent with one decimal. Rounded half up like the 垦利 report's figures
 * (920 / 926 = 99.35 % → 99.4 %) except `floor`, which satisfaction uses: a 79.96 % is never
 * shown as a passing-looking 80.0 % (shared/publicity/satisfaction.ts formatRate). Computed in
 * whole numbers, so 4 of 5 is exactly 80.0, not 79.999….
 */
export function rateOf(part: number, whole: number, rounding: 'round' | 'floor' = 'round'): Rate {
  if (!Number.isSafeInteger(whole) || !Number.isSafeInteger(part) || whole <= 0 || part < 0)
    return { part: Math.max(0, part || 0), whole: Math.max(0, whole || 0), percent: null };
  const clamped = Math.min(part, whole);
  const tenths = rounding === 'floor' ? Math.floor((clamped * 1000) / whole) : Math.round((clamped * 1000) / whole);
  return { part: clamped, whole, percent: tenths / 10 };
}

/** The rate as a table shows it: 99.4% — or "—" when there is nothing to rate (never NaN or 0 %). */
export function formatPercent(rate: Rate): string {
  return rate.percent === null ? '—' : `${rate.percent.toFixed(1)}%`;
}

/** 出席率: 出席 ÷ (出席 + 请假 + 缺席). */
export function attendanceRate(counts: Readonly<Record<CountedAttendance, number>>): Rate {
  return rateOf(counts.present, counts.present + counts.excused + counts.absent);
}

/**
 * 按时完成率: 按时完成 ÷ the decisions already judged — done with a date (on time or late) or
 * past their deadline not done. Those still within their deadline, and those done before dates
 * were recorded, cannot be judged yet and are left out.
 */
export function onTimeRate(d: Readonly<Record<DecisionOutcome, number>>): Rate {
  return rateOf(d.onTime, d.onTime + d.late + d.overdue);
}

/** 作出 (made): every decision of the period's meetings, whatever its state. */
export function decisionsMade(d: Readonly<Record<DecisionOutcome, number>>): number {
  return d.onTime + d.late + d.doneUndated + d.overdue + d.inProgress;
}

/** 办结率: matters solved ÷ matters raised (926 collected, 920 solved → 99.4 %). */
export function matterResolutionRate(f: Figures): Rate {
  return rateOf(f.matters.solved, f.matters.raised);
}

/** 化解率: disputes resolved ÷ all logged (5012 / 5077 → 98.7 %). */
export function disputeResolutionRate(f: Figures): Rate {
  return rateOf(f.disputes.resolved, f.disputes.logged);
}

/** 满意率: (满意 + 基本满意) ÷ all ratings, rounded down as the 评议 screens show it. */
export function satisfactionRate(f: Figures): Rate {
  const r = f.ratings;
  return rateOf(r.satisfied + r.basic, r.satisfied + r.basic + r.unsatisfied, 'floor');
}
