/**
 * The Word documents of a meeting, built from its MeetingRecord in pure code (no DOM, no Node):
 * the renderer saves the bytes through the bridge, the CLI (scripts/export.mjs) writes them to disk.
 */
export { buildMinutesDocx, type MinutesOptions } from './minutes';
export { defaultMinutesTitle, minutesTitle } from './wording';
export { buildSignatureSheetDocx, buildSignInSheetDocx } from './sheets';
export {
  buildNoticeDocx,
  buildResolutionNoticeDocx,
  type NoticeOptions,
  type ResolutionNoticeOptions,
} from './notices';
export { documentFileName, meetingFileName, meetingPdfName } from './fileName';
export { buildResultNoticeDocx, type ResultNoticeInput } from './resultNotice';
export { DOCUMENT_KINDS, documentKindsFor, documentUsesMinutes, type DocumentKind } from './kinds';
export { tiptapToDocx, tiptapPlainText, createListCounter, type TiptapToDocxOptions } from './tiptapToDocx';

import type { MeetingRecord } from '../meeting/record';
import type { DocumentKind } from './kinds';
import { buildMinutesDocx } from './minutes';
import { buildNoticeDocx, buildResolutionNoticeDocx } from './notices';
import { buildSignatureSheetDocx, buildSignInSheetDocx } from './sheets';

/**
 * One entry point per kind, so a caller (UI menu, CLI --all) can loop over DOCUMENT_KINDS.
 * `signingKeyId` is printed by the 纪要 beside its fingerprint.
 */
export function buildDocument(
  record: MeetingRecord,
  kind: DocumentKind,
  options: { signingKeyId?: string } = {},
): Promise<Uint8Array> {
  switch (kind) {
    case 'minutes':
      return buildMinutesDocx(record, { signingKeyId: options.signingKeyId });
    case 'signatureSheet':
      return buildSignatureSheetDocx(record);
    case 'notice':
      return buildNoticeDocx(record);
    case 'signInSheet':
      return buildSignInSheetDocx(record);
    case 'resolutionNotice':
      return buildResolutionNoticeDocx(record);
  }
}
