import type { MatterPath, MatterUrgency } from '../domain/matter';

/**
 * 居民说事 for the demo, drawn from the cases in the 中国城市报 report on 垦利区
 * (see shared/domain.md) plus a few everyday ones so every channel, kind and status shows.
 */
/** The matters a demo meeting deliberated: its agenda item links to the matter (agendaItem.matterId). */
export const DEMO_MEETING_MATTERS = [
  'waste',
  'parking',
  'redGarden',
  'pigeons',
  'fireLane',
  'northGate',
  'squareDance',
] as const;
export type DemoMeetingMatter = (typeof DEMO_MEETING_MATTERS)[number];

export interface MatterSpec {
  /** Set on the matters a demo meeting took up (see demoCases.ts); the others never reached a meeting. */
  key?: DemoMeetingMatter;
  /** Slug of the org unit the matter belongs to; a grid is `<compound slug>-g<n>`. */
  org: string;
  title: string;
  description: string;
  /** A roster name becomes that resident, another name a one-off person, '' anonymous. */
  raisedBy: string;
  phone?: string;
  /** One of the default channels (DEFAULT_MATTER_CHANNELS). */
  channel: string;
  category: string;
  path: MatterPath;
  urgency?: MatterUrgency;
  /** A 即办件's handling record. */
  handling?: { by: string; action: string; result: string };
  escalationReason?: string;
  /** The closing note of a matter that is done with (办结). */
  closed?: string;
  /** The title of the matter this one was merged into (a resident raised the same thing again). */
  mergeInto?: string;
  /** How many days before `now` the matter was registered. */
  daysAgo: number;
}

