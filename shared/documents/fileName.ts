import type { MeetingRecord } from '../meeting/record';
import { issueLabel, meetingBodyName } from './wording';

/** The five documents a meeting prints. */
export const DOCUMENT_KINDS = ['minutes', 'signatureSheet', 'notice', 'signInSheet', 'resolutionNotice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const SUFFIX: Record<DocumentKind, string> = {
  minutes: '纪要',
  signatureSheet: '签字页',
  notice: '通知',
  signInSheet: '签到表',
  resolutionNotice: '决议公示',
};

/**
 * 帝纱富仕城小区红板凳议事会纪要-2026年第7期.docx — the name a secretary would give the file, safe on
 * Windows: no \ / : * ? " < > | or control characters, no trailing dot or space, under 120 characters.
 */
export function documentFileName(record: MeetingRecord, kind: DocumentKind): string {
  const raw = `${meetingBodyName(record)}${SUFFIX[kind]}-${issueLabel(record)}`;
  const safe = raw
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return `${safe.slice(0, 120) || 'meeting'}.docx`;
}
