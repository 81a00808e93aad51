import type { MeetingStatus } from '../domain/meeting';

/** The five documents a meeting prints. */
export const DOCUMENT_KINDS = ['minutes', 'signatureSheet', 'notice', 'signInSheet', 'resolutionNotice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Which documents a meeting may produce in each state, in the order the export menu lists them —
 * the one rule for the app's menu and `npm run export`. Before the meeting: the notice and the
 * sign-in sheet; while it runs and until 定稿, a draft of the 纪要 too; the 签字页 (people sign that
 * the minutes are true) and the 决议公示 (published to residents) only once the record is
 * finalised, when its content can no longer change.
 */
const KINDS_BY_STATUS: Readonly<Record<MeetingStatus, readonly DocumentKind[]>> = {
  draft: ['notice', 'signInSheet'],
  live: ['notice', 'signInSheet', 'minutes'],
  closed: ['minutes', 'notice', 'signInSheet'],
  finalised: ['minutes', 'signatureSheet', 'resolutionNotice', 'notice', 'signInSheet'],
  signed: ['minutes', 'signatureSheet', 'resolutionNotice', 'notice', 'signInSheet'],
  // A cancelled meeting decided nothing: no 纪要 or 公示, and no notice for a meeting that will not be held.
  cancelled: [],
};

export function documentKindsFor(status: MeetingStatus): readonly DocumentKind[] {
  return KINDS_BY_STATUS[status];
}

/** Whether a document reads the minutes (the 纪要 prints them; both it and the 决议公示 tell items taken up from those carried over). */
export function documentUsesMinutes(kind: DocumentKind): boolean {
  return kind === 'minutes' || kind === 'resolutionNotice';
}
