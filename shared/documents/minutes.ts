import type { AgendaItem } from '../domain/meeting';
import { attendanceCounts } from '../meeting/attendance';
import { describeChanges } from '../meeting/changeWords';
import { agendaTakenUp } from '../meeting/discussed';
import { orderRecord, type MeetingRecord } from '../meeting/record';
import {
  blankLine,
  body,
  heading,
  imprint,
  issueNumberLine,
  issuerLine,
  labelledLines,
  labelledList,
  leadParagraph,
  masthead,
  title,
} from './blocks';
import { briefingBlocks } from './briefing';
import { decisionNumbers, decisionsTable, householdSentence, voteSentence } from './decisions';
import { packDocument } from './document';
import { fingerprintBlock } from './seal';
import { signatureSheetContent } from './sheets';
import { createListCounter, tiptapToDocx, type ListCounter } from './tiptapToDocx';
import type { BodyBlock } from './wml';
import {
  MEETING_TYPE_LABELS,
  attendeeLabel,
  carriedOverSentence,
  chineseDate,
  chineseNumber,
  chineseTime,
  issueLabel,
  meetingBodyName,
  minutesTitle,
  partyName,
  unitName,
} from './wording';

/** The 协商会议纪要 (GB/T 9704-2012 §10.3), built from the one record the fingerprint covers. */

export interface MinutesOptions {
  /** Appends the 签字页 on a new page, so one printout carries both. */
  appendSignatureSheet?: boolean;
  /** The date printed by the issuer (ISO); by default the day the record was signed or finalised. */
  issueDate?: string;
  /** The id of the key that signed the record as it stands, printed beside its fingerprint. */
  signingKeyId?: string;
}

type Block = BodyBlock;
type AgendaTakenUp = ReturnType<typeof agendaTakenUp>;

function issueDate(record: MeetingRecord, options: MinutesOptions): string {
  const m = record.meeting;
  return options.issueDate ?? m.signedAt ?? m.finalisedAt ?? m.closedAt ?? m.startAt;
}

/** Who issues the 纪要: the organisation named in the settings, else the compound. */
function issuerOf(record: MeetingRecord): string {
  return record.documentOrgName.trim() || unitName(record);
}

function head(record: MeetingRecord, options: MinutesOptions): Block[] {
  const issuer = issuerOf(record);
  return [
    masthead(unitName(record), `${MEETING_TYPE_LABELS[record.meeting.type]}纪要`),
    issueNumberLine(issueLabel(record)),
    issuerLine(issuer, chineseDate(issueDate(record, options))),
    title(minutesTitle(record)),
  ];
}

function overview(record: MeetingRecord, taken: AgendaTakenUp): BodyBlock {
  const { meeting } = record;
  const c = attendanceCounts(record.attendance);
  const absent = c.absent + c.notMarked;
  const extra = [c.excused > 0 ? `请假${c.excused}人` : '', absent > 0 ? `缺席${absent}人` : '']
    .filter(Boolean)
    .join('，');
  const chair = partyName(meeting.chair);
  const recorder = partyName(meeting.recorder);
  const roles = [chair ? `会议由${chair}主持` : '', recorder ? `${recorder}记录` : ''].filter(Boolean).join('，');
  const sentences = [
    `${chineseDate(meeting.startAt)}${chineseTime(meeting.startAt)}，${unitName(record)}${meeting.place ? `在${meeting.place}` : ''}召开${MEETING_TYPE_LABELS[meeting.type]}。`,
    roles ? `${roles}。` : '',
    `应到${c.expected}人，实到${c.present}人${extra ? `（${extra}）` : ''}${c.nonVoting > 0 ? `，列席${c.nonVoting}人` : ''}。`,
    carriedOverSentence(taken.carriedOver),
    taken.discussed.length > 0 ? `会议围绕${taken.discussed.length}项议题进行了协商，现纪要如下：` : '现纪要如下：',
  ];
  return body(sentences.join(''));
}

function paragraphsOf(text: string | undefined): BodyBlock[] {
  return (text ?? '')
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => body(t));
}

