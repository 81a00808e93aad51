import type { Decision } from '../domain/decision';
import type { AgendaItem, Attendance, AttendanceState, Minutes } from '../domain/meeting';
import type { PartyRef } from '../domain/party';
import { ROSTER_ROLES, type RosterRole } from '../domain/roles';
import type { HouseholdConsultation, Vote } from '../domain/vote';
import type { MeetingRecord } from '../meeting/record';
import { encodePng, pngDataUrl, rowBytes } from './png';
import { seededRandom as seeded } from '../random';

/**
 * A long meeting for stress tests and benchmarks: 40 attendees, 20 agenda items with long minutes
 * (headings, nested lists, quotes, mentions), 60 decisions. Deterministic and pure: every call
 * returns an equal, independent value. The fingerprint is a fixed-looking 64-hex string, not a
 * real seal (sealRecord gives one).
 */

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T;
}

/**
 * A handwriting-like signature: a few joined strokes of 2-px ink on a transparent 1-bit PNG,
 * a few hundred bytes, like what the signature pad saves, only smaller.
 */
export function fixtureSignaturePng(seed: number, width = 240, height = 80): Uint8Array {
  const random = seeded(seed * 7919 + 17);
  const stride = rowBytes({ width, colorType: 0, bitDepth: 1 });
  const data = new Uint8Array(stride * height).fill(0xff);
  const ink = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        data[py * stride + (px >> 3)] = (data[py * stride + (px >> 3)] as number) & ~(0x80 >> (px & 7));
      }
  };
  // Two or three words of coiled cursive, then an underline swoosh.
  const words = 2 + Math.floor(random() * 2);
  for (let w = 0; w < words; w++) {
    const x0 = 10 + w * ((width - 20) / words);
    const span = (width - 20) / words - 10;
    const loops = 2 + Math.floor(random() * 3);
    const r = 7 + random() * 6;
    const tilt = (random() - 0.5) * 16;
    const phase = random() * Math.PI;
    for (let t = 0; t <= 1; t += 0.002) {
      const a = phase + t * loops * Math.PI * 2;
      ink(x0 + span * t + 0.8 * r * Math.cos(a), height * 0.45 + r * Math.sin(a) + tilt * (t - 0.5));
    }
  }
  for (let t = 0; t <= 1; t += 0.003) ink(14 + (width - 40) * t, height * 0.78 - 6 * Math.sin(t * Math.PI));
  return encodePng({ width, height, colorType: 0, bitDepth: 1, data, transparentGrey: 1 });
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
];
const GIVEN = [
  '建国',
  '秀英',
  '德胜',
  '玉梅',
  '春霞',
  '海涛',
  '丽娟',
  '明远',
  '振海',
  '晓燕',
  '家旺',
  '凤英',
  '志强',
  '桂兰',
  '国庆',
  '红梅',
  '立新',
  '淑珍',
  '卫东',
  '雪梅',
];
const UNITS: Record<RosterRole, readonly string[]> = {
  secretary: ['帝纱富仕城小区党支部'],
  twoCommittees: ['胜兴社区党委', '胜兴社区居委会'],
  ownersCommittee: ['帝纱富仕城业主委员会'],
  property: ['垦利恒泰物业服务有限公司'],
  resident: ['1号楼', '3号楼', '5号楼', '7号楼', '9号楼', '11号楼', '12号楼', '15号楼'],
  coBuilding: ['垦利区住房和城乡建设局', '垦利区综合行政执法局', '垦利供电中心', '垦利街道派出所'],
  stakeholder: ['2号楼', '4号楼', '6号楼', '8号楼', '10号楼'],
};
/** How many of each 6+N category attend: 40 in all. */
const HEADCOUNT: Record<RosterRole, number> = {
  secretary: 1,
  twoCommittees: 5,
  ownersCommittee: 5,
  property: 4,
  resident: 12,
  coBuilding: 5,
  stakeholder: 8,
};

const MEETING_ID = 'long-meeting-2026-11';
const AT = (hhmm: string) => `2026-11-10T${hhmm}:00+08:00`;

function attendanceList(random: () => number): Attendance[] {
  const list: Attendance[] = [];
  for (const role of ROSTER_ROLES) {
    for (let i = 0; i < HEADCOUNT[role]; i++) {
      const n = list.length;
      const name = `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7 + 3 + Math.floor(n / SURNAMES.length)) % GIVEN.length]}`;
      const state: AttendanceState =
        n % 13 === 6 ? 'excused' : n % 17 === 9 ? 'absent' : role === 'coBuilding' && i >= 3 ? 'nonVoting' : 'present';
      const signed = state === 'present' || state === 'nonVoting';
      list.push({
        id: `long-attendance-${n + 1}`,
        meetingId: MEETING_ID,
        personId: `long-person-${n + 1}`,
        name,
        unit: pick(UNITS[role], random),
        category: role,
        order: n + 1,
        state,
        ...(signed && {
          arrivedAt: AT('18:50'),
          signature:
            n % 5 === 4
              ? { kind: 'paper' as const, signedAt: AT('18:50') }
              : {
                  kind: 'screen' as const,
                  imageDataUrl: pngDataUrl(fixtureSignaturePng(n + 1)),
                  signedAt: AT('18:50'),
                },
        }),
      });
    }
  }
  return list;
}

