import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { MEETING_STATUSES } from '../../shared/domain/meeting';
import { EDITABLE_PARTS, canEdit, editRefusal } from '../../shared/meeting/lifecycle';
import { REFUSALS_ZH, refusal } from '../../shared/refusal';
import { MeetingLockedError } from '../data/repos/meetingGuard';
import { AgendaItemMissingError } from '../data/repos/agendaRepo';
import { allResources } from './index';
import { errorText } from './errorText';

async function translator(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    resources: allResources(),
    lng,
    fallbackLng: 'zh-CN',
    fallbackNS: 'translation',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('errorText', () => {
  it('words every lifecycle refusal in Chinese exactly as the data layer writes it', async () => {
    const t = await translator('zh-CN');
    for (const status of MEETING_STATUSES)
      for (const part of EDITABLE_PARTS)
        if (!canEdit(status, part)) {
          const error = new MeetingLockedError(status, part);
          expect(errorText(t, error)).toBe(editRefusal(status, part));
          expect(errorText(t, error)).toBe(error.message);
        }
  });

  it('words every refusal in English, with no Chinese left in it', async () => {
    const t = await translator('en');
    for (const status of MEETING_STATUSES)
      for (const part of EDITABLE_PARTS)
        if (!canEdit(status, part)) expect(errorText(t, new MeetingLockedError(status, part))).not.toMatch(CJK);
    expect(errorText(t, new MeetingLockedError('closed', 'liveNavigation'))).toBe(
      'The meeting is closed: you cannot move to another item',
    );
    for (const code of Object.keys(REFUSALS_ZH) as (keyof typeof REFUSALS_ZH)[])
      expect(errorText(t, refusal(code)), code).not.toMatch(CJK);
    expect(errorText(t, new AgendaItemMissingError())).toBe('The agenda item does not exist');
  });

  it('keeps the Chinese of every other refusal as its message says', async () => {
    const t = await translator('zh-CN');
    for (const code of Object.keys(REFUSALS_ZH) as (keyof typeof REFUSALS_ZH)[])
      expect(errorText(t, refusal(code))).toBe(REFUSALS_ZH[code]);
  });

  it('shows any other failure by its own message', async () => {
    const t = await translator('en');
    expect(errorText(t, new Error('磁盘已满'))).toBe('磁盘已满');
    expect(errorText(t, 'plain')).toBe('plain');
  });

  it('words a fault of the program itself in the language of the user, not its English', async () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const t = await translator(lng);
      const text = errorText(t, new TypeError('e is not iterable'));
      expect(text).not.toContain('iterable');
      expect(CJK.test(text)).toBe(lng === 'zh-CN');
    }
    // A message of the bridge or the file system is still shown as it is.
    const t = await translator('zh-CN');
    expect(errorText(t, new Error('读取文件失败：这个文件已经关闭'))).toBe('读取文件失败：这个文件已经关闭');
  });
});
