import { safeFileName } from '../fileName';
import type { MeetingRecord } from '../meeting/record';
import { issueLabel, meetingBodyName } from './wording';

import type { DocumentKind } from './kinds';

const SUFFIX: Record<DocumentKind, string> = {
  minutes: '纪要',
  signatureSheet: '签字页',
  notice: '通知',
  signInSheet: '签到表',
  resolutionNotice: '决议公示',
};

/** 帝纱富仕城小区红板凳议事会纪要-2026年第7期.docx — the name a secretary would give the file. */
export function documentFileName(record: MeetingRecord, kind: DocumentKind): string {
  return safeFileName(`${meetingBodyName(record)}${SUFFIX[kind]}-${issueLabel(record)}`, 'docx', '会议');
}

/** 帝纱富仕城红板凳议事会-2026年第7期.yishi.json — the meeting file (导出文件 → 会议记录文件). */
export function meetingFileName(record: MeetingRecord): string {
  return safeFileName(`${record.meeting.title}-${issueLabel(record)}`, 'yishi.json', '会议');
}

/** 帝纱富仕城小区红板凳议事会纪要-2026年第7期.pdf — the 纪要 as PDF (from a filing package). */
export function minutesPdfFileName(record: MeetingRecord): string {
  return safeFileName(`${meetingBodyName(record)}${SUFFIX.minutes}-${issueLabel(record)}`, 'pdf', '会议');
}

/** The meeting's screen saved as PDF. */
export function meetingPdfName(record: MeetingRecord): string {
  return safeFileName(record.meeting.title, 'pdf', '会议');
}
