import { consultation, decide, handVote, voteLine, type CaseContext } from './demoCaseKit';
import type { ItemPlan } from './demoMeeting';

/**
 * 新东方小区's north gate (shared/domain.md): heard at one 党群议事日, put to all 1,800
 * households, decided at the next with 1,760 in favour.
 */

/** The compound whose 党群议事日 took up the north gate, and how many months before the next one. */
export const NORTH_GATE = {
  compound: 'xindongfang',
  monthsBeforeNext: 6,
  /** Invited to the first meeting besides the standing roles: the shops outside the north wall. */
  guests: ['何立军'],
  /** They speak in the minutes of both meetings, so they were there. */
  speakers: ['刘玉霞', '周立新', '黄建业', '张伟东', '孙丽丽'],
} as const;

/** First 党群议事日: the item is heard and sent to every household before anything is decided. */
export function northGateHeard(ctx: CaseContext): ItemPlan {
  const p = ctx.person;
  return {
    title: '小区出入口少，进出不方便（开通北门）',
    background: '小区只有南门一个出入口，北区居民出行需绕行，居民在党群睦邻说事点多次反映，希望开通北门。',
    raisedBy: '刘玉霞（北区15号楼）',
    matterId: ctx.matterId('northGate'),
    concerns: ['resident', 'property', 'ownersCommittee', 'coBuilding', 'stakeholder'],
    plannedMinutes: 30,
    state: 'carriedOver',
    resolution: '会议决定先对全体1800户逐户征求意见，结果在下月党群议事日通报后再议。',
    minutes: [
      '刘玉霞（北区15号楼）反映：小区只有南门一个出入口，北区居民出门要绕行800多米，早晚高峰南门拥堵，老人和学生意见很大，希望开通北门。',
      '周立新（物业项目负责人）介绍实地调研情况：北侧围墙外为规划道路，具备开门条件；开门后需增设门岗、门禁和监控，每年增加物业成本约8万元。',
      '黄建业（业委会主任）提出，开门涉及全体业主的共同利益，必须征求每一户的意见。张伟东（垦利派出所）提醒，北门开通后要做好人车分流和治安防控。',
      '主持人赵振国总结：开通北门涉及1800户居民的切身利益，本次会议不作决定，由网格员逐户征求意见，结果在下月党群议事日通报后再议。',
    ],
    decisions: [
      decide(ctx, {
        title: '对全体1800户逐户征求开通北门意见',
        who: p('孙丽丽'),
        standard: '6名网格员分片入户或电话征求意见，每户签字留档，结果在公示栏公示',
        days: 25,
        supervisor: p('黄建业'),
        after: 'done',
      }),
    ],
    votes: [],
    consultations: [],
  };
}

/** Next 党群议事日: 1,760 of 1,800 households agreed; the gate is opened. */
export function northGateDecided(ctx: CaseContext, carried: { carriedFromItemId: string }): ItemPlan {
  const p = ctx.person;
  const vote = handVote(ctx, '开通小区北门', 1, 0);
  return {
    ...northGateHeard(ctx),
    carriedFromItemId: carried.carriedFromItemId,
    state: 'resolved',
    resolution: '1760户同意（同意率97.8%），会议决定开通北门，实行门禁刷卡、人车分流，夜间22:00后只出不进。',
    minutes: [
      '本议题由上月党群议事日转入。孙丽丽通报逐户征求意见结果：6名网格员历时20天，对1800户逐户征求意见，1760户同意开通北门，26户不同意，14户长期不在家未联系到，同意率97.8%。',
      '不同意的住户主要担心北门开通后外来人员增多、夜间噪音。周立新表示，北门实行门禁刷卡、人车分流，夜间22:00后只出不进，并加装监控。',
      '黄建业（业委会主任）表示，业委会同意动用公共收益支付北门改造费用，账目公开。',
      voteLine(ctx, vote),
      '主持人赵振国总结：北门由物业公司施工开通，派出所协助维护门前秩序，业委会和居民代表监督，完工后组织验收并公示。',
    ],
    decisions: [
      decide(ctx, {
        title: '北门改造施工及门禁安装',
        who: p('周立新'),
        standard: '安装人车分流门禁和监控，硬化门前道路，人行通道宽不少于3米，完工后经业委会和居民代表验收',
        days: 45,
        supervisor: p('黄建业'),
        after: 'done',
      }),
      decide(ctx, {
        title: '北门外交通秩序维护',
        who: p('张伟东'),
        standard: '北门开通后一个月内早晚高峰安排警力和志愿者疏导，门前设置禁停标识',
        days: 60,
        supervisor: p('刘玉霞'),
        after: 'done',
      }),
    ],
    votes: [vote],
    consultations: [
      consultation({ subject: '开通北门逐户征求意见', asked: 1800, agreed: 1760, disagreed: 26, notReached: 14 }),
    ],
  };
}
