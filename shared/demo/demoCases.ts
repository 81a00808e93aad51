import { consultation, decide, handVote, voteLine, type CaseContext, type RedBenchCase } from './demoCaseKit';
import type { ItemPlan } from './demoMeeting';

/**
 * The red-bench meetings of the report's real cases (shared/domain.md), written out as their
 * minutes would read: 帝纱富仕城's waste sorting and parking, 汇丰家园's fire lane, 康居花园's
 * pigeons, 胜兴花园's 红色花园. People are the demo roster's; dates are relative to today.
 */

// 帝纱富仕城: the red-bench meeting of the report (waste-sorting facilities, parking spaces).

function wasteItem(ctx: CaseContext): ItemPlan {
  const p = ctx.person;
  return {
    title: '垃圾分类设施改造提升',
    background:
      '1号楼、6号楼和11号楼旁3处垃圾分类投放点设施老化，桶站破损、没有遮雨棚，夏季异味大，居民多次在说事点反映。',
    raisedBy: '黄玉梅（3号楼）',
    matterId: ctx.matterId('waste'),
    concerns: ['property', 'resident', 'coBuilding'],
    plannedMinutes: 40,
    state: 'resolved',
    resolution: '同意改造3处垃圾分类投放点，1号楼旁投放点北移；由物业公司实施，业委会监督，30日内完成。',
    minutes: [
      '主持人李振海说明议题来由：近两个月，居民通过党群睦邻说事点和微信说事群反映垃圾分类投放点问题17条，集中在1号楼、6号楼和11号楼旁3处投放点。',
      '黄玉梅（3号楼楼栋长）反映：投放点桶身破损、没有遮雨棚，雨天垃圾外溢，夏季异味大；建议改造时一并解决照明和洗手问题。',
      '朱凤英（1号楼）表示，1号楼旁投放点离单元门太近，希望往北侧空地挪10米左右。',
      '杨海涛（物业项目负责人）介绍改造方案：3处投放点各设四分类垃圾桶一组，加装防雨棚、洗手池和照明，地面硬化并做排水坡度；1号楼旁投放点北移至绿化带边空地，费用由物业公司承担，预计2.6万元。',
      '郭明远（区住建局）提出，防雨棚采用统一样式，不得占用消防通道；施工前将图纸报社区备案。',
      '会前网格员已对1号楼周边120户逐户征求意见：112户同意投放点北移，5户不同意，3户未联系到。与会人员同意改造方案。',
      '主持人李振海总结：改造由物业公司实施，业委会监督；网格员做好撤桶并点后的宣传引导。',
    ],
    decisions: [
      decide(ctx, {
        title: '改造3处垃圾分类投放点',
        who: p('杨海涛'),
        standard: '3处投放点各设四分类垃圾桶一组，防雨棚、洗手池、照明齐全，地面硬化无积水，经业委会和居民代表验收合格',
        days: 30,
        supervisor: p('陈德强'),
        after: 'done',
      }),
      decide(ctx, {
        title: '垃圾分类宣传和投放点值守引导',
        who: p('张雪梅'),
        standard: '每户发放分类告知书，投放点早晚高峰值守指导两周，分类准确率达到80%以上',
        days: 20,
        supervisor: p('黄玉梅'),
        after: 'done',
      }),
    ],
    votes: [],
    consultations: [
      consultation({
        subject: '1号楼旁垃圾投放点北移逐户征求意见',
        asked: 120,
        agreed: 112,
        disagreed: 5,
        notReached: 3,
      }),
    ],
  };
}

