import { formatChineseDate, formatChineseDateTime } from '../dates';
import { ROSTER_ROLE_LABELS_ZH, type RosterRole } from '../domain/roles';
import { MEETING_TYPE_LABELS, VOTE_METHOD_LABELS } from '../documents/wording';
import { fieldWords } from '../validation/fieldNames';
import { orderRecord, type MeetingRecord } from './record';

/**
 * An amendment's changes in words, for the screen and the Word 纪要: "第2项决定的完成时限：
 * 2026年12月31日 → 2027年1月15日", "议题2「停车位重新施划」的决议：… → …", "新增第3项决定「…」".
 * Rows are named by their place in `record` (the record as it reads now), numbered as the 纪要
 * numbers them; a removed row by what it was. Paths are those of diffRecords (amend.ts).
 */

export interface ChangeToDescribe {
  path: string;
  /** Absent when a row or value was added (before) or removed (after). */
  before?: unknown;
  after?: unknown;
}

type ListName = 'agendaItems' | 'minutes' | 'attendance' | 'decisions' | 'votes' | 'householdConsultations';
type Part = 'meeting' | 'orgPath' | 'documentOrgName' | ListName;

const MAX_CHARS = 60;
const EMPTY = '（空）';

/**
 * A field's words come from the one table of field names (shared/validation/fieldNames.ts), so a
 * refusal and an amendment name a field alike. The minutes read differently here: an amendment
 * changes "议题2的纪要", where a refusal names a part of one stored row.
 */
const MINUTES_WORDS: Record<string, string> = { text: '纪要', doc: '纪要格式' };

function fieldNoun(part: Part, field: string): string | undefined {
  if (part === 'orgPath') return '所属组织';
  if (part === 'documentOrgName') return '落款单位';
  if (part === 'minutes') return MINUTES_WORDS[field];
  return fieldWords(part, field);
}

/** Row fields nobody reads as content: their changes always come with the one that matters. */
const UNSPOKEN: Partial<Record<Part, ReadonlySet<string>>> = {
  minutes: new Set(['updatedAt', 'schemaVersion', 'meetingId', 'agendaItemId']),
};

const MOMENTS = new Set([
  'startAt',
  'plannedEndAt',
  'startedAt',
  'closedAt',
  'finalisedAt',
  'signedAt',
  'createdAt',
  'endedAt',
  'arrivedAt',
]);
const PARTIES = new Set(['chair', 'recorder', 'responsible', 'supervisor']);
const ITEM_STATES: Record<string, string> = {
  pending: '待议',
  discussed: '已讨论',
  resolved: '已议结',
  carriedOver: '转下次会议',
};
const ATTENDANCE_STATES: Record<string, string> = {
  invited: '未签到',
  present: '出席',
  excused: '请假',
  absent: '缺席',
  nonVoting: '列席',
};
const COUNT_UNITS: Record<string, string> = {
  plannedMinutes: '分钟',
  agree: '票',
  disagree: '票',
  abstain: '票',
  presentVoters: '人',
  asked: '户',
  agreed: '户',
  disagreed: '户',
  notReached: '户',
};

function clip(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > MAX_CHARS ? `${chars.slice(0, MAX_CHARS).join('')}…` : chars.join('');
}

function quoted(text: string): string {
  const clipped = clip(text);
  return clipped === '' ? EMPTY : `「${clipped}」`;
}

function threshold(value: number): string {
  if (Math.abs(value - 0.5) < 1e-9) return '超过出席人数的一半';
  if (Math.abs(value - 2 / 3) < 1e-9) return '超过出席人数的三分之二';
  return `超过出席人数的${Math.round(value * 1000) / 10}%`;
}

function label(map: Record<string, string>, value: unknown): string {
  return typeof value === 'string' && Object.hasOwn(map, value) ? (map[value] as string) : String(value);
}

class Describer {
  private readonly record: MeetingRecord;

  constructor(record: MeetingRecord) {
    this.record = orderRecord(record);
  }

  itemSubject(itemId: unknown): string {
    const index = this.record.agendaItems.findIndex((i) => i.id === itemId);
    const item = this.record.agendaItems[index];
    return item ? `议题${index + 1}「${clip(item.title)}」` : '已删除的议题';
  }

  /** A row named by its place in the record now, or by what it was when it is gone. */
  rowSubject(list: ListName, id: string, was?: Record<string, unknown>): string {
    const find = <T extends { id: string }>(rows: readonly T[]) => rows.find((r) => r.id === id);
    const named = (kind: string, name: unknown) =>
      typeof name === 'string' ? `${kind}${quoted(name)}` : `已删除的${kind}`;
    switch (list) {
      case 'agendaItems':
        return find(this.record.agendaItems) ? this.itemSubject(id) : named('议题', was?.title);
      case 'minutes':
        return this.itemSubject(id);
      case 'attendance': {
        const name = find(this.record.attendance)?.name ?? was?.name;
        return typeof name === 'string' ? `参会人员${clip(name)}` : '已删除的参会人员';
      }
      case 'decisions': {
        const index = this.record.decisions.findIndex((d) => d.id === id);
        return index >= 0 ? `第${index + 1}项决定` : named('决定', was?.title);
      }
      case 'votes':
        return named('表决', find(this.record.votes)?.subject ?? was?.subject);
      case 'householdConsultations':
        return named('逐户征求意见', find(this.record.householdConsultations)?.subject ?? was?.subject);
    }
  }

