import { registerMessages } from '../../i18n';

/**
 * UI text of the minutes editor, registered as the i18next namespace 'minutes'.
 * The secretary types while people talk: messages are short and say what to do next.
 */
const zhCN = {
  editorLabel: '议题纪要',
  toolbarLabel: '纪要格式',
  withShortcut: '{{label}}（{{keys}}）',
  heading: '标题',
  headingTip: '标题（二级 {{h2}}，三级 {{h3}}）',
  paragraph: '正文',
  heading2: '二级标题',
  heading3: '三级标题',
  bold: '加粗',
  italic: '斜体',
  underline: '下划线',
  bulletList: '项目符号',
  orderedList: '编号',
  undo: '撤销',
  redo: '重做',
  statusSaved: '已保存 {{time}}',
  statusNothingYet: '尚未记录',
  statusSaving: '正在保存…',
  statusError: '保存失败，正在重试',
  statusLocked: '会议已定稿或签字，纪要不能再修改，刚才的改动没有保存',
  statusRejected: '纪要无法保存（{{reason}}），请刷新页面后重试',
  saveHint: '{{keys}} 立即保存',
  pasteTooLarge: '粘贴的内容太长（约 {{count}} 字），一次最多粘贴 {{max}} 字。请分几次粘贴，内容没有改动。',
  docTooLarge: '本议题的纪要已到 {{max}} 字的上限，不能再添加内容。请精简，或把材料另行保存。',
  loading: '正在读取纪要…',
  loadFailed: '纪要读取失败：{{message}}',
  empty: '（本议题没有纪要）',
  mentionListLabel: '选择参会人员',
  mentionNone: '没有找到匹配的参会人员',
  mentionHint: '↑↓ 选择 · Enter 确认 · Esc 关闭',
} as const;

const en: Record<keyof typeof zhCN, string> = {
  editorLabel: 'Minutes of the agenda item',
  toolbarLabel: 'Minutes formatting',
  withShortcut: '{{label}} ({{keys}})',
  heading: 'Heading',
  headingTip: 'Heading (level 2 {{h2}}, level 3 {{h3}})',
  paragraph: 'Body text',
  heading2: 'Heading 2',
  heading3: 'Heading 3',
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  undo: 'Undo',
  redo: 'Redo',
  statusSaved: 'Saved {{time}}',
  statusNothingYet: 'Nothing recorded yet',
  statusSaving: 'Saving…',
  statusError: 'Saving failed, retrying',
  statusLocked:
    'The meeting is finalised or signed: the minutes can no longer change, and the last edits were not saved',
  statusRejected: 'The minutes cannot be saved ({{reason}}); reload the page and try again',
  saveHint: '{{keys}} saves now',
  pasteTooLarge:
    'The pasted text is too long (about {{count}} characters); at most {{max}} can be pasted at once. Paste it in parts; nothing was changed.',
  docTooLarge:
    'The minutes of this item have reached the limit of {{max}} characters; nothing more can be added. Shorten them or keep the material elsewhere.',
  loading: 'Loading the minutes…',
  loadFailed: 'The minutes could not be loaded: {{message}}',
  empty: '(No minutes for this item)',
  mentionListLabel: 'Choose an attendee',
  mentionNone: 'No attendee matches',
  mentionHint: '↑↓ choose · Enter confirm · Esc close',
};

export const minutesMessages = { 'zh-CN': zhCN, en } as const;
registerMessages('minutes', minutesMessages);
export type MinutesMessageKey = keyof typeof zhCN;