function parkingItem(ctx: CaseContext): ItemPlan {
  const p = ctx.person;
  const vote = handVote(ctx, '停车位重新施划方案', 1, 1);
  return {
    title: '停车位改造划分',
    background: '地面停车位划线模糊、车位不足，晚间车辆占用绿化带和消防通道停放，业主多次在微信说事群反映。',
    raisedBy: '何家旺（5号楼）',
    matterId: ctx.matterId('parking'),
    concerns: ['property', 'ownersCommittee', 'stakeholder'],
    plannedMinutes: 45,
    state: 'resolved',
    resolution: '表决通过停车位重新施划方案，公示7天无异议后施工，新增车位不少于20个，消防通道保持4米净宽。',
    minutes: [
      '何家旺代表有车业主反映：小区现有地面车位312个，登记车辆400余辆，晚间车辆占用绿化带和消防通道停放，出入困难。',
      '陈德强（业委会主任）提出：按消防要求重新施划，主干道保持4米净宽；西侧闲置空地硬化后增设车位，新增车位不少于20个。',
      '林春霞（区综合行政执法局）表示，消防通道两侧须设置禁停标识和隔离桩，对长期占用消防通道的车辆依法劝离。',
      '吴德胜（7号楼）担心西侧空地改车位影响老人活动。经协商，施划方案避开健身器材区，在南侧另设晾晒区。',
      '杨海涛表示，施划方案公示7天无异议后组织施工，分区域进行，不影响业主正常停车。',
      voteLine(ctx, vote),
      '主持人李振海总结：停车位施划由物业公司负责，业委会监督；消防通道隔离桩和标识由区综合行政执法局设置，社区两委监督。',
    ],
    decisions: [
      decide(ctx, {
        title: '重新施划地面停车位',
        who: p('杨海涛'),
        standard: '按公示的施划图施工，新增车位不少于20个，消防通道保持4米净宽，完工后经业委会验收',
        days: 45,
        supervisor: p('陈德强'),
        after: 'done',
      }),
      decide(ctx, {
        title: '消防通道设置禁停标识和隔离桩',
        who: '垦利区综合行政执法局',
        standard: '主干道及消防通道设置禁停标识12块、隔离桩40根，位置经消防救援大队确认',
        days: 30,
        supervisor: p('赵丽娟'),
        after: 'inProgress',
      }),
    ],
    votes: [vote],
    consultations: [],
  };
}

/** The showcase: its decisions are at every stage, and it is amended twice (see demoHistory.ts). */
export const SHOWCASE_CASE: RedBenchCase = {
  compound: 'dishafushicheng',
  daysAgo: 40,
  hour: 19,
  minute: 0,
  plannedMinutes: 90,
  place: '帝纱富仕城1号楼前红板凳议事点',
  invited: [
    '李振海',
    '赵丽娟',
    '陈德强',
    '杨海涛',
    '黄玉梅',
    '吴德胜',
    '徐晓燕',
    '郭明远',
    '林春霞',
    '何家旺',
    '朱凤英',
    '张雪梅',
  ],
  // 徐晓燕 had asked leave; the sign-in sheet recorded her absent (the second amendment corrects it).
  away: { 徐晓燕: 'absent' },
  items: (ctx) => [wasteItem(ctx), parkingItem(ctx)],
};

// ---------------------------------------------------------------------------------------------
// 汇丰家园: private cars blocking the fire lane.

function fireLaneItem(ctx: CaseContext): ItemPlan {
  const p = ctx.person;
  const vote = handVote(ctx, '消防通道整治方案', 0, 1);
  return {
    title: '私家车占用消防通道',
    background: '晚间私家车长期停放在消防通道上，消防车无法通行，居民在微信说事群多次反映。',
    raisedBy: '孙洪涛（10号楼）',
    matterId: ctx.matterId('fireLane'),
    concerns: ['property', 'coBuilding', 'resident', 'stakeholder'],
    plannedMinutes: 50,
    state: 'resolved',
    resolution:
      '同意消防通道整治方案：施划网格线、设置隔离桩，东门外划设临时停车区，晚间劝导一个月，整治后组织消防车通行测试。',
    minutes: [
      '孙洪涛（10号楼）反映：每天晚上7点以后，东门至10号楼的消防通道上停满私家车；上月10号楼一位老人突发疾病，救护车进不来，耽误了十几分钟。',
      '陈晓峰（区消防救援大队）通报夜间实地查看情况：小区3条消防通道有2条被占用，最窄处不足2.5米，消防车无法通行；消防通道净宽不得小于4米。',
      '高长友（东门沿街商铺）说明，部分占道车辆是商铺顾客和店主的车，商户愿意配合，希望在东门外划出临时停车区。',
      '林志远（物业项目负责人）提出方案：消防通道全线施划黄色网格线，路口设置隔离桩和警示牌；东门外空地划设临时停车位15个，供商户和访客使用。',
      '何美玲（5号楼）建议，整治初期安排志愿者晚间劝导，先劝导后处理，避免邻里矛盾。吴海军（业委会主任）表示，标线和隔离桩费用从公共收益中列支，业委会同意。',
      voteLine(ctx, vote),
      '主持人刘长华总结：消防通道必须始终畅通，实行“施划标线、设置隔离桩、晚间劝导”三项措施，一个月后组织消防车通行测试。',
    ],
    decisions: [
      decide(ctx, {
        title: '消防通道施划网格线、设置隔离桩和警示牌',
        who: p('林志远'),
        standard: '3条消防通道全线施划黄色网格线，路口设置隔离桩和警示牌，净宽不小于4米',
        days: 15,
        supervisor: p('吴海军'),
        after: 'done',
      }),
      decide(ctx, {
        title: '东门外划设临时停车区，商户车辆不进消防通道',
        who: p('高长友'),
        standard: '东门沿街商户及顾客车辆全部停放在临时停车区，不再进入消防通道',
        days: 20,
        supervisor: p('黄丽萍'),
        after: 'done',
      }),
      decide(ctx, {
        title: '晚间劝导值守',
        who: p('徐丽君'),
        standard: '每晚19:00—22:00安排网格员和志愿者劝导，连续一个月，占用消防通道车辆降为零',
        days: 30,
        supervisor: p('刘长华'),
        after: 'done',
      }),
      decide(ctx, {
        title: '消防车通行测试和消防知识宣讲',
        who: p('陈晓峰'),
        standard: '整治一个月后组织消防车实地通行测试，开展消防知识宣讲，参与居民不少于100人',
        days: 45,
        supervisor: p('吴海军'),
        after: 'done',
      }),
    ],
    votes: [vote],
    consultations: [],
  };
}

