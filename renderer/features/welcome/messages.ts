import { registerMessages } from '../../i18n';

/** Strings of the welcome feature: the i18next namespace 'welcome' (app-wide words stay in renderer/i18n). */
const zhCN = {
  title: '欢迎使用议事厅',
  lead: '议事厅帮助社区党组织筹备党群议事日和红板凳议事会、签到、记录纪要，并跟踪每项决定的落实。所有数据保存在本机，不需要联网。',
  ownTitle: '建立我的组织',
  ownLead: '填写所在的区、街道和社区，之后可以在“组织架构”里继续添加小区和网格。',
  demoTitle: '先看看演示社区',
  demoLead:
    '载入根据垦利区真实案例编写的演示数据：胜兴、康居、汇丰等社区，帝纱富仕城、新东方小区等小区，各“6+N”角色的人员，以及近一年的会议——已签字的党群议事日、红板凳议事会、修订记录，还有各阶段的决定事项和下一次党群议事日的筹备稿。',
  examples: { district: '垦利区', subdistrict: '垦利街道', community: '胜兴社区', compound: '帝纱富仕城' },
  demoButton: '载入演示社区',
  ownButton: '建立并开始使用',
  district: '区（县）名称',
  subdistrict: '街道（镇）名称',
  ownLevel: '本机使用单位',
  community: '社区名称（街道、区使用时可不填）',
  compound: '小区名称（可稍后添加）',
  documentOrgName: '文件落款单位',
  documentOrgNameHint: '印在纪要等文件上，例如：中共垦利街道胜兴社区委员会',
  loadingDemo: '正在载入演示数据…',
  demoLoaded: '演示社区已载入',
  haveBackup: '换了新电脑，已有备份文件？',
  keptBackup: {
    title: '这台电脑上还保存着议事厅的备份',
    lead: '如果之前在这台电脑上用过议事厅，数据却不见了，可以用最近一份备份恢复：恢复前会先说明备份里有什么，确认后才替换。',
    newest:
      '最近一份：{{time}}（{{reason}}），含会议 {{meetings}} 次、决定事项 {{decisions}} 项、人员 {{people}} 人，{{size}}。',
    newestUncounted: '最近一份：{{time}}（{{reason}}），{{size}}。',
    others: '另有 {{count}} 份备份，恢复后可在“备份与恢复”中查看和选用。',
    restore: '用最近一份备份恢复…',
  },
};

const en: typeof zhCN = {
  title: 'Welcome to Yishi',
  lead: 'Yishi helps community Party organisations prepare monthly deliberation days and red-bench meetings, take attendance, record minutes and follow every decision through. All data stays on this computer; no internet needed.',
  ownTitle: 'Set up my organisation',
  ownLead: 'Enter your district, sub-district and community; add compounds and grids later under Organisation.',
  demoTitle: 'Try the demo community',
  demoLead:
    'Load demo data written from real cases in Kenli District: communities such as Shengxing, Kangju and Huifeng, compounds such as Dishafushicheng and Xindongfang, people in every "6+N" role, and a year of meetings — signed deliberation days, red-bench meetings, amendments, decisions at every stage and the next deliberation day in preparation.',
  examples: {
    district: 'e.g. Kenli District',
    subdistrict: 'e.g. Kenli Subdistrict',
    community: 'e.g. Shengxing Community',
    compound: 'e.g. Dishafushicheng',
  },
  demoButton: 'Load the demo community',
  ownButton: 'Create and start',
  district: 'District (county)',
  subdistrict: 'Sub-district (town)',
  ownLevel: 'This computer is used by a',
  community: 'Community (not needed for a sub-district or district)',
  compound: 'Compound (optional, add later)',
  documentOrgName: 'Issuing organisation',
  documentOrgNameHint: 'Printed on minutes and notices, e.g. the community Party committee',
  loadingDemo: 'Loading demo data…',
  demoLoaded: 'Demo community loaded',
  haveBackup: 'New computer and you have a backup file?',
  keptBackup: {
    title: 'This computer still keeps backups of Yishi',
    lead: 'If Yishi was used on this computer before and its data is gone, restore the newest backup: you will see what it holds before anything is replaced.',
    newest:
      'Newest: {{time}} ({{reason}}), with {{meetings}} meetings, {{decisions}} decisions and {{people}} people, {{size}}.',
    newestUncounted: 'Newest: {{time}} ({{reason}}), {{size}}.',
    others: '{{count}} more backups are kept; after the restore, find them under Backup & restore.',
    restore: 'Restore the newest backup…',
  },
};

export const welcomeMessages = { 'zh-CN': zhCN, en } as const;
registerMessages('welcome', welcomeMessages);
