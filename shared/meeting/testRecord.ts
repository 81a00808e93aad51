import type { Decision } from '../domain/decision';
import type { AgendaItem, Attendance, AttendanceState, Meeting } from '../domain/meeting';
import type { PartyRef } from '../domain/party';
import type { RosterRole } from '../domain/roles';
import type { HouseholdConsultation, Vote } from '../domain/vote';
import { signRecord } from './lifecycle';
import type { MeetingRecord } from './record';

/**
 * A realistic record for tests and document previews: the 帝纱富仕城 红板凳议事会 of the report
 * (waste-sorting facilities, parking spaces), finalised and ready to sign. Deterministic: every
 * call returns an equal, independent value. Valid against meetingRecordSchema, review-clean.
 */

export const SAMPLE_MEETING_ID = 'sample-meeting-dsfsc-2026-07';
export const SAMPLE_ITEM_WASTE_ID = 'sample-item-waste';
export const SAMPLE_ITEM_PARKING_ID = 'sample-item-parking';
export const SAMPLE_DECISION_WASTE_ID = 'sample-decision-waste';
export const SAMPLE_DECISION_PARKING_ID = 'sample-decision-parking';
export const SAMPLE_VOTE_ID = 'sample-vote-parking';
export const SAMPLE_CONSULTATION_ID = 'sample-consultation-waste';

/** A real 1×1 PNG, so document code can embed a signature image without a large fixture. */
export const SAMPLE_SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const M = SAMPLE_MEETING_ID;
type PersonRef = Extract<PartyRef, { kind: 'person' }>;
const person = (slug: string, name: string): PersonRef => ({ kind: 'person', personId: `sample-person-${slug}`, name });

const LI = person('lizhenhai', '李振海');
const ZHAO = person('zhaolijuan', '赵丽娟');
const CHEN = person('chendeqiang', '陈德强');
const YANG = person('yanghaitao', '杨海涛');

type Row = [slug: string, name: string, unit: string, category: RosterRole, state: AttendanceState, arrivedAt?: string];
const ROWS: Row[] = [
  ['lizhenhai', '李振海', '帝纱富仕城小区党支部', 'secretary', 'present', '18:52'],
  ['zhaolijuan', '赵丽娟', '胜兴社区居委会', 'twoCommittees', 'present', '18:50'],
  ['chendeqiang', '陈德强', '帝纱富仕城业主委员会', 'ownersCommittee', 'present', '18:55'],
  ['yanghaitao', '杨海涛', '垦利恒泰物业服务有限公司', 'property', 'present', '18:56'],
  ['huangyumei', '黄玉梅', '3号楼', 'resident', 'present', '18:57'],
  ['wudesheng', '吴德胜', '7号楼', 'resident', 'present', '18:58'],
  ['xuxiaoyan', '徐晓燕', '11号楼', 'resident', 'excused'],
  ['guomingyuan', '郭明远', '垦利区住房和城乡建设局', 'coBuilding', 'present', '18:58'],
  ['linchunxia', '林春霞', '垦利区综合行政执法局', 'coBuilding', 'nonVoting', '19:02'],
  ['hejiawang', '何家旺', '5号楼', 'stakeholder', 'present', '18:59'],
  ['zhufengying', '朱凤英', '1号楼', 'stakeholder', 'present', '18:59'],
  ['sunjianguo', '孙建国', '9号楼', 'stakeholder', 'present', '19:00'],
];

function attendance(): Attendance[] {
  return ROWS.map(([slug, name, unit, category, state, arrived], i) => {
    const arrivedAt = arrived ? `2026-07-15T${arrived}:00+08:00` : undefined;
    return {
      id: `sample-attendance-${slug}`,
      meetingId: M,
      personId: `sample-person-${slug}`,
      name,
      unit,
      category,
      order: i + 1,
      state,
      ...(arrivedAt && {
        arrivedAt,
        signature: { kind: 'screen' as const, imageDataUrl: SAMPLE_SIGNATURE_PNG, signedAt: arrivedAt },
      }),
    };
  });
}