const TOPICS = [
  '分类垃圾投放点改造',
  '地面停车位重新施划',
  '消防通道占用整治',
  '楼道堆物清理',
  '电动自行车充电桩安装',
  '绿化带遮挡视线修剪',
  '信鸽饲养扰民调解',
  '北门开通及门岗设置',
  '小区路灯维修更换',
  '屋面防水维修',
  '二次供水水箱清洗',
  '文明养犬公约制定',
  '广场舞噪音协调',
  '健身器材更新',
  '雨水管网疏通',
  '外墙保温层脱落修缮',
  '快递柜选址',
  '老年人适老化改造',
  '“红色花园”认领种植',
  '物业服务满意度测评整改',
];

type Node = Record<string, unknown>;
const text = (t: string, marks?: string[]): Node =>
  marks ? { type: 'text', text: t, marks: marks.map((type) => ({ type })) } : { type: 'text', text: t };
const para = (...content: Node[]): Node => ({ type: 'paragraph', content });
const item = (...content: Node[]): Node => ({ type: 'listItem', content });

function longMinutesDoc(topic: string, people: Attendance[], random: () => number): Node {
  const who = () => pick(people, random);
  const mention = (a: Attendance): Node => ({ type: 'mention', attrs: { id: a.personId, label: a.name } });
  const filler =
    `围绕${topic}，与会人员结合入户走访和微信说事群收集的意见逐条发言。大家认为，这件事关系到小区每一户居民的切身利益，` +
    '既要把问题摸清楚，也要把办法想周全，做到事前有方案、事中有监督、事后有评议，确保居民看得见、摸得着、信得过。';
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [text('居民反映的问题')] },
      para(
        mention(who()),
        text(`反映：${topic}问题已持续较长时间，`),
        text('居民意见较大', ['bold']),
        text('，希望尽快拿出解决办法。'),
      ),
      para(text(filler)),
      { type: 'heading', attrs: { level: 2 }, content: [text('各方意见')] },
      {
        type: 'bulletList',
        content: [
          item(para(mention(who()), text('（物业）：同意牵头实施，费用从公共收益中列支。'))),
          item(para(mention(who()), text('（业委会）：建议分步实施：')), {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [
              item(para(text('先出方案并公示7天；'))),
              item(para(text('公示无异议后组织施工；'))),
              item(para(text('完工后请居民代表验收。'))),
            ],
          }),
          item(
            para(
              mention(who()),
              text('（居民代表）：施工期间要'),
              text('保障老人和儿童出行安全', ['underline']),
              text('。'),
            ),
          ),
        ],
      },
      { type: 'blockquote', content: [para(text(`“${topic}的事，大家商量着办，办好了大家满意。”——主持人小结`))] },
      para(text(filler), { type: 'hardBreak' }, text('以上意见经会议充分讨论，形成决议如下文。')),
    ],
  };
}

const STANDARDS = [
  '方案经业委会审核并公示7天无异议，施工符合相关规范，完工后由居民代表验收合格，资料归档',
  '问题全部整改到位，现场照片在公示栏和微信说事群公开，居民满意度不低于90%',
  '建立长效管理台账，明确专人负责，每月巡查不少于2次，发现问题24小时内处置',
];
const DEADLINES = ['2026-11-30', '2026-12-15', '2026-12-31', '2027-01-15', '2027-01-31', '2027-03-31'];

function partyOf(a: Attendance): PartyRef {
  return { kind: 'person', personId: a.personId as string, name: a.name };
}

function decisionsFor(itemId: string, index: number, voters: Attendance[]): Decision[] {
  return [0, 1, 2].map((k) => {
    const responsible = voters[(index * 3 + k) % voters.length] as Attendance;
    const supervisor = voters[(index * 3 + k + 7) % voters.length] as Attendance;
    return {
      id: `${itemId}-decision-${k + 1}`,
      meetingId: MEETING_ID,
      agendaItemId: itemId,
      title: `${TOPICS[index]}（第${k + 1}项任务）：${['制定并公示实施方案', '组织施工或整改', '验收评议并建立长效机制'][k]}`,
      responsible: k === 1 ? { kind: 'text', name: '垦利恒泰物业服务有限公司' } : partyOf(responsible),
      // The topic keeps each standard unique, so a test can tell every row's text apart.
      standard: `${TOPICS[index]}：${STANDARDS[k]}`,
      deadline: DEADLINES[(index + k) % DEADLINES.length] as string,
      supervisor: partyOf(supervisor),
      status: 'open',
      createdAt: AT(
        `${String(19 + Math.floor(index / 6)).padStart(2, '0')}:${String((index * 10 + k) % 60).padStart(2, '0')}`,
      ),
    };
  });
}

