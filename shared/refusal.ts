/**
 * Why the data layer refused an action, as a code the screens word in the user's language
 * (renderer/i18n/errorText.ts). The Chinese sentence travels with it as the error's message, for
 * the console and for anything that shows `error.message` as it is.
 *
 * Why codes: these refusals reach the screen (a meeting finalised in another window, a row
 * deleted meanwhile), and an English user must read them in English. What the main process or a
 * file system reports crosses the bridge as text only and stays as it is.
 */
export const REFUSALS_ZH = {
  meetingMissing: '会议不存在',
  agendaItemMissing: '议题不存在',
  attendanceMissing: '参会人员不存在',
  agendaChanged: '议程已变化，请重试',
  changedWhileSigning: '签字期间记录有变化，请重试',
  changedWhileAmending: '修订期间记录有变化，请重试',
  signatureUnreadable: '签名图片太大或无法识别，请重新签名',
  paperSheetUnreadable: '纸质签到表的照片太大或无法识别，请换一张较小的照片',
  unitMissing: '单位不存在',
  nothingBelowGrid: '网格下面不能再添加单位',
  demoFailed: '演示数据生成失败，没有写入任何数据',
  demoOverData: '已经有数据，不能再载入演示社区',
  monthlyDayExists: '这个小区在这一天已经有党群议事日，没有再建一个',
  signingKeyMissing: '签名密钥不存在',
  backupReadFailed: '备份没有完成：读取数据时出错，没写完的备份已丢弃，现有数据没有变化。请稍后再试。',
  signingKeyLocked:
    '操作系统的安全存储解不开本机的签名密钥（可能换了系统用户，或系统密钥环已重置）。请在“设置—签名密钥”中更换密钥；设置过备份口令的，也可以用口令恢复。',
} as const;

export type RefusalCode = keyof typeof REFUSALS_ZH | 'editRefused';

export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly params: Readonly<Record<string, string>> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'Refusal';
  }
}

/** A refusal worded by the table above (everything but a lifecycle refusal, which has its own words). */
export function refusal(
  code: keyof typeof REFUSALS_ZH,
  params: Readonly<Record<string, string>> = {},
  options?: ErrorOptions,
): Refusal {
  return new Refusal(code, REFUSALS_ZH[code], params, options);
}