type Node = Record<string, unknown>;
const text = (t: string, bold = false): Node =>
  bold ? { type: 'text', text: t, marks: [{ type: 'bold' }] } : { type: 'text', text: t };
const paragraph = (...content: Node[]): Node => ({ type: 'paragraph', content });
const heading = (t: string): Node => ({ type: 'heading', attrs: { level: 3 }, content: [text(t)] });
const bullets = (...items: string[]): Node => ({
  type: 'bulletList',
  content: items.map((t) => ({ type: 'listItem', content: [paragraph(text(t))] })),
});
const mention = (p: PersonRef): Node => ({ type: 'mention', attrs: { id: p.personId, label: p.name } });

/** The plain text the minutes editor stores beside the doc for search: blocks on lines, mentions as @name. */
function plainText(node: Node): string {
  if (node.type === 'text') return String(node.text);
  if (node.type === 'mention') return `@${String((node.attrs as Node).label)}`;
  const inner = ((node.content as Node[] | undefined) ?? []).map(plainText);
  const block = node.type === 'paragraph' || node.type === 'heading';
  return block ? inner.join('') : inner.filter((s) => s !== '').join('\n');
}

function minutes(agendaItemId: string, content: Node[]) {
  const doc = { type: 'doc', content };
  return {
    agendaItemId,
    meetingId: M,
    schemaVersion: 1 as const,
    doc,
    text: plainText(doc),
    updatedAt: '2026-07-15T20:05:00+08:00',
  };
}

const wasteMinutes = () =>
  minutes(SAMPLE_ITEM_WASTE_ID, [
    heading('分类垃圾桶改造'),
    paragraph(text('朱凤英反映：1号楼旁投放点垃圾桶破损、夏季异味大，'), text('居民普遍要求改造', true), text('。')),
    paragraph(mention(YANG), text(' 介绍改造方案，与会人员讨论后形成以下意见：')),
    bullets('3处投放点各设四分类垃圾桶一组', '加装洗手池、照明和防雨棚', '投放点地面硬化，确保无积水'),
    paragraph(text('逐户征求意见：征求120户，同意112户。')),
  ]);

const parkingMinutes = () =>
  minutes(SAMPLE_ITEM_PARKING_ID, [
    heading('停车位重新施划'),
    paragraph(text('何家旺代表有车业主反映：车位不足，车辆占用'), text('消防通道', true), text('现象突出。')),
    paragraph(mention(CHEN), text(' 提出按消防要求重新施划，增加车位。')),
    bullets('消防通道保持4米净宽', '新增车位不少于20个', '施划方案公示7天'),
    paragraph(text('举手表决：同意9人，反对1人，弃权0人，通过。')),
  ]);

function meeting(): Meeting {
  return {
    id: M,
    type: 'redBench',
    title: '帝纱富仕城红板凳议事会',
    orgUnitId: 'sample-org-dishafushicheng',
    issueYear: 2026,
    issueNo: 7,
    startAt: '2026-07-15T19:00:00+08:00',
    plannedEndAt: '2026-07-15T20:00:00+08:00',
    place: '帝纱富仕城党群睦邻说事点',
    chair: LI,
    recorder: ZHAO,
    status: 'finalised',
    passThreshold: 0.5,
    startedAt: '2026-07-15T19:01:00+08:00',
    closedAt: '2026-07-15T20:04:00+08:00',
    finalisedAt: '2026-07-16T09:30:00+08:00',
    createdAt: '2026-07-10T10:00:00+08:00',
    updatedAt: '2026-07-16T09:30:00+08:00',
  };
}

