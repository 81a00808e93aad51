import { registerMessages } from '../../i18n';

/**
 * UI text of signature capture and the paper sign-in sheet, registered as the i18next namespace
 * 'signatures'. Many signers are elderly residents: plain words, one instruction at a time.
 */
const zhCN = {
  padLabel: '签名区',
  padPrompt: '请在下面的框内签名',
  padPromptNamed: '请 {{name}} 在下面的框内签名',
  padPlaceholder: '在此签名',
  clear: '清除',
  undoStroke: '撤销一笔',
  confirm: '确认签名',
  emptySignature: '还没有签名，请先在框内签名',
  tooSmall: '签名太小了，请写大一些再确认',
  sheetChoose: '上传纸质签到表照片',
  sheetChooseAgain: '重新选择',
  sheetHint: '拍照或扫描已签字的纸质签到表，支持 JPG、PNG、WebP 图片，不超过 {{maxMb}} MB',
  sheetProcessing: '正在处理图片…',
  sheetPreviewAlt: '纸质签到表照片',
  sheetInfo: '{{width}} × {{height}} 像素，约 {{size}}',
  sheetConfirm: '确认：纸质签到表已签字',
  sheetWrongType: '只能上传 JPG、PNG 或 WebP 图片（这个文件是“{{type}}”）。手机照片请先存为 JPG 格式',
  sheetTooLarge: '图片太大（{{size}}），请上传不超过 {{maxMb}} MB 的图片',
  sheetEmpty: '这个文件是空的，请重新选择',
  sheetUnreadable: '这张图片打不开，可能已经损坏，请重新拍照或扫描',
  sheetStillTooLarge: '处理后的图片仍然太大，请换一张分辨率低一些的照片',
} as const;

const en: Record<keyof typeof zhCN, string> = {
  padLabel: 'Signature area',
  padPrompt: 'Please sign in the box below',
  padPromptNamed: '{{name}}, please sign in the box below',
  padPlaceholder: 'Sign here',
  clear: 'Clear',
  undoStroke: 'Undo stroke',
  confirm: 'Confirm signature',
  emptySignature: 'There is no signature yet; please sign in the box first',
  tooSmall: 'The signature is too small; please sign larger and confirm again',
  sheetChoose: 'Upload the paper sign-in sheet',
  sheetChooseAgain: 'Choose another',
  sheetHint: 'A photo or scan of the signed paper sign-in sheet: JPG, PNG or WebP, at most {{maxMb}} MB',
  sheetProcessing: 'Processing the image…',
  sheetPreviewAlt: 'Paper sign-in sheet',
  sheetInfo: '{{width}} × {{height}} pixels, about {{size}}',
  sheetConfirm: 'Confirm: the paper sheet was signed',
  sheetWrongType:
    'Only JPG, PNG or WebP images can be uploaded (this file is "{{type}}"). Save phone photos as JPG first',
  sheetTooLarge: 'The image is too large ({{size}}); upload one of at most {{maxMb}} MB',
  sheetEmpty: 'This file is empty; please choose another',
  sheetUnreadable: 'This image cannot be opened and may be damaged; please photograph or scan it again',
  sheetStillTooLarge: 'The processed image is still too large; please use a photo of lower resolution',
};

export const signatureMessages = { 'zh-CN': zhCN, en } as const;
registerMessages('signatures', signatureMessages);
