/**
 * A refusal of a rule as a code with its values, so each screen words it in the user's language,
 * with the Chinese sentence kept as `message` (logs, thrown errors, tests, and the fallback).
 * One mechanism for every feature's rules (公示, 评议/整改, 金点子 points, the escalation ladder):
 * each keeps a table of Chinese templates (`{name}` marks a value) and the renderer keeps the
 * same keys in its messages, English included (renderer/i18n/refusalText.ts).
 *
 * A value that is itself a piece of wording (a date's name in "{what}不能晚于今天": 评议日期,
 * 整改开始日期…) is a phrase: a code of the table's own phrase list, worded in the locale too, so
 * English reads "Check the evaluation date: …" and not a Chinese word inside an English sentence.
 */

/** The tables of refusals: each is worded by one feature's messages. */
export type RefusalTable = 'publicity' | 'points' | 'escalation' | 'matters';

export type RefusalValues = Readonly<Record<string, string | number>>;

export interface CodedRefusal {
  readonly table: RefusalTable;
  readonly code: string;
  readonly values: RefusalValues;
  /** Values that are phrases of the table, by the placeholder they fill. */
  readonly phrases: Readonly<Record<string, string>>;
  /** The Chinese sentence with everything filled in. */
  readonly message: string;
}

/** `{key}` in a template replaced by its value; a value not given leaves nothing. */
export function fillIn(template: string, values: RefusalValues): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The same templates for i18next (`{key}` → `{{key}}`): the Chinese messages come from the rules' own table. */
export function i18nTemplates<K extends string>(zh: Readonly<Record<K, string>>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<string>(zh).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, '{{$1}}')]),
  ) as Record<K, string>;
}

/** The placeholders of a template, sorted (for tests comparing the languages). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{\{?(\w+)\}?\}/g)].map((m) => m[1] as string).sort();
}

/**
 * The refusal maker of one table: `refuse(code, values, phrases)` → a CodedRefusal whose message
 * is the Chinese template filled in with the values and the Chinese of the phrases.
 */
export function refusalMaker<C extends string, P extends string = never>(
  table: RefusalTable,
  texts: Readonly<Record<C, string>>,
  phrases: Readonly<Record<P, string>> = {} as Record<P, string>,
) {
  return (code: C, values: RefusalValues = {}, phraseValues: Readonly<Record<string, P>> = {}): CodedRefusal => {
    const phraseWords = Object.fromEntries(Object.entries<P>(phraseValues).map(([k, p]) => [k, phrases[p]]));
    return { table, code, values, phrases: phraseValues, message: fillIn(texts[code], { ...values, ...phraseWords }) };
  };
}

/** The CodedRefusal an error carries (thrown by a repository with the rule's refusal), if any. */
export function codedRefusalOf(error: unknown): CodedRefusal | undefined {
  if (typeof error !== 'object' || error === null || !('refusal' in error)) return undefined;
  const r = (error as { refusal?: unknown }).refusal;
  return typeof r === 'object' && r !== null && 'table' in r && 'code' in r ? (r as CodedRefusal) : undefined;
}
