import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatChineseDate, formatChineseDateTime, formatEnglishDate, formatEnglishDateTime } from '../../shared/dates';

/**
 * The words around the user's words, per locale: dates and times, "label: value", a note in
 * brackets, lists. Chinese writes 2026年12月3日, 议题：…, （未邀请）, 甲、乙; English 3 Dec 2026,
 * Item: …, (not invited), A, B — so no screen builds punctuation or dates itself. Documents
 * (shared/documents) stay Chinese: they are official Chinese papers.
 */
export interface Wording {
  date(value: string): string;
  dateTime(moment: string): string;
  labelled(label: string, value: string | number): string;
  label(label: string): string;
  withNote(text: string, note: string): string;
  list(items: readonly string[]): string;
  clauses(items: readonly string[]): string;
}

export function wordingFor(t: TFunction, language: string): Wording {
  const english = language === 'en';
  const ns = { ns: 'translation' } as const;
  return {
    date: english ? formatEnglishDate : formatChineseDate,
    dateTime: english ? formatEnglishDateTime : formatChineseDateTime,
    labelled: (label, value) => t('punct.labelled', { ...ns, label, value }),
    label: (label) => t('punct.label', { ...ns, label }),
    withNote: (text, note) => t('punct.withNote', { ...ns, text, note }),
    list: (items) => items.join(t('punct.listSeparator', ns)),
    clauses: (items) => items.join(t('punct.clauseSeparator', ns)),
  };
}

/** The wording of the locale on screen. */
export function useWording(): Wording {
  const { t, i18n } = useTranslation();
  return useMemo(() => wordingFor(t, i18n.language), [t, i18n.language]);
}
