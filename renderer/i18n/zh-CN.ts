import { ROSTER_ROLE_LABELS_ZH } from '../../shared/domain/roles';
import { EDIT_REFUSAL_WORDS_ZH } from '../../shared/meeting/lifecycle';
import { REFUSALS_ZH } from '../../shared/refusal';

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
  fileTypes: { backup: '议事厅备份', word: 'Word 文档', meetingFile: '议事厅会议记录', excel: 'Excel 工作簿' },
  nav: {
    workbench: '工作台',
    meetings: '会议',
    matters: '说事登记',
    statistics: '统计',
    org: '组织架构',
    roster: '人员名册',
    backups: '备份与恢复',
    settings: '设置',
    largeType: '大字模式',
  },
  levels: { district: '区', subdistrict: '街道', community: '社区', compound: '小区', grid: '网格' },
  // The same words imports, exports and documents use (one table, in shared/).
  roles: ROSTER_ROLE_LABELS_ZH,
  genders: { male: '男', female: '女' },
  flags: { isGridWorker: '网格员', isMediator: '人民调解员', isPartyMember: '党员' },
  errors: {
    futureTitle: '数据来自更新版本的议事厅',
    futureLead:
      '这台电脑上的数据是由更新版本的议事厅保存的（数据版本{{found}}，本软件支持{{supported}}）。为了不损坏数据，本软件不会打开它。请安装最新版本的议事厅。数据没有被删除或改动。',
    openFailedTitle: '无法打开数据',
    openFailedLead: '打开本机数据时出错：{{message}}。数据没有被删除。请关闭其他打开议事厅的窗口后重试。',
    retry: '重试',
    unexpected: '出现意外错误：{{message}}',
    fileTooLarge: '文件太大（{{size}}）。',
    screenTitle: '这一页没能打开',
    screenLead: '已保存的数据都在，没有丢失。可以重新载入这一页，或回到会议列表。（技术信息：{{message}}）',
    reload: '重新载入',
    backToMeetings: '回到会议列表',
    actionFailed: '操作没有完成：{{message}}',
  },
  // Why the data layer refused something: the same words its errors carry (shared/refusal.ts,
  // shared/meeting/lifecycle.ts), worded here per locale (errorText.ts).
  refusals: { ...REFUSALS_ZH, editRefused: EDIT_REFUSAL_WORDS_ZH },
};

export type Messages = typeof zhCN;
