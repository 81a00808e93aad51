import { refusalMaker, type CodedRefusal } from '../codedRefusal';
import { compareDates, isCalendarDate, type CalendarDate } from '../dates';

/**
 * Why 公示, 更正公示, 异议/答复 and 评议/整改 are refused: codes the screens word in the user's
 * language (renderer/features/followup/publicityMessages.ts); the Chinese here is the default
 * wording and each refusal's `message`.
 */
export const PUBLICITY_REFUSALS_ZH = {
  // Dates, with the date named by a phrase below.
  dateInvalid: '{what}不是有效日期',
  dateInFuture: '{what}不能晚于今天',
  dateBefore: '{what}不能早于{before}（{date}）',
  // 公示 and 更正公示
  placesMissing: '请至少选择一种公示方式（会议、公示栏、微信群、网络平台）',
  placesInvalid: '公示方式不正确',
  startDateInvalid: '公示开始日期不是有效日期（应为“年-月-日”）',
  daysOutOfRange: '公示天数应为{min}至{max}天',
  postedByMissing: '请填写公示人',
  nameTooLong: '姓名不能超过{max}个字',
  noticeEnded: '公示已经结束，不能再更正',
  startFixed: '公示已于{date}开始，开始日期不能更改',
  correctedStartPast: '更正后的开始日期不能早于今天',
  correctedEndPast: '更正后的结束日期不能早于今天',
  nothingToCorrect: '没有需要更正的内容',
  correctByMissing: '请填写更正人',
  correctWhyMissing: '请写明更正原因',
  correctWhyTooLong: '更正原因不能超过{max}个字',
  // 异议 and 答复
  objectionByMissing: '请填写提出异议的人',
  objectionTextMissing: '请填写异议内容',
  objectionTextTooLong: '异议内容不能超过{max}个字',
  objectionMissing: '找不到这条异议',
  answeredAlready: '这条异议已经答复过，答复不能修改',
  answerByMissing: '请填写答复人',
  answerTextMissing: '请填写答复内容',
  answerTextTooLong: '答复内容不能超过{max}个字',
  // 评议 / 整改 / 撤回 / 上报
  notDone: '决定事项经监督人确认完成后才能公示结果和评议',
  awaitingNotice: '结果公示开始后才能组织评议',
  objectionOpen: '结果公示还有异议未答复，答复后才能评议',
  passedAlready: '评议已经通过，不需要再次评议',
  needsRectification: '满意度未达标，请先安排整改（写明整改任务和新的完成时限），整改后再次验收',
  rateByMissing: '请填写组织评议的人',
  raterNameMissing: '逐人评议时每一行都要写姓名',
  raterTwice: '同一人只能评议一次（姓名重复）',
  ratingMissing: '请填写评议结果',
  countNotInteger: '人数必须是整数',
  countNegative: '人数不能为负数',
  countTooLarge: '人数不能超过{max}',
  thresholdInvalid: '满意度标准应为1%至100%之间的整数',
  noVotes: '没有评议票，不能计算满意度',
  rectifyingAlready: '整改已经安排，请再次验收',
  rectifyNotNeeded: '只有满意度未达标时才安排整改',
  deadlineNotAfterStart: '新的完成时限应晚于整改开始日期',
  taskMissing: '请写明整改任务（整改什么、达到什么标准）',
  responsibleMissing: '请填写整改责任人',
  openedByMissing: '请填写是谁安排的整改',
  nothingToWithdraw: '还没有评议记录，无可撤回',
  withdrawReasonMissing: '撤回评议必须写明原因',
  withdrawByMissing: '请填写是谁撤回',
  withdrawRectified: '这次评议已经据此安排了整改，不能撤回',
  withdrawReported: '这次评议结果已经报社区党委，不能撤回',
  reportNoRound: '评议之后才能报社区党委',
  reportedAlready: '这次评议结果已经报过社区党委',
  reportByMissing: '请填写上报人',
  // Found (or not) by the repository
  decisionMissing: '找不到这项决定事项',
  noticeMissing: '找不到这条公示',
  notFinalised: '会议定稿后才能公示决议',
  resultNotDone: '决定事项经监督人确认完成后才能公示结果',
  resolutionPosted: '这次会议的决议已经公示',
  resultPosted: '这项结果已经公示',
} as const;
export type PublicityRefusal = keyof typeof PUBLICITY_REFUSALS_ZH;

/** The names of dates in the sentences above ({what}, {before}). */
export const PUBLICITY_PHRASES_ZH = {
  rateDate: '评议日期',
  rectifyStart: '整改开始日期',
  newDeadline: '新的完成时限',
  reportDate: '上报日期',
  resultNoticeStart: '结果公示开始日期',
  noticeStart: '公示开始日期',
  meetingDay: '会议日期',
  confirmedDay: '监督人确认完成的日期',
  receivedOn: '收到日期',
  objectionReceived: '收到异议的日期',
  answerOn: '答复日期',
} as const;
export type PublicityPhrase = keyof typeof PUBLICITY_PHRASES_ZH;

export const publicityRefusal = refusalMaker<PublicityRefusal, PublicityPhrase>(
  'publicity',
  PUBLICITY_REFUSALS_ZH,
  PUBLICITY_PHRASES_ZH,
);

/**
 * Why a date entered for `what` is refused, or null: not a date, after today, or before the day
 * named by `notBefore`.
 */
export function dateRefusal(
  value: string,
  what: PublicityPhrase,
  today: CalendarDate,
  notBefore?: { date: CalendarDate; what: PublicityPhrase },
): CodedRefusal | null {
  if (!isCalendarDate(value)) return publicityRefusal('dateInvalid', {}, { what });
  if (compareDates(value, today) > 0) return publicityRefusal('dateInFuture', {}, { what });
  if (notBefore && compareDates(value, notBefore.date) < 0)
    return publicityRefusal('dateBefore', { date: notBefore.date }, { what, before: notBefore.what });
  return null;
}
