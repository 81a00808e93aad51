import type { TFunction } from 'i18next';
import { MEETING_STATUSES, type MeetingStatus } from '../../shared/domain/meeting';
import { EDITABLE_PARTS, editRefusalKey, type EditablePart } from '../../shared/meeting/lifecycle';
import { Refusal } from '../../shared/refusal';
import { codedRefusalOf } from '../../shared/codedRefusal';
import { refusalWords } from './refusalWords';

const isStatus = (v: string | undefined): v is MeetingStatus => MEETING_STATUSES.includes(v as MeetingStatus);
const isPart = (v: string | undefined): v is EditablePart => EDITABLE_PARTS.includes(v as EditablePart);

/** A fault of the program itself (never a refusal or a file system's message). */
function isProgrammingError(error: unknown): boolean {
  return [TypeError, ReferenceError, RangeError].some((kind) => error instanceof kind);
}

/**
 * What to tell the user about a failure, in their language: a refusal of the data layer by its
 * code (shared/refusal.ts), a rule's refusal carried by the error (shared/codedRefusal.ts) by its
 * code and values; anything else by its own message (the bridge's and the file
 * system's words, or a schema's Chinese sentence naming the field).
 */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof Refusal) {
    if (error.code !== 'editRefused') return t(`refusals.${error.code}`, { ns: 'translation', ...error.params });
    const { status, part } = error.params;
    if (isStatus(status) && isPart(part)) {
      const key = editRefusalKey(status);
      return t(`refusals.editRefused.${key}`, {
        ns: 'translation',
        status: t(`refusals.editRefused.statuses.${status}`, { ns: 'translation' }),
        part: t(`refusals.editRefused.parts.${part}`, { ns: 'translation' }),
      });
    }
  }
  const coded = codedRefusalOf(error);
  if (coded) return refusalWords(t, coded);
  if (isProgrammingError(error)) {
    // "e is not iterable" tells a secretary nothing and is not her language; the console keeps it.
    console.error(error);
    return t('errors.internal', { ns: 'translation' });
  }
  return error instanceof Error ? error.message : String(error);
}