function agendaParts(index: number, people: Attendance[], random: () => number) {
  const id = `long-item-${index + 1}`;
  const voters = people.filter((p) => p.state === 'present');
  const agendaItem: AgendaItem = {
    id,
    meetingId: MEETING_ID,
    order: index + 1,
    title: `关于${TOPICS[index]}的议题`,
    background: `近期，网格员在走访中收集到居民关于${TOPICS[index]}的意见建议${5 + index}条，经小区党支部梳理，列为本次会议议题。`,
    raisedBy: `${pick(people, random).name}（居民代表）`,
    plannedMinutes: 15,
    concerns: ['property', 'resident'],
    state: 'resolved',
    resolution: `同意${TOPICS[index]}实施方案，按照“谁来干、干到什么标准、什么时间干完、谁来监督”逐项落实。`,
  };
  const minutes: Minutes = {
    agendaItemId: id,
    meetingId: MEETING_ID,
    schemaVersion: 1,
    doc: longMinutesDoc(TOPICS[index] as string, people, random),
    text: '',
    updatedAt: AT('21:30'),
  };
  const vote: Vote = {
    id: `${id}-vote`,
    meetingId: MEETING_ID,
    agendaItemId: id,
    subject: `${TOPICS[index]}实施方案`,
    method: index % 4 === 3 ? 'secretBallot' : 'showOfHands',
    agree: voters.length - 3 - (index % 3),
    disagree: 1 + (index % 2),
    abstain: 2 - (index % 2),
    presentVoters: voters.length,
    threshold: 0.5,
  };
  const consultation: HouseholdConsultation = {
    id: `${id}-households`,
    meetingId: MEETING_ID,
    agendaItemId: id,
    subject: `${TOPICS[index]}方案`,
    asked: 320,
    agreed: 280 + index,
    disagreed: 12,
    notReached: 28 - index,
  };
  return { agendaItem, minutes, vote, consultation, decisions: decisionsFor(id, index, voters) };
}

export function buildLongMeetingRecord(): MeetingRecord {
  const random = seeded(20261110);
  const attendance = attendanceList(random);
  const parts = TOPICS.map((_, i) => agendaParts(i, attendance, random));
  const chair = attendance[0] as Attendance;
  const recorder = attendance[1] as Attendance;
  const hex = () => Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  const before = hex();
  const fingerprint = hex();
  return {
    meeting: {
      id: MEETING_ID,
      type: 'monthlyDay',
      title: '帝纱富仕城11月党群议事日',
      orgUnitId: 'long-org-dishafushicheng',
      issueYear: 2026,
      issueNo: 11,
      startAt: AT('19:00'),
      plannedEndAt: AT('22:00'),
      place: '帝纱富仕城党群睦邻说事点',
      chair: partyOf(chair),
      recorder: partyOf(recorder),
      status: 'signed',
      passThreshold: 0.5,
      startedAt: AT('19:02'),
      closedAt: AT('21:58'),
      finalisedAt: '2026-11-11T09:00:00+08:00',
      signedAt: '2026-11-11T10:00:00+08:00',
      fingerprint,
      createdAt: '2026-11-01T09:00:00+08:00',
      updatedAt: '2026-11-11T10:00:00+08:00',
    },
    orgPath: ['垦利区', '垦利街道', '胜兴社区', '帝纱富仕城'],
    documentOrgName: '中共垦利街道胜兴社区委员会',
    agendaItems: parts.map((p) => p.agendaItem),
    minutes: parts.map((p) => p.minutes),
    attendance,
    decisions: parts.flatMap((p) => p.decisions),
    votes: parts.filter((_, i) => i % 2 === 0).map((p) => p.vote),
    householdConsultations: parts.filter((_, i) => i % 5 === 1).map((p) => p.consultation),
    amendments: [
      {
        id: 'long-amendment-1',
        meetingId: MEETING_ID,
        at: '2026-11-12T15:00:00+08:00',
        by: recorder.name,
        reason: '更正第二项议题第二项任务的完成时限（原记录笔误）。',
        changes: [{ path: 'decisions[4].deadline', before: '2026-12-15', after: '2026-12-31' }],
        fingerprintBefore: before,
        fingerprintAfter: fingerprint,
      },
    ],
  };
}
