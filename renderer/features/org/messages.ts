import { registerMessages } from '../../i18n';

/** Strings of the org feature: the i18next namespace 'org' (app-wide words stay in renderer/i18n). */
const zhCN = {
  title: '组织架构',
  lead: '区 → 街道 → 社区 → 小区 → 网格。选中一个单位可修改名称或添加下级。',
  addRoot: '添加区',
  addChild: '添加{{level}}',
  name: '名称',
  households: '户数',
  level: '层级',
  path: '隶属',
  newName: '新的{{level}}',
  deleteConfirm: '确定删除“{{name}}”吗？',
  cannotDeleteChildren: '“{{name}}”下还有下级单位，请先删除或移走下级单位。',
  cannotDeletePeople: '“{{name}}”还有{{count}}名人员，请先把他们调到其他单位。',
  empty: '还没有组织。请先添加区。',
  selectHint: '在左侧选择一个单位。',
  peopleCount: '人员：{{count}}人',
};

const en: typeof zhCN = {
  title: 'Organisation',
  lead: 'District → sub-district → community → compound → grid. Select a unit to rename it or add units below it.',
  addRoot: 'Add district',
  addChild: 'Add {{level}}',
  name: 'Name',
  households: 'Households',
  level: 'Level',
  path: 'Part of',
  newName: 'New {{level}}',
  deleteConfirm: 'Delete "{{name}}"?',
  cannotDeleteChildren: '"{{name}}" still has units below it; delete or move them first.',
  cannotDeletePeople: '"{{name}}" still has {{count}} people; move them to another unit first.',
  empty: 'No organisation yet. Add a district first.',
  selectHint: 'Select a unit on the left.',
  peopleCount: 'People: {{count}}',
};

export const orgMessages = { 'zh-CN': zhCN, en } as const;
registerMessages('org', orgMessages);
