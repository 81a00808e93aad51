import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/settings';
import { zhCN } from './zh-CN';
import { en } from './en';
import { rosterImportMessages } from '../features/roster/import/messages';
import { meetingsMessages } from '../features/meetings/messages';
import { minutesMessages } from '../features/minutes/messages';
import { signatureMessages } from '../features/signatures/messages';

export const resources = {
  'zh-CN': {
    translation: zhCN,
    rosterImportProblems: rosterImportMessages['zh-CN'],
    meetings: meetingsMessages['zh-CN'],
    minutes: minutesMessages['zh-CN'],
    signatures: signatureMessages['zh-CN'],
  },
  en: {
    translation: en,
    rosterImportProblems: rosterImportMessages.en,
    meetings: meetingsMessages.en,
    minutes: minutesMessages.en,
    signatures: signatureMessages.en,
  },
} as const;

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
}

export async function changeLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export { i18next };