function agendaItems(): AgendaItem[] {
  return [
    {
      id: SAMPLE_ITEM_WASTE_ID,
      meetingId: M,
      order: 1,
      title: '分类垃圾桶改造',
      background: '1号楼旁垃圾分类投放点设施老化，垃圾桶破损，夏季异味大。',
      raisedBy: '朱凤英（1号楼）',
      presenterId: YANG.personId,
      plannedMinutes: 30,
      concerns: ['property', 'resident', 'coBuilding'],
      state: 'resolved',
      resolution: '同意改造3处分类投放点，由物业公司实施，业委会监督。',
      startedAt: '2026-07-15T19:03:00+08:00',
      endedAt: '2026-07-15T19:31:00+08:00',
    },
    {
      id: SAMPLE_ITEM_PARKING_ID,
      meetingId: M,
      order: 2,
      title: '停车位重新施划',
      background: '小区车位不足，部分车辆占用消防通道停放。',
      raisedBy: '何家旺（5号楼）',
      plannedMinutes: 30,
      concerns: ['property', 'ownersCommittee', 'stakeholder'],
      state: 'resolved',
      resolution: '表决通过停车位重新施划方案，公示无异议后施工。',
      startedAt: '2026-07-15T19:31:00+08:00',
      endedAt: '2026-07-15T20:02:00+08:00',
    },
  ];
}

function decisions(): Decision[] {
  return [
    {
      id: SAMPLE_DECISION_WASTE_ID,
      meetingId: M,
      agendaItemId: SAMPLE_ITEM_WASTE_ID,
      title: '改造分类垃圾投放点',
      responsible: { kind: 'text', name: '垦利恒泰物业服务有限公司' },
      standard: '3处投放点各设四分类垃圾桶一组，加装洗手池、照明和防雨棚，地面硬化无积水',
      deadline: '2026-08-31',
      supervisor: CHEN,
      status: 'open',
      createdAt: '2026-07-15T19:28:00+08:00',
    },
    {
      id: SAMPLE_DECISION_PARKING_ID,
      meetingId: M,
      agendaItemId: SAMPLE_ITEM_PARKING_ID,
      title: '重新施划地面停车位',
      responsible: YANG,
      standard: '消防通道保持4米净宽，新增车位不少于20个，方案公示7天无异议后施工',
      deadline: '2026-09-15',
      supervisor: ZHAO,
      status: 'open',
      createdAt: '2026-07-15T19:58:00+08:00',
    },
  ];
}

function votes(): Vote[] {
  return [
    {
      id: SAMPLE_VOTE_ID,
      meetingId: M,
      agendaItemId: SAMPLE_ITEM_PARKING_ID,
      subject: '停车位重新施划方案',
      method: 'showOfHands',
      agree: 9,
      disagree: 1,
      abstain: 0,
      presentVoters: 10,
      threshold: 0.5,
    },
  ];
}

function householdConsultations(): HouseholdConsultation[] {
  return [
    {
      id: SAMPLE_CONSULTATION_ID,
      meetingId: M,
      agendaItemId: SAMPLE_ITEM_WASTE_ID,
      subject: '1号楼旁分类投放点改造及位置调整',
      asked: 120,
      agreed: 112,
      disagreed: 5,
      notReached: 3,
    },
  ];
}

/** A finalised (定稿) record, ready to be signed. */
export function sampleRedBenchRecord(): MeetingRecord {
  return {
    meeting: meeting(),
    orgPath: ['垦利区', '垦利街道', '胜兴社区', '帝纱富仕城'],
    documentOrgName: '中共垦利街道胜兴社区委员会',
    agendaItems: agendaItems(),
    minutes: [wasteMinutes(), parkingMinutes()],
    attendance: attendance(),
    decisions: decisions(),
    votes: votes(),
    householdConsultations: householdConsultations(),
    amendments: [],
  };
}

/** The same record signed on 2026-07-16 and sealed with its fingerprint. */
export async function sampleSignedRedBenchRecord(): Promise<MeetingRecord> {
  const signed = await signRecord(sampleRedBenchRecord(), new Date('2026-07-16T02:00:00Z'));
  if (!signed.ok) throw new Error(`sample record cannot be signed: ${signed.error.code}`);
  return signed.record;
}
