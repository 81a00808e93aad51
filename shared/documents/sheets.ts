import type { Attendance } from '../domain/meeting';
import { ROSTER_ROLES, ROSTER_ROLE_LABELS_ZH, type RosterRole } from '../domain/roles';
import { attendanceCounts } from '../meeting/attendance';
import { orderRecord, type MeetingRecord } from '../meeting/record';
import { body, imageParagraph, smallNote, title } from './blocks';
import { textWidthChars } from './measure';
import { packDocument } from './document';
import { pngFromDataUrl, pngSize } from './png';
import { jpegFromDataUrl } from './jpeg';
import { CHARS_PER_LINE, STYLE, mmToTwip } from './style';
import { CELL_MARGINS, columnWidths, ruledTable, type Column, type TableLine } from './tables';
import { chineseDate, chineseTime, issueLabel, meetingBodyName } from './wording';
import { paragraph, text, type BodyBlock, type Inline, type PictureInline } from './wml';

/** The sheets people write on: the 签字页 (signatures of those who attended) and the blank 签到表. */

/** A 6+N category as documents print it: 党组织书记, “两委”成员… */
export function roleLabel(role: RosterRole): string {
  return ROSTER_ROLE_LABELS_ZH[role];
}

/** Under a sheet's title: the 期数 centred, then 时间 and 地点, on one line when they fit. */
function meetingLines(record: MeetingRecord): BodyBlock[] {
  const { meeting } = record;
  const line = (value: string, center = false) =>
    paragraph({ style: STYLE.plain, ...(center ? { align: 'center' as const } : {}) }, [text(value)]);
  const when = `时间：${chineseDate(meeting.startAt)}${chineseTime(meeting.startAt)}`;
  const where = meeting.place ? `地点：${meeting.place}` : '';
  const together = `${when}\u3000${where}`; // a full-width space
  const details = !where ? [when] : textWidthChars(together) <= CHARS_PER_LINE ? [together] : [when, where];
  return [line(`（${issueLabel(record)}）`, true), ...details.map((d) => line(d))];
}

const SIGNATURE_COLUMNS: readonly Column[] = [
  { header: '序号', weight: 700, align: 'center' },
  { header: '姓名', weight: 1500, align: 'center' },
  { header: '身份/单位', weight: 3145 },
  { header: '签字', weight: 3500, align: 'center' },
];

const SIGNATURE_ROW = mmToTwip(11);

/** The captured signature, scaled into its box keeping its proportions; null when there is none. */
function signatureImage(a: Attendance, boxWidthTwip: number, key: string): PictureInline | null {
  if (a.signature?.kind !== 'screen') return null;
  const bytes = pngFromDataUrl(a.signature.imageDataUrl);
  const size = bytes && pngSize(bytes);
  if (!bytes || !size) return null;
  const maxW = Math.floor(boxWidthTwip / 15); // 15 twips per pixel at 96 dpi
  const maxH = Math.round((9 / 25.4) * 96);
  const scale = Math.min(maxW / size.width, maxH / size.height);
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  return {
    picture: { key, type: 'png', bytes },
    width,
    height,
    name: `${a.name}的签字`,
    description: `${a.name}的签字`,
    title: '签字',
  };
}

function whoCell(a: Attendance): Inline[] {
  const role = a.state === 'nonVoting' ? `${roleLabel(a.category)}（列席）` : roleLabel(a.category);
  return a.unit ? [text(role), { text: a.unit, break: true }] : [text(role)];
}

/** Who signs: those who attended (列席 included) and those not yet marked, who may sign on paper. */
function signers(record: MeetingRecord): Attendance[] {
  return record.attendance.filter((a) => a.state === 'present' || a.state === 'nonVoting' || a.state === 'invited');
}

/** Largest size of the attached paper sheet photo on the page, in pixels (about 14 × 19 cm). */
const PAPER_PHOTO_MAX = { width: 540, height: 720 };

