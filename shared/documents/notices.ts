import { ROSTER_ROLES } from '../domain/roles';
import { voteResult } from '../domain/vote';
import type { AgendaItem } from '../domain/meeting';
import { agendaTakenUp } from '../meeting/discussed';
import { orderRecord, type MeetingRecord } from '../meeting/record';
import { body, heading, leadParagraph, signOff, title } from './blocks';
import { decisionsTable } from './decisions';
import { packDocument } from './document';
import { roleLabel } from './sheets';
import { STYLE } from './style';
import { paragraph, text, type BodyBlock } from './wml';
import {
  MEETING_TYPE_LABELS,
  addDays,
  carriedOverSentence,
  calendarDay,
  chineseDate,
  chineseNumber,
  chineseTime,
  chineseWeekday,
  issueLabel,
  meetingBodyName,
  partyName,
  unitName,
} from './wording';

/** The two documents for residents: the 会议通知 before the meeting and the 决议公示 after it. */

type Block = BodyBlock;

function issuerOf(record: MeetingRecord): string {
  return record.documentOrgName.trim() || unitName(record);
}

/** 主送: flush left, one line under the title. */
function addressee(value: string): BodyBlock {
  return paragraph({ style: STYLE.plain }, [text(value)]);
}

/** Who was invited, by 6+N category, then 列席: a walk-in added at the sign-in was never invited. */
function participantLines(record: MeetingRecord): BodyBlock[] {
  const invited = record.attendance.filter((a) => !a.walkIn);
  const voting = invited.filter((a) => a.state !== 'nonVoting');
  const lines = ROSTER_ROLES.flatMap((role) => {
    const names = voting.filter((a) => a.category === role).map((a) => a.name);
    return names.length > 0 ? [leadParagraph(`${roleLabel(role)}：`, names.join('、'))] : [];
  });
  const guests = invited.filter((a) => a.state === 'nonVoting').map((a) => (a.unit ? `${a.unit}${a.name}` : a.name));
  if (guests.length > 0) lines.push(leadParagraph('列席：', guests.join('、')));
  return lines;
}

function agendaLines(record: MeetingRecord): BodyBlock[] {
  return record.agendaItems.map((item, i) => {
    const notes = [item.raisedBy?.trim() ? `${item.raisedBy.trim()}提出` : '', `约${item.plannedMinutes}分钟`]
      .filter(Boolean)
      .join('，');
    return body(`${i + 1}.${item.title.trim()}（${notes}）`);
  });
}

export interface NoticeOptions {
  /** The date of the notice (ISO); by default the day the meeting was created. */
  issueDate?: string;
}

/** 会议通知: when, where, who and the agenda, with the issuer's sign-off. */
export function buildNoticeDocx(input: MeetingRecord, options: NoticeOptions = {}): Promise<Uint8Array> {
  const record = orderRecord(input);
  const { meeting } = record;
  const when = `${chineseDate(meeting.startAt)}（${chineseWeekday(meeting.startAt)}）${chineseTime(meeting.startAt)}`;
  const chair = partyName(meeting.chair);
  const content: Block[] = [
    title(`关于召开${meetingBodyName(record)}的通知`, { first: true }),
    addressee('各位参会人员：'),
    body(
      `经研究，定于${when}在${meeting.place || '另行通知的地点'}召开${meetingBodyName(record)}（${issueLabel(record)}），现将有关事项通知如下：`,
    ),
    heading(1, '一、会议议程'),
    ...agendaLines(record),
    heading(1, '二、参会人员'),
    ...participantLines(record),
    heading(1, '三、有关要求'),
    body(
      `请参会人员提前10分钟到场签到。因故不能参加的，请于会前向${chair || '会议召集人'}请假。` +
        '与议题有关的意见和材料，请在会前准备好，以便会上充分协商。',
    ),
    ...signOff(issuerOf(record), chineseDate(options.issueDate ?? meeting.createdAt)),
  ];
  return packDocument(content, { title: `关于召开${meetingBodyName(record)}的通知（${issueLabel(record)}）` });
}

export interface ResolutionNoticeOptions {
  /** First day on the notice board (YYYY-MM-DD); by default the day after the meeting. */
  publishFrom?: string;
  /** Length of the 公示期 in days (default 7). */
  days?: number;
}

function resolutionLines(record: MeetingRecord, items: readonly AgendaItem[]): BodyBlock[] {
  return items.flatMap((item, i) => {
    const votes = record.votes.filter((v) => v.agendaItemId === item.id);
    const outcome = votes
      .map((v) => {
        const r = voteResult(v);
        return r.ok
          ? `经表决，同意${v.agree}人、反对${v.disagree}人、弃权${v.abstain}人，${r.passed ? '通过' : '未通过'}。`
          : '';
      })
      .join('');
    const text = `${item.resolution?.trim() || '会议进行了协商，未形成决议。'}${outcome}`;
    return [heading(2, `（${chineseNumber(i + 1)}）${item.title.trim()}`), body(text)];
  });
}

/** 决议公示 for the notice board: each resolution, the decisions with their four answers, and the 公示期. */
export function buildResolutionNoticeDocx(
  input: MeetingRecord,
  options: ResolutionNoticeOptions = {},
): Promise<Uint8Array> {
  const record = orderRecord(input);
  const { meeting } = record;
  const from = options.publishFrom ?? addDays(calendarDay(meeting.startAt), 1);
  const days = options.days ?? 7;
  const to = addDays(from, days - 1);
  const name = meetingBodyName(record);
  const taken = agendaTakenUp(record);
  const content: Block[] = [
    title(`${name}决议公示`, { first: true }),
    body(
      `${chineseDate(meeting.startAt)}，${unitName(record)}召开${MEETING_TYPE_LABELS[meeting.type]}（${issueLabel(record)}），` +
        `就${taken.discussed.length}项议题进行了协商。${carriedOverSentence(taken.carriedOver)}现将会议决议和决定事项公示如下：`,
    ),
    heading(1, '一、会议决议'),
    ...resolutionLines(record, taken.discussed),
    heading(1, '二、决定事项'),
    ...(record.decisions.length > 0
      ? [decisionsTable(record.decisions)]
      : [body('本次会议未形成需要落实的决定事项。')]),
    heading(1, '三、公示期'),
    body(
      `公示期：${chineseDate(from)}至${chineseDate(to)}（共${days}天）。公示期内，居民对上述事项如有意见或建议，请向${issuerOf(record)}反映。`,
    ),
    ...signOff(issuerOf(record), chineseDate(from)),
  ];
  return packDocument(content, { title: `${name}决议公示（${issueLabel(record)}）` });
}
