import { registerMessages } from '../../i18n';

/** Strings of the 工作台: the i18next namespace 'workbench'. */
const zhCN = {
  title: '工作台',
  scope: '查看范围',
  scopeAll: '全部小区和社区',
  more: '还有{{count}}项，到“督办”查看全部',
  reminders: {
    title: '提醒',
    none: '没有逾期、今天到期或3天内到期的决定事项。',
    overdue: '逾期（{{count}}项）',
    dueToday: '今天到期（{{count}}项）',
    dueSoon: '3天内到期（{{count}}项）',
    line: '{{responsible}} · 时限{{deadline}}',
  },
  next: {
    title: '下次党群议事日：{{date}}',
    none: '这一天还没有准备党群议事日。',
    prepare: '准备党群议事日',
    prepareFor: '准备{{unit}}党群议事日',
    items: '议题{{count}}项',
    pending: '待上会待办件{{count}}件',
    expected: '应到{{count}}人',
    pendingOnly: '{{unit}}有{{count}}件待办件等待上会。',
    status: {
      draft: '筹备中',
      live: '进行中',
      closed: '已结束',
      finalised: '已定稿',
      signed: '已签字',
      cancelled: '已取消',
    },
  },
  triage: {
    title: '待分流事项（{{count}}件）',
    none: '没有待分流的事项。',
    urgency: { normal: '一般', urgent: '紧急', critical: '特急' },
    raised: '{{date}}登记',
  },
  due: {
    title: '7天内到期及逾期的决定事项（{{count}}项）',
    none: '7天内没有到期的决定事项，也没有逾期的。',
    person: '按责任人',
    unit: '按责任单位',
    moreGroups: '还有{{count}}个责任人或单位，到“督办”查看全部',
    counts: '逾期{{overdue}}项 · 7天内到期{{soon}}项',
    noneHere: '没有这一类的责任人。',
  },
  publicity: {
    title: '公示与评议',
    none: '没有即将结束的公示，也没有待组织的评议。',
    noticeEnding: '公示将于{{date}}结束',
    evaluationToOrganise: '结果已公示，待组织评议（公示至{{date}}）',
    recheckDue: '整改中，{{date}}前再次验收',
  },
};

const en: typeof zhCN = {
  title: 'Workbench',
  scope: 'Showing',
  scopeAll: 'All compounds and communities',
  more: '{{count}} more — see Follow-up for all',
  reminders: {
    title: 'Reminders',
    none: 'No action item is overdue, due today or due within 3 days.',
    overdue: 'Overdue ({{count}})',
    dueToday: 'Due today ({{count}})',
    dueSoon: 'Due within 3 days ({{count}})',
    line: '{{responsible}} · due {{deadline}}',
  },
  next: {
    title: 'Next deliberation day: {{date}}',
    none: 'No deliberation day has been prepared for that day yet.',
    prepare: 'Prepare the deliberation day',
    prepareFor: 'Prepare the deliberation day of {{unit}}',
    items: 'agenda items: {{count}}',
    pending: 'matters waiting: {{count}}',
    expected: 'expected: {{count}}',
    pendingOnly: 'Matters of {{unit}} waiting for a meeting: {{count}}.',
    status: {
      draft: 'In preparation',
      live: 'In progress',
      closed: 'Closed',
      finalised: 'Finalised',
      signed: 'Signed',
      cancelled: 'Cancelled',
    },
  },
  triage: {
    title: 'Matters to triage ({{count}})',
    none: 'No matter is waiting for triage.',
    urgency: { normal: 'Normal', urgent: 'Urgent', critical: 'Critical' },
    raised: 'registered {{date}}',
  },
  due: {
    title: 'Action items due within 7 days or overdue ({{count}})',
    none: 'No action item is due within 7 days, and none is overdue.',
    person: 'By responsible person',
    unit: 'By responsible unit',
    moreGroups: '{{count}} more people or units — see Follow-up for all',
    counts: '{{overdue}} overdue · {{soon}} due within 7 days',
    noneHere: 'Nobody of this kind.',
  },
  publicity: {
    title: 'Public notices and evaluations',
    none: 'No public notice is ending soon and no evaluation is waiting to be organised.',
    noticeEnding: 'notice ends {{date}}',
    evaluationToOrganise: 'result published, evaluation to organise (notice until {{date}})',
    recheckDue: 'being rectified, second inspection by {{date}}',
  },
};

registerMessages('workbench', { 'zh-CN': zhCN, en });