export const DEMO_MATTERS: MatterSpec[] = [
  {
    key: 'waste',
    org: 'dishafushicheng',
    title: '垃圾分类设施改造提升',
    category: '环境卫生',
    description:
      '小区垃圾分类投放点设施老化，桶站破损、没有遮雨棚，1号楼旁投放点异味大，居民多次在说事点反映。拟召开红板凳议事会，商定投放点改造位置、改造标准、完成时限和监督人。',
    raisedBy: '黄玉梅',
    channel: '党群睦邻说事点',
    path: 'pending',
    // The red-bench meeting 40 days ago decided it; the facilities are rebuilt and rated.
    daysAgo: 62,
  },
  {
    key: 'parking',
    org: 'dishafushicheng',
    title: '停车位改造划分',
    category: '停车',
    description:
      '地面停车位划线模糊、车位不足，晚间占用绿化带和通道停车的情况较多。业主建议重新施划车位、增设临时停车区，需物业、业委会和有车业主共同商定方案。',
    raisedBy: '何家旺',
    channel: '微信说事群',
    path: 'pending',
    // Decided at the same red-bench meeting; the re-marking is still under way.
    daysAgo: 55,
  },
  {
    org: 'dishafushicheng-g2',
    title: '3号楼电梯运行有异响',
    category: '设施',
    description: '微信说事群反映3号楼电梯上下行时有异响，物业已联系维保单位检修。',
    raisedBy: '3号楼居民',
    channel: '微信说事群',
    path: 'immediate',
    urgency: 'urgent',
    daysAgo: 3,
  },
  {
    key: 'redGarden',
    org: 'shengxinghuayuan',
    title: '小区绿地被毁种菜，整治后反复反弹',
    category: '绿化',
    description:
      '部分居民毁坏绿地种菜，物业多次整治都出现反弹。社区党委调研后协商实施“红色花园”项目：30名离退休老党员、20名在职党员、12名网格员和居民志愿者认领“菜地”，改种玫瑰、果树，划块分区、全程管护。',
    raisedBy: '李婷婷（网格员走访）',
    channel: '网格员走访',
    path: 'pending',
    closed: '红色花园建成，党员认领管护，居民评议满意',
    daysAgo: 150,
  },
  {
    org: 'shengxing',
    title: '70岁以上老年人救助金统计发放',
    category: '民生服务',
    description:
      '救助金统计发放涉及区直50余个部门单位，工作量占全区三分之一，社区难以统筹，启动“社区吹哨、部门报到”。区卫健局、区行政审批局、区纪委派驻组等参与研究工作方案，如期完成统计发放。',
    raisedBy: '胜兴社区党委',
    channel: '居民说事厅',
    path: 'escalate',
    escalationReason: '涉及区直50余个部门，社区无法统筹',
    closed: '“社区吹哨、部门报到”，如期完成统计发放',
    daysAgo: 200,
  },
  {
    key: 'pigeons',
    org: 'kangjuhuayuan',
    title: '8号楼住户养殖大量信鸽扰民',
    category: '矛盾纠纷',
    description:
      '一户居民养殖大量信鸽，周边居民不满引发矛盾，诉至法院难断责任。街道组织法官、物业、律师、人民调解员一起沟通化解，历时3个月，经过10余次单独沟通和集体座谈，最终以调解形式解决。',
    raisedBy: '郭淑琴',
    channel: '居民说事厅',
    path: 'escalate',
    escalationReason: '诉至法院难断责任，需街道协调法官、律师和人民调解员',
    closed: '历时3个月调解成功',
    // Three months of talks before the red-bench meeting 100 days ago settled it.
    daysAgo: 190,
  },
  {
    org: 'kangjuhuayuan-g2',
    title: '绿化带树木过高，遮挡路口视线',
    category: '安全',
    description: '小区主路与车库出入口交汇处绿化带过高，行人和车辆互相看不见，存在安全隐患。',
    raisedBy: '高秀云',
    channel: '微信说事群',
    path: 'immediate',
    handling: {
      by: '物业保洁绿化班',
      action: '当天修剪路口两侧绿化带，降到1米以下',
      result: '路口视线恢复，网格员回访居民满意',
    },
    closed: '即办即结',
    daysAgo: 60,
  },
  {
    org: 'gongxiao',
    title: '老旧小区无物业，卫生维修无人管',
    category: '物业',
    description:
      '原单位宿舍区，一直没有物业，垃圾清运、公共设施维修无人负责。社区党委提议、班子商议后与住建部门联议，引入红色物业托管，决议向全体居民公开。',
    raisedBy: '张翠兰',
    channel: '居民说事厅',
    path: 'escalate',
    escalationReason: '社区无力解决物业管理缺失，需住建部门联议',
    closed: '引入红色物业托管，结果已公开',
    daysAgo: 240,
  },
  {
    key: 'fireLane',
    org: 'huifengjiayuan',
    title: '私家车占用消防通道',
    category: '安全',
    description:
      '晚间私家车长期停放在消防通道上，消防车无法通行。物业、业委会与消防救援大队共同议定划线、设桩和劝导方案。',
    raisedBy: '孙洪涛',
    channel: '微信说事群',
    path: 'pending',
    closed: '划线、设桩完成，消防通道保持畅通',
    daysAgo: 90,
  },
  {
    org: 'fuzeyuan',
    title: '楼道堆放杂物，影响通行',
    category: '环境卫生',
    description: '3号楼一单元楼道堆放纸箱和旧家具，网格员走访时登记。',
    raisedBy: '王晓光',
    channel: '网格员走访',
    path: 'untriaged',
    daysAgo: 1,
  },
  {
    key: 'northGate',
    org: 'xindongfang',
    title: '小区出入口少，进出不方便（开通北门）',
    category: '设施',
    description:
      '居民反映小区出入口少、进出不便。小区党支部广泛听取业主意见、实地调研确定方案后，对1800户居民逐户征求意见，1760户同意开通北门，北门已正式开通。',
    raisedBy: '刘玉霞',
    channel: '党群睦邻说事点',
    path: 'pending',
    closed: '北门已正式开通',
    // Before the 党群议事日 six months ago that sent it to every household.
    daysAgo: 200,
  },
  {
    key: 'squareDance',
    org: 'xindongfang-g4',
    title: '南区广场晚间广场舞音响声音过大',
    category: '矛盾纠纷',
    description: '南区广场晚间音响音量大、结束时间晚，临近住户休息受影响，建议议定活动时间和音量。',
    raisedBy: '徐秀珍',
    channel: '微信说事群',
    path: 'pending',
    daysAgo: 6,
  },
  {
    org: 'zhenxingyuan',
    title: '电动车飞线充电，建议增设充电桩',
    category: '安全',
    description: '部分居民从楼上拉线给电动车充电，存在火灾隐患，建议在小区内增设集中充电设施。',
    raisedBy: '徐大勇',
    channel: '微信说事群',
    path: 'pending',
    daysAgo: 2,
  },
  {
    org: 'xinglongjiayuan',
    title: '雨污管道堵塞，一楼住户返水',
    category: '设施',
    description: '雨后1号楼一楼住户地漏返水，初步判断为小区外市政管道堵塞，需报街道协调水务部门处理。',
    raisedBy: '马玉兰',
    channel: '网格员走访',
    path: 'escalate',
    urgency: 'critical',
    escalationReason: '市政管道不归小区管理，需街道协调水务部门',
    daysAgo: 20,
  },
  {
    org: 'jinhuhuayuan',
    title: '独居老人吃饭难，希望开设助餐点',
    category: '民生服务',
    description: '小区独居老人较多，家属希望在小区附近开设老年助餐点，列入“微心愿”清单。',
    raisedBy: '高秀芳',
    channel: '微信说事群',
    path: 'pending',
    daysAgo: 30,
  },
  {
    org: 'dishafushicheng-g1',
    title: '垃圾桶站破损有异味',
    category: '环境卫生',
    description: '1号楼旁垃圾桶站桶盖破了，夏天异味大，希望尽快修。',
    raisedBy: '1号楼居民',
    phone: '13905461234',
    channel: '微信说事群',
    path: 'pending',
    mergeInto: '垃圾分类设施改造提升',
    daysAgo: 60,
  },
  {
    org: 'dishafushicheng',
    title: '晚上车停到绿化带上',
    category: '停车',
    description: '车位不够，晚上有车直接停在绿化带和通道上。',
    raisedBy: '',
    channel: '红马扎',
    path: 'pending',
    mergeInto: '停车位改造划分',
    daysAgo: 52,
  },
  {
    org: 'dishafushicheng-g2',
    title: '单元门禁损坏，陌生人随意进出',
    category: '安全',
    description: '2号楼二单元门禁坏了一周，门一直开着，老人担心安全。',
    raisedBy: '黄玉梅',
    channel: '平和茶社',
    path: 'immediate',
    urgency: 'urgent',
    handling: { by: '物业维修班', action: '更换门禁电源和门磁', result: '门禁恢复正常，已告知提出人' },
    closed: '即办即结',
    daysAgo: 9,
  },
  {
    org: 'dishafushicheng',
    title: '小区路灯不亮，夜间出行不便',
    category: '设施',
    description: '东侧主路三盏路灯不亮，晚上老人散步看不清路。',
    raisedBy: '何家旺',
    channel: '居民说事厅',
    path: 'pending',
    daysAgo: 4,
  },
];