/** One agenda item: 一、title; （一）基本情况 · （二）协商情况 · （三）议定事项 — each only when there is something to say. */
function agendaItemSection(record: MeetingRecord, item: AgendaItem, index: number, lists: ListCounter): Block[] {
  const parts: Array<[string, Block[]]> = [];
  const background = paragraphsOf(item.background);
  if (item.raisedBy?.trim()) background.unshift(body(`该议题由${item.raisedBy.trim()}提出。`));
  if (background.length > 0) parts.push(['基本情况', background]);
  // 上月决定事项落实情况通报: the report as it was generated for this meeting (a sealed snapshot).
  if (item.briefing) parts.push(['落实情况', briefingBlocks(item.briefing)]);
  const minutes = record.minutes.find((m) => m.agendaItemId === item.id);
  const discussion = minutes ? tiptapToDocx(minutes.doc, { headingLevel: 3, lists }) : [];
  if (discussion.length > 0) parts.push(['协商情况', discussion]);
  const agreed: Block[] = [];
  if (item.resolution?.trim()) agreed.push(leadParagraph('决议：', item.resolution.trim()));
  for (const v of record.votes.filter((x) => x.agendaItemId === item.id))
    agreed.push(leadParagraph('表决情况：', voteSentence(v)));
  for (const h of record.householdConsultations.filter((x) => x.agendaItemId === item.id))
    agreed.push(leadParagraph('逐户征求意见：', householdSentence(h)));
  const numbers = decisionNumbers(record.decisions, item.id);
  if (numbers) agreed.push(leadParagraph('决定事项：', `见“决定事项”表${numbers}。`));
  if (agreed.length > 0) parts.push(['议定事项', agreed]);
  // Taken up but nothing written down: say so rather than leave a heading with nothing under it.
  if (parts.length === 0) parts.push(['协商情况', [body('本议题未记录协商情况。')]]);
  return [
    heading(1, `${chineseNumber(index + 1)}、${item.title.trim()}`),
    ...parts.flatMap(([name, blocks], i) => [heading(2, `（${chineseNumber(i + 1)}）${name}`), ...blocks]),
  ];
}

function decisionsSection(record: MeetingRecord, sections: number): Block[] {
  const number = chineseNumber(sections + 1);
  if (record.decisions.length === 0)
    return [heading(1, `${number}、决定事项`), body('本次会议未形成需要落实的决定事项。')];
  return [
    heading(1, `${number}、决定事项`),
    body(`会议形成决定事项${record.decisions.length}项，逐项明确谁来干、干到什么标准、什么时间干完、谁来监督：`, {
      keepNext: true,
    }),
    decisionsTable(record.decisions),
  ];
}

/** 出席 · 请假 · 缺席 · 列席 (§10.3), under the text after a blank line. */
function attendanceLines(record: MeetingRecord): BodyBlock[] {
  const names = (...states: string[]) => record.attendance.filter((a) => states.includes(a.state)).map(attendeeLabel);
  const groups: Array<[string, string[]]> = [
    ['出席', names('present')],
    ['请假', names('excused')],
    ['缺席', names('absent', 'invited')],
    ['列席', names('nonVoting')],
  ];
  return [
    blankLine(),
    ...groups.filter(([, list]) => list.length > 0).map(([label, list]) => labelledList(label, list)),
  ];
}

function amendmentLines(record: MeetingRecord): BodyBlock[] {
  if (record.amendments.length === 0) return [];
  return labelledLines(
    '修订记录',
    record.amendments.map((a) => {
      // What changed, in words (never the record's paths): 第2项决定的完成时限：… → ….
      const changes = describeChanges(record, a.changes).join('；');
      return `${chineseDate(a.at)}，${a.by}：${a.reason.replace(/[。；，\s]+$/, '')}。${changes ? `改动：${changes}。` : ''}`;
    }),
  );
}

/** The 纪要 as .docx bytes (Word 2007+ and WPS), the same in the renderer and the CLI. */
export function buildMinutesDocx(input: MeetingRecord, options: MinutesOptions = {}): Promise<Uint8Array> {
  const record = orderRecord(input);
  const lists = createListCounter();
  const taken = agendaTakenUp(record);
  const content: Block[] = [
    ...head(record, options),
    overview(record, taken),
    ...taken.discussed.flatMap((item, i) => agendaItemSection(record, item, i, lists)),
    ...decisionsSection(record, taken.discussed.length),
    ...attendanceLines(record),
    ...amendmentLines(record),
    ...fingerprintBlock(record.meeting.fingerprint, options.signingKeyId),
    ...imprint(issuerOf(record), chineseDate(issueDate(record, options))),
    ...(options.appendSignatureSheet ? signatureSheetContent(record, { pageBreak: true }) : []),
  ];
  return packDocument(content, {
    title: `${meetingBodyName(record)}纪要（${issueLabel(record)}）`,
    subject: minutesTitle(record),
  });
}
