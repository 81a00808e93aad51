import { ROSTER_ROLE_LABELS_ZH } from '../../shared/domain/roles';
import { EDIT_REFUSAL_WORDS_ZH } from '../../shared/meeting/lifecycle';
import { REFUSALS_ZH } from '../../shared/refusal';
import { i18nTemplates } from '../../shared/codedRefusal';
import { MATTER_REFUSALS_ZH, MATTER_REFUSAL_PHRASES_ZH } from '../../shared/matters/refusals';

/** Simplified Chinese, the default locale. Every key here must exist in en.ts (a test checks). */
export const zhCN = {
  app: { name: '议事厅', tagline: '有事好商量 · 社区党群议事' },
  common: {
    save: '保存',
    cancel: '取消',
    delete: '删除',
    edit: '编辑',
    add: '新增',
    confirm: '确定',
    close: '关闭',
    yes: '是',
    no: '否',
    search: '搜索',
    actions: '操作',
    loading: '正在加载…',
    saved: '已保存',
    none: '无',
    back: '返回',
    next: '下一步',
    moveUp: '上移',
    moveDown: '下移',
    required: '必填',
    people: '{{count}}人',
    rows: '{{count}}行',
    clear: '清除',
  },
  // Punctuation belongs to the language: screens join label and value, a note, a list through these.
  punct: {
    labelled: '{{label}}：{{value}}',
    label: '{{label}}：',
    withNote: '{{text}}（{{note}}）',
    listSeparator: '、',
    clauseSeparator: '；',
  },
  // What a file picker calls the kinds of file the app reads and writes.
  fileTypes: {
    pdf: 'PDF 文档',
    backup: '议事厅备份',
    word: 'Word 文档',
    meetingFile: '议事厅会议记录',
    filingPackage: '议事厅备案包',
    reviewResult: '议事厅审阅结果',
    excel: 'Excel 工作簿',
  },
  nav: {
    workbench: '工作台',
    meetings: '会议',
    matters: '说事登记',
    followup: '督办',
    followupBadge: '{{count}}项逾期或今天到期',
    statistics: '统计',
    search: '全库检索',
    searchGo: '在全部记录中查找',
    searchPlaceholder: '搜索全部记录',
    org: '组织架构',
    roster: '人员名册',
    backups: '备份与恢复',
    review: '审阅',
    settings: '设置',
    largeType: '大字模式',
    toggleMenu: '显示或收起菜单',
  },
  // As antd's pager says it (its Chinese locale), for the pager drawn without antd.
  pager: { prev: '上一页', next: '下一页', prev5: '向前 5 页', next5: '向后 5 页' },
  levels: { district: '区', subdistrict: '街道', community: '社区', compound: '小区', grid: '网格' },
  // The same words imports, exports and documents use (one table, in shared/).
  roles: ROSTER_ROLE_LABELS_ZH,
  genders: { male: '男', female: '女' },
  flags: { isGridWorker: '网格员', isMediator: '人民调解员', isPartyMember: '党员' },
  // While an older database is backed up and upgraded at start-up (main.tsx), before the app can show anything else.
  upgrade: {
    title: '正在升级数据，请勿关闭…',
    lead: '议事厅已更新：先为本机的数据做一份备份，再把数据升级到新版本。数据多时需要几分钟，完成后自动打开。',
  },
  opening: {
    title: '正在打开数据…',
    lead: '数据多时需要稍等片刻。',
    afterRestoreLead:
      '上次恢复备份时议事厅被关闭了。没有完成的恢复正在撤销，数据会回到恢复之前的样子，不会丢失。数据多时需要一两分钟，请不要关闭窗口。',
  },
  interruptedRestore: {
    restoredTitle: '上次的恢复已经完成',
    restoredLead: '恢复备份时议事厅被关闭了，但恢复在关闭之前已经完成：现在的数据就是{{time}}的那份备份。',
    restoredLeadNoTime: '恢复备份时议事厅被关闭了，但恢复在关闭之前已经完成：现在的数据就是所恢复的那份备份。',
    undoneTitle: '上次的恢复没有完成，已经撤销',
    undoneLead:
      '恢复备份时议事厅被关闭了，恢复没有完成。数据和恢复之前完全一样，没有丢失也没有改动。需要的话，请到“备份与恢复”重新恢复。',
    backups: '打开备份与恢复',
  },
  errors: {
    futureTitle: '数据来自更新版本的议事厅',
    futureLead:
      '这台电脑上的数据是由更新版本的议事厅保存的（数据版本{{found}}，本软件支持{{supported}}）。为了不损坏数据，本软件不会打开它。请安装最新版本的议事厅。数据没有被删除或改动。',
    openFailedTitle: '无法打开数据',
    openFailedLead:
      '打开本机数据时出错：{{reason}}。数据没有被删除。请关闭其他打开议事厅的窗口后重试；仍然不行时，请重新启动电脑再试。',
    openFailedReasons: {
      busy: '数据文件正被占用或暂时无法读取（可能另一个议事厅窗口还没有完全关闭）',
      diskFull: '电脑的磁盘空间不足',
      other: '数据库没有正常响应',
    },
    retry: '重试',
    unexpected: '出现意外错误：{{message}}',
    internal: '程序内部出错，请记下刚才的操作步骤并告诉技术支持',
    fileTooLarge: '文件太大（{{size}}）。',
    screenTitle: '这一页没能打开',
    screenLead: '已保存的数据都在，没有丢失。可以重新载入这一页，或回到会议列表。（技术信息：{{message}}）',
    reload: '重新载入',
    backToMeetings: '回到会议列表',
    actionFailed: '操作没有完成：{{message}}',
  },
  // The settings row had lost its setUpAt over existing data (data/settingsStore.ts recoverSetUp).
  setUpRecovered: {
    title: '数据都在，已继续使用',
    lead: '本机的设置记录缺少“开始使用的时间”，但已经有会议和人员名册的数据，所以没有显示首次设置页面，也没有改动任何数据。开始使用的时间已按最早的记录（{{day}}）补上。请到“设置”核对单位名称等设置。',
    settings: '打开设置',
  },
  // Why the data layer refused something: the same words its errors carry (shared/refusal.ts,
  // shared/meeting/lifecycle.ts), worded here per locale (errorText.ts).
  refusals: { ...REFUSALS_ZH, editRefused: EDIT_REFUSAL_WORDS_ZH },
  // The matters register's refusals (shared/matters/refusals.ts): here, always loaded, because the
  // meetings' screens take up matters too (registered in ./index.ts).
  matterRefusals: i18nTemplates(MATTER_REFUSALS_ZH),
  matterRefusalPhrases: MATTER_REFUSAL_PHRASES_ZH,
};

export type Messages = typeof zhCN;
