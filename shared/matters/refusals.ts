import { refusalMaker } from '../codedRefusal';
import { DISPUTE_OUTCOME_LABELS, type DisputeOutcome } from './disputes';

/**
 * Why a change to the matters register (登记, 分流, 办结, 上报, 合并), a dispute (矛盾纠纷, 调解), a
 * matter import or a matter's photos is refused: codes the screens word in the user's language
 * (renderer/i18n/zh-CN.ts and en.ts `matterRefusals`, always loaded, since the meetings' screens
 * take up matters too); the Chinese here is the default wording and each refusal's `message`.
 */
export const MATTER_REFUSALS_ZH = {
  // The register
  matterMissing: '事项不存在，可能已被删除',
  unitMissing: '所属社区、小区或网格不存在，请重新选择',
  raiserNotInRoster: '提出人不在名册中，请重新选择或改为登记姓名',
  registerEscalate: '上报请先登记，再使用“上报”并写明原因',
  triageEscalate: '上报请使用“上报”，并写明原因',
  escalateReasonMissing: '请写明上报原因',
  closeNoteMissing: '请写明办结情况',
  mergeSelf: '不能把事项合并到它自己',
  mergeTargetMissing: '要合并到的事项不存在',
  mergeTargetNotOpen: '只能合并到仍在办理中的事项',
  // The stage a matter is in (shared/domain/matterStage.ts actionRefusal)
  stageClosed: '事项已办结，不能再改动',
  stageMerged: '事项已合并到其他事项，请在合并后的事项上办理',
  stageOnAgenda: '事项已列入会议议程，由会议议定；如需改变办理方式，请先从议程中移除',
  stageOther: '事项当前所处阶段不能进行这项操作',
  // Taken up by a meeting
  matterTaken: '事项“{title}”已列入其他会议议程或已办结，请重新选择',
  // 矛盾纠纷 and 调解
  notDispute: '这个事项不是矛盾纠纷，请先把类别改为“矛盾纠纷”',
  mediatorNotInRoster: '调解员不在名册中，请重新选择',
  notMediator: '{name}在名册中不是人民调解员，请先在名册中标为人民调解员',
  partyTwice: '当事人姓名重复了，请检查',
  disputeEnded: '这起纠纷已经{outcome}，不能再添加调解记录',
  sessionBeforeRaised: '调解日期不能早于事项的提出日期',
  outcomeNoteMissing: '请写明调解结果的情况',
  outcomeAlready: '调解结果已经是“{outcome}”',
  noSessionYet: '还没有调解记录，请先添加一次调解，再记为调解成功',
  // Importing a 说事登记表
  importUnitGone: '表格中的某个社区、小区或网格已被删除，请重新选择文件',
  importResidentGone: '表格中的某位居民已从名册删除，请重新选择文件',
  importedAgain: '“{title}”刚刚已经登记过了，请重新选择文件再导入',
  // The channel and category lists of 登记 (settings)
  listEntryTooLong: '{list}“{entry}”太长，不能超过{max}个字',
  listTooMany: '{list}最多{max}项',
  // A matter's photos
  photosNone: '请先选择照片或文件',
  photosTooMany: '每件事项最多{max}个附件，已有{count}个',
} as const;
export type MatterRefusalCode = keyof typeof MATTER_REFUSALS_ZH;

/** The words filled into the sentences above: a dispute's outcome ({outcome}), an editable list ({list}). */
export const MATTER_REFUSAL_PHRASES_ZH = {
  ...DISPUTE_OUTCOME_LABELS,
  channels: '来源渠道',
  categories: '事项类别',
} as const satisfies Record<DisputeOutcome | 'channels' | 'categories', string>;
export type MatterRefusalPhrase = keyof typeof MATTER_REFUSAL_PHRASES_ZH;

export const matterRefusal = refusalMaker<MatterRefusalCode, MatterRefusalPhrase>(
  'matters',
  MATTER_REFUSALS_ZH,
  MATTER_REFUSAL_PHRASES_ZH,
);