const FIRE_LANE_CASE: RedBenchCase = {
  compound: 'huifengjiayuan',
  daysAgo: 80,
  hour: 19,
  minute: 30,
  plannedMinutes: 60,
  place: '汇丰家园东门红板凳议事点',
  invited: ['刘长华', '黄丽萍', '吴海军', '林志远', '马淑英', '孙洪涛', '陈晓峰', '何美玲', '高长友', '徐丽君'],
  away: { 马淑英: 'excused' },
  items: (ctx) => [fireLaneItem(ctx)],
};

// ---------------------------------------------------------------------------------------------
// 康居花园: the homing-pigeon dispute, settled by mediation.

function pigeonItem(ctx: CaseContext): ItemPlan {
  const p = ctx.person;
  return {
    title: '8号楼住户养殖大量信鸽扰民',
    background: '8号楼一户居民养殖信鸽200余羽，周边住户不满引发矛盾，诉至法院难断责任，转由街道和社区组织调解。',
    raisedBy: '郭淑琴（8号楼）',
    matterId: ctx.matterId('pigeons'),
    concerns: ['stakeholder', 'property', 'resident', 'coBuilding'],
    plannedMinutes: 80,
    state: 'resolved',
    resolution:
      '双方自愿达成调解协议：信鸽减至30羽以内，鸽舍迁至楼顶指定位置；物业公司清洗外墙和楼道；调解委员会每月回访，连续三个月。',
    minutes: [
      '主持人周广平介绍：8号楼一户居民在楼顶和阳台饲养信鸽200余羽，周边住户反映鸽粪污染、噪音和异味，双方矛盾激化，曾诉至法院。三个月来，社区党委会同法官、律师、人民调解员与双方单独沟通10余次、集体座谈3次，今天召开红板凳议事会商定调解方案。',
      '郭淑琴（8号楼）代表周边住户发言：鸽粪落在窗台和晾晒的衣物上，清晨鸽群起落声音大，老人休息不好；希望减少饲养数量，鸽舍远离住户窗户。',
      '胡永强（8号楼，养鸽户）表示，养鸽是多年的爱好，愿意减少数量、搬迁鸽舍，也愿意承担外墙清洗费用，希望邻居给予理解。',
      '李文涛（区人民法院法官）从相邻关系的角度说明了双方的权利和义务，建议以调解方式化解，调解协议可申请司法确认。',
      '朱明辉（山东垦和律师事务所律师）逐条讲解调解协议草案，双方对饲养数量、鸽舍位置、清洁责任和违约处理达成一致。',
      '陈文斌（康居社区人民调解委员会）宣读调解协议：胡永强三个月内将信鸽减至30羽以内，鸽舍迁至楼顶东侧指定位置并加装防护网，每日清理；物业公司清洗8号楼2单元外墙和楼道；调解委员会每月回访一次。双方当场签字。',
      '主持人周广平总结：邻里之间有事好商量，协议落实情况在党群议事日通报，调解员持续回访。',
    ],
    decisions: [
      decide(ctx, {
        title: '信鸽减量、鸽舍迁移',
        who: p('胡永强'),
        standard: '三个月内信鸽减至30羽以内，鸽舍迁至楼顶东侧指定位置并加装防护网，每日清理，不在公共区域喂养',
        days: 90,
        supervisor: p('郭淑琴'),
        after: 'done',
      }),
      decide(ctx, {
        title: '清洗8号楼2单元外墙、楼道和空调外机',
        who: p('黄晓波'),
        standard: '清洗后无鸽粪残留，经8号楼居民代表确认',
        days: 15,
        supervisor: p('徐长海'),
        after: 'done',
      }),
      decide(ctx, {
        title: '调解回访',
        who: p('陈文斌'),
        standard: '每月上门回访双方一次，连续三个月，回访记录报社区党委',
        days: 90,
        supervisor: p('周广平'),
        after: 'done',
      }),
    ],
    votes: [],
    consultations: [],
  };
}