/** The photo or scan of the signed paper 签到表, when the secretary attached one. */
function paperSheetPhoto(record: MeetingRecord): BodyBlock[] {
  const sheet = record.meeting.paperSignatureSheet;
  const jpeg = jpegFromDataUrl(sheet?.imageDataUrl);
  if (!sheet || !jpeg) return [];
  const scale = Math.min(1, PAPER_PHOTO_MAX.width / jpeg.width, PAPER_PHOTO_MAX.height / jpeg.height);
  const image: PictureInline = {
    picture: { key: 'paper-sheet', type: 'jpg', bytes: jpeg.bytes },
    width: Math.round(jpeg.width * scale),
    height: Math.round(jpeg.height * scale),
    name: '纸质签到表',
    description: '已签字的纸质签到表照片',
    title: '纸质签到表',
  };
  return [
    paragraph({ style: STYLE.plain, pageBreakBefore: true }, [
      text(`附：已签字的纸质签到表（${sheet.recordedBy}记录）`),
    ]),
    imageParagraph(image, { center: true }),
  ];
}

/** The 签字页 content; `pageBreak` starts it on a new page when it follows the 纪要. */
export function signatureSheetContent(input: MeetingRecord, options: { pageBreak?: boolean } = {}): BodyBlock[] {
  const record = orderRecord(input);
  const boxWidth =
    (columnWidths(SIGNATURE_COLUMNS.map((c) => c.weight))[3] as number) - CELL_MARGINS.left - CELL_MARGINS.right;
  const lines: TableLine[] = signers(record).map((a, i) => {
    const image = signatureImage(a, boxWidth, `signature-${i + 1}`);
    return {
      cells: [String(i + 1), a.name, whoCell(a), image ? imageParagraph(image, { center: true }) : ''],
      options: { minHeight: SIGNATURE_ROW },
    };
  });
  const counts = attendanceCounts(record.attendance);
  const heading = title(`${meetingBodyName(record)}签字页`, { tight: true });
  return [
    options.pageBreak ? paragraph({ style: STYLE.plain, pageBreakBefore: true }) : null,
    heading,
    ...meetingLines(record),
    ruledTable(SIGNATURE_COLUMNS, lines),
    smallNote(
      `应到${counts.expected}人，实到${counts.present}人，列席${counts.nonVoting}人。签字人确认会议纪要所记内容属实。`,
      { before: 120 },
    ),
    ...paperSheetPhoto(record),
  ].filter((p): p is BodyBlock => p !== null);
}

export function buildSignatureSheetDocx(record: MeetingRecord): Promise<Uint8Array> {
  return packDocument(signatureSheetContent(record), {
    title: `${meetingBodyName(record)}签字页（${issueLabel(record)}）`,
  });
}

const SIGN_IN_COLUMNS: readonly Column[] = [
  { header: '序号', weight: 700, align: 'center' },
  { header: '姓名', weight: 1400, align: 'center' },
  { header: '单位/住址', weight: 3245 },
  { header: '签到', weight: 2300, align: 'center' },
  { header: '备注', weight: 1200 },
];

/** The blank 签到表, grouped by 6+N category in the standing order, with spare rows for walk-ins. */
export function buildSignInSheetDocx(input: MeetingRecord, options: { spareRows?: number } = {}): Promise<Uint8Array> {
  const record = orderRecord(input);
  const lines: TableLine[] = [];
  let n = 0;
  const row = (cells: string[]) => ({ cells: [String(++n), ...cells], options: { minHeight: mmToTwip(11) } });
  for (const role of ROSTER_ROLES) {
    const people = record.attendance.filter((a) => a.category === role);
    if (people.length === 0) continue;
    lines.push({ group: `${roleLabel(role)}（${people.length}人）` });
    for (const a of people) lines.push(row([a.name, a.unit ?? '', '', a.state === 'nonVoting' ? '列席' : '']));
  }
  lines.push({ group: '其他参会人员' });
  for (let i = 0; i < (options.spareRows ?? 4); i++) lines.push(row(['', '', '', '']));
  const counts = attendanceCounts(record.attendance);
  const content = [
    title(`${meetingBodyName(record)}签到表`, { first: true, tight: true }),
    ...meetingLines(record),
    ruledTable(SIGN_IN_COLUMNS, lines),
    body(`应到${counts.expected}人，实到＿＿人，列席＿＿人。`),
  ];
  return packDocument(content, { title: `${meetingBodyName(record)}签到表（${issueLabel(record)}）` });
}