  value(part: Part, field: string, value: unknown): string {
    if (value === undefined || value === null || value === '') return EMPTY;
    if (field === 'deadline' && typeof value === 'string') return formatChineseDate(value) || value;
    if (MOMENTS.has(field) && typeof value === 'string') return formatChineseDateTime(value) || value;
    if (PARTIES.has(field) && typeof value === 'object' && 'name' in value) return clip(String(value.name));
    if (field === 'agendaItemId' || (part === 'meeting' && field === 'currentAgendaItemId'))
      return this.itemSubject(value);
    if (part === 'meeting' && field === 'type') return label(MEETING_TYPE_LABELS, value);
    if (part === 'votes' && field === 'method') return label(VOTE_METHOD_LABELS, value);
    if (part === 'agendaItems' && field === 'state') return label(ITEM_STATES, value);
    if (part === 'attendance' && field === 'state') return label(ATTENDANCE_STATES, value);
    if (field === 'category') return label(ROSTER_ROLE_LABELS_ZH, value);
    if (field === 'concerns' && Array.isArray(value))
      return value.length === 0 ? EMPTY : value.map((r) => label(ROSTER_ROLE_LABELS_ZH, r as RosterRole)).join('、');
    if ((field === 'passThreshold' || field === 'threshold') && typeof value === 'number') return threshold(value);
    if (typeof value === 'number') return `${value}${COUNT_UNITS[field] ?? ''}`;
    if (typeof value === 'string') return quoted(value);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return quoted(value.join(' / '));
    return '（已记录）';
  }

  /** One line per changed field of one row (or of the meeting). */
  fieldLine(part: Part, subject: string, field: string, changes: readonly ChangeToDescribe[], base: string): string {
    const noun = fieldNoun(part, field);
    const what = `${subject}${subject ? '的' : ''}${noun ?? '内容'}`;
    const whole = changes.find((c) => c.path === base);
    // A value set or cleared as a whole is one leaf; a party edited in place comes as `….name` and the like.
    if (whole) return `${what}：${this.value(part, field, whole.before)} → ${this.value(part, field, whole.after)}`;
    const name = changes.find((c) => c.path === `${base}.name`);
    if (!name) return `${what}有改动`;
    const plain = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? clip(v) : EMPTY);
    return `${what}：${plain(name.before)} → ${plain(name.after)}`;
  }

  /** A whole row added or removed: one line. */
  rowLine(list: ListName, id: string, change: ChangeToDescribe): string {
    if (list === 'minutes') return `${change.before === undefined ? '新增' : '删除'}${this.itemSubject(id)}的纪要`;
    if (change.before !== undefined)
      return `删除${this.rowSubject(list, id, change.before as Record<string, unknown>)}`;
    const row = change.after as Record<string, unknown>;
    // A new decision's number alone says little: its 事项 follows.
    return `新增${this.rowSubject(list, id, row)}${list === 'decisions' ? quoted(String(row.title ?? '')) : ''}`;
  }
}

const LIST_PATH =
  /^(agendaItems|minutes|attendance|decisions|votes|householdConsultations)\[(.+?)\](?:\.([^.]+)(?:\..*)?)?$/;
const MEETING_PATH = /^(meeting|orgPath|documentOrgName)(?:\.([^.]+)(?:\..*)?)?$/;

interface Parsed {
  part: Part;
  id: string;
  field: string;
  base: string;
}

function parse(path: string): Parsed | null {
  const row = LIST_PATH.exec(path);
  if (row) {
    const [, list, id, field] = row as unknown as [string, ListName, string, string | undefined];
    return { part: list, id, field: field ?? '', base: `${list}[${id}]${field ? `.${field}` : ''}` };
  }
  const top = MEETING_PATH.exec(path);
  if (top) {
    const [, part, field] = top as unknown as [string, Part, string | undefined];
    return { part, id: '', field: field ?? '', base: field ? `${part}.${field}` : part };
  }
  return null;
}

/** The changes of one amendment as sentences, in the order they were listed. */
export function describeChanges(record: MeetingRecord, changes: readonly ChangeToDescribe[]): string[] {
  const describer = new Describer(record);
  const groups = new Map<string, { parsed: Parsed; changes: ChangeToDescribe[] }>();
  const lines: string[] = [];
  for (const change of changes) {
    const parsed = parse(change.path);
    if (!parsed) {
      lines.push('记录的其他内容有改动');
      continue;
    }
    if (UNSPOKEN[parsed.part]?.has(parsed.field)) continue;
    const key = parsed.base;
    const group = groups.get(key);
    if (group) group.changes.push(change);
    else groups.set(key, { parsed, changes: [change] });
  }
  for (const { parsed, changes: group } of groups.values()) {
    const { part, id, field, base } = parsed;
    // New text comes with a new document: the text says what changed.
    if (part === 'minutes' && field === 'doc' && groups.has(`minutes[${id}].text`)) continue;
    if (part === 'meeting' || part === 'orgPath' || part === 'documentOrgName') {
      lines.push(describer.fieldLine(part, '', field, group, base));
    } else if (field === '') {
      lines.push(describer.rowLine(part, id, group[0] as ChangeToDescribe));
    } else {
      lines.push(describer.fieldLine(part, describer.rowSubject(part, id), field, group, base));
    }
  }
  return [...new Set(lines)];
}
