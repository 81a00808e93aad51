import type { Decision } from '../domain/decision';
import type { ProgressEvent } from '../followup/state';
import type { MeetingRecord } from '../meeting/record';
import { PLACE_LABELS, type PublicNotice } from '../publicity/notice';
import { body, heading, signOff, title } from './blocks';
import { decisionsTable } from './decisions';
import { packDocument } from './document';
import type { BodyBlock } from './wml';
import { MEETING_TYPE_LABELS, chineseDate, issueLabel, partyName, unitName } from './wording';

/**
 * 结果公示 (结果公开, the second of 两公开): beside the 决议公示 and in its house style (same
 * title, headings, body and sign-off blocks; GB/T 9704 body). One per decision: what was decided,
 * how it was carried out (the progress notes), who confirmed it, and the period in which residents
 * may object. It is built from the record and the follow-up rows, never from the screen.
 */
export interface ResultNoticeInput {
  record: MeetingRecord;
  decision: Decision;
  /** The decision's follow-up steps, any order. */
  steps: readonly ProgressEvent[];
  notice: PublicNotice;
}

function issuerOf(record: MeetingRecord): string {
  return record.documentOrgName.trim() || unitName(record);
}

function progressLines(steps: readonly ProgressEvent[]): BodyBlock[] {
  const shown = [...steps]
    .sort((a, b) => a.at.localeCompare(b.at))
    .filter((s) => s.kind === 'note' || s.kind === 'reportDone' || s.kind === 'confirm');
  if (shown.length === 0) return [body('（无落实情况记录）')];
  return shown.map((s, i) => {
    const what =
      s.kind === 'confirm' ? `监督人${s.by}验收确认完成` : s.kind === 'reportDone' ? `${s.by}报告完成` : s.by;
    return body(`${i + 1}.${chineseDate(s.at)}，${what}${s.text ? `：${s.text}` : '。'}`);
  });
}

export function buildResultNoticeDocx(input: ResultNoticeInput): Promise<Uint8Array> {
  const { record, decision, notice } = input;
  const { meeting } = record;
  const issuer = issuerOf(record);
  const confirm = [...input.steps]
    .filter((s) => s.kind === 'confirm')
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  const places = notice.places.map((p) => PLACE_LABELS[p]).join('、');
  const content: BodyBlock[] = [
    title(`关于“${decision.title.trim()}”落实结果的公示`, { first: true }),
    body(
      `${chineseDate(meeting.startAt)}，${unitName(record)}召开${MEETING_TYPE_LABELS[meeting.type]}（${issueLabel(record)}），` +
        `决定${decision.title.trim()}。该事项已由${partyName(decision.responsible)}落实` +
        `${confirm ? `，经监督人${confirm.by}于${chineseDate(confirm.at)}验收确认完成` : ''}。现将落实结果公示如下：`,
    ),
    heading(1, '一、决定事项'),
    decisionsTable([decision]),
    heading(1, '二、落实情况'),
    ...progressLines(input.steps),
    heading(1, '三、公示期'),
    body(
      `公示期：${chineseDate(notice.startDate)}至${chineseDate(notice.endDate)}（共${notice.days}天），公示方式：${places}。` +
        `公示期内，居民对落实结果如有意见，请向${issuer}反映。公示结束后，将组织居民代表对落实结果进行评议。`,
    ),
    ...signOff(issuer, chineseDate(notice.startDate)),
  ];
  return packDocument(content, { title: `${decision.title.trim()}落实结果公示（${issueLabel(record)}）` });
}
