import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/settings';
import { zhCN } from './zh-CN';
import { en } from './en';
import { registerRefusals } from './refusalWords';

/**
 * One convention for every string the user reads: app-wide words (buttons, menu, roles, levels,
 * errors) are the default namespace here; each feature keeps its own strings in its
 * `messages.ts` as `{ 'zh-CN': {…}, en: {…} }` and registers them under its namespace when its
 * code loads (`registerMessages`), so this module knows no feature. A feature's screens ask for
 * their namespace (`useTranslation('roster')`); app-wide keys are found through `fallbackNS`.
 */
export type MessageBundle = { readonly 'zh-CN': object; readonly en: object };

export const APP_MESSAGES: MessageBundle = { 'zh-CN': zhCN, en };
const LOCALES = ['zh-CN', 'en'] as const;
// The matters register's refusals are worded by the app-wide messages (zh-CN.ts explains why).
registerRefusals('matters', { ns: 'translation', codes: 'matterRefusals', phrases: 'matterRefusalPhrases' });
const registered = new Map<string, MessageBundle>();

export function registerMessages(namespace: string, bundle: MessageBundle): void {
  registered.set(namespace, bundle);
  if (i18next.isInitialized)
    for (const locale of LOCALES) i18next.addResourceBundle(locale, namespace, bundle[locale], true, true);
}

/** Every namespace registered so far, the app-wide one included (for tests and tools). */
export function registeredMessages(): ReadonlyMap<string, MessageBundle> {
  return new Map([['translation', APP_MESSAGES], ...registered]);
}

/** i18next's resources for every namespace registered so far. */
export function allResources(): Record<string, Record<string, object>> {
  const out: Record<string, Record<string, object>> = { 'zh-CN': {}, en: {} };
  for (const [namespace, bundle] of registeredMessages())
    for (const locale of LOCALES) (out[locale] as Record<string, object>)[namespace] = bundle[locale];
  return out;
}

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: allResources(),
    lng: locale,
    fallbackLng: 'zh-CN',
    fallbackNS: 'translation',
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