const PIGEON_CASE: RedBenchCase = {
  compound: 'kangjuhuayuan',
  daysAgo: 100,
  hour: 15,
  minute: 0,
  plannedMinutes: 90,
  place: '康居社区居民说事厅',
  invited: [
    '周广平',
    '吴晓丽',
    '徐长海',
    '黄晓波',
    '孙玉芹',
    '马德才',
    '李文涛',
    '朱明辉',
    '胡永强',
    '郭淑琴',
    '陈文斌',
    '杨秀英',
    '何俊峰',
  ],
  away: { 马德才: 'excused' },
  items: (ctx) => [pigeonItem(ctx)],
};

// ---------------------------------------------------------------------------------------------
// 胜兴花园: vegetables on the green space become the 红色花园.

function redGardenItem(ctx: CaseContext): ItemPlan {
  const p = ctx.person;
  const vote = handVote(ctx, '“红色花园”认领管护方案', 0, 0);
  return {
    title: '小区绿地被毁种菜，整治后反复反弹',
    background: '中心绿地和6号楼北侧绿化带约1200平方米被开垦种菜，物业3次清理后又被种上。',
    raisedBy: '李婷婷（网格员走访）',
    matterId: ctx.matterId('redGarden'),
    concerns: ['resident', 'property', 'twoCommittees'],
    plannedMinutes: 50,
    state: 'resolved',
    resolution: '实施“红色花园”项目：绿地划分为62块，由党员、网格员和志愿者认领，改种玫瑰和果树，认领人负责日常管护。',
    minutes: [
      '网格员李婷婷通报走访情况：中心绿地和6号楼北侧绿化带约1200平方米被部分居民开垦种菜，物业先后3次清理，每次不到一个月又被种上，居民之间意见很大。',
      '孙桂香（2号楼）说，种菜的多是退休老人，闲不住，一刀切铲掉容易激化矛盾，不如给大家找点正经事干。',
      '王德顺（小区党支部书记）提出“红色花园”设想：把绿地划块，由党员和志愿者认领，改种玫瑰和果树，谁认领谁管护，既保住绿地，又让老人有事可做。',
      '社区党委书记孙立华列席会议并表示，社区党委支持这一做法，将动员离退休党员和在职党员报到认领，苗木费用由社区“微实事”资金解决一部分。',
      '宋丽萍（物业项目负责人）表示，物业负责土地平整、浇灌设施和栽种的技术指导；韩志刚（胜兴小学）表示，学校可以组织学生开展劳动实践，认领一块“少年园”。',
      '经协商，30名离退休老党员、20名在职党员、12名网格员和居民志愿者当场报名认领，绿地共划分为62块。',
      voteLine(ctx, vote),
    ],
    decisions: [
      decide(ctx, {
        title: '绿地划块认领并挂牌公示',
        who: p('刘淑珍'),
        standard: '绿地划分为62块，认领到人，每块设认领牌，名单在公示栏公示',
        days: 10,
        supervisor: p('王德顺'),
        after: 'done',
      }),
      decide(ctx, {
        title: '平整土地，栽种玫瑰和果树',
        who: p('宋丽萍'),
        standard: '栽种玫瑰不少于500株、果树不少于40棵，铺设浇灌管线，成活率90%以上',
        days: 30,
        supervisor: p('张庆丰'),
        after: 'done',
      }),
      decide(ctx, {
        title: '制定认领管护公约并每周巡查',
        who: p('李婷婷'),
        standard: '制定《红色花园认领管护公约》，每周巡查一次并留存记录，毁绿种菜不再反弹',
        days: 20,
        supervisor: p('王德顺'),
        after: 'done',
      }),
    ],
    votes: [vote],
    consultations: [],
  };
}

const RED_GARDEN_CASE: RedBenchCase = {
  compound: 'shengxinghuayuan',
  daysAgo: 140,
  hour: 15,
  minute: 0,
  plannedMinutes: 60,
  place: '胜兴花园中心绿地',
  invited: [
    '王德顺',
    '刘淑珍',
    '孙立华',
    '张庆丰',
    '宋丽萍',
    '赵洪林',
    '陈玉兰',
    '韩志刚',
    '孙桂香',
    '李婷婷',
    '王浩然',
  ],
  // The community's Party secretary sits in (列席) without a vote.
  away: { 孙立华: 'nonVoting', 陈玉兰: 'excused' },
  items: (ctx) => [redGardenItem(ctx)],
};

export const RED_BENCH_CASES: readonly RedBenchCase[] = [SHOWCASE_CASE, FIRE_LANE_CASE, PIGEON_CASE, RED_GARDEN_CASE];
