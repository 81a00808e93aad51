import { registerMessages } from '../../i18n';

/** Strings of the settings feature: the i18next namespace 'settings' (app-wide words stay in renderer/i18n). */
const zhCN = {
  title: '设置',
  documentOrgName: '文件落款单位',
  documentOrgNameHint: '印在纪要、通知等文件上',
  defaultRecorder: '默认记录人',
  language: '界面语言',
  largeType: '大字模式',
  largeTypeHint: '放大全部文字和按钮，方便年长的同志使用',
  threshold: '评议满意度标准',
  thresholdHint: '满意度（满意＋基本满意）低于此值的结果须整改并再次验收；默认80%',
  thresholdInvalid: '请填写1至100之间的整数',
  ownLevel: '本机使用单位',
  ownLevelHint: '街道或区使用本机时，左侧出现“审阅”，用来审阅各社区报来的备案',
  about: '关于',
  version: '版本 {{version}}',
};

const en: typeof zhCN = {
  title: 'Settings',
  documentOrgName: 'Issuing organisation',
  documentOrgNameHint: 'Printed on minutes and notices',
  defaultRecorder: 'Default recorder',
  language: 'Language',
  largeType: 'Large type',
  largeTypeHint: 'Larger text and buttons for easier reading',
  threshold: 'Satisfaction standard',
  thresholdHint:
    'Results rated below this (satisfied + mostly satisfied) are rectified and inspected again; 80% by default',
  thresholdInvalid: 'Enter a whole number from 1 to 100',
  ownLevel: 'This computer is used by a',
  ownLevelHint: 'For a sub-district or district, Review appears on the left, for the filings of its communities',
  about: 'About',
  version: 'Version {{version}}',
};

export const settingsMessages = { 'zh-CN': zhCN, en } as const;
registerMessages('settings', settingsMessages);
