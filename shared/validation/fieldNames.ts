/**
 * Field names in words for the paths zod reports: `record.votes.0.agree` → 第1次表决的同意票数.
 * A user never sees a key or an index counted from zero; a path this table does not know is
 * named by the part it does know ("第2项决定的一项内容"), never by its key.
 */

/** Where a path starts: a whole meeting file, a meeting record, or one stored row of a table. */
export type PathRoot =
  | { kind: 'meetingFile' }
  | { kind: 'record' }
  | { kind: 'row'; table: string }
  /** An amendment being built: its path is relative to the amendment. */
  | { kind: 'amendment' };

type Key = string | number;

/** What a path segment leads to: words for it, and (for a group of fields) how to read further. */
interface Node {
  words: string;
  fields?: Fields;
  /** A list: each element is named by `item(n)` (n counted from 1). */
  item?: (n: number) => Node;
  /** Everything below is one value (minutes content, an amendment's values): not named further. */
  opaque?: boolean;
  /** Words when the path ends here, for a group whose fields already carry the words ("会议"). */
  self?: string;
}
type Fields = Record<string, Node | string>;

const RAISER: Fields = { kind: '提出人类型', personId: '名册人员', name: '提出人姓名', phone: '提出人电话' };
const partyRef: Fields = { kind: '类型', personId: '名册人员', name: '姓名或名称' };
const signature: Fields = { kind: '签名方式', imageDataUrl: '签名图片', signedAt: '签名时间' };
const paperSheet: Fields = { imageDataUrl: '照片', recordedAt: '记录时间', recordedBy: '记录人' };
const each =
  (words: string, unit = '项'): ((n: number) => Node) =>
  (n) => ({ words: `${words}第${n}${unit}` });

const MEETING: Fields = {
  id: '会议编号',
  type: '会议类型',
  title: '会议名称',
  orgUnitId: '会议所属的小区或网格',
  issueYear: '期数的年份',
  issueNo: '期数',
  startAt: '会议时间',
  plannedEndAt: '会议预计结束时间',
  place: '会议地点',
  chair: { words: '主持人', fields: partyRef },
  recorder: { words: '记录人', fields: partyRef },
  status: '会议状态',
  passThreshold: '表决通过规则',
  currentAgendaItemId: '当前议题',
  startedAt: '会议实际开始时间',
  closedAt: '会议结束时间',
  finalisedAt: '定稿时间',
  signedAt: '签字时间',
  fingerprint: '会议指纹',
  paperSignatureSheet: { words: '纸质签到表', fields: paperSheet },
  orgPathAtFinalise: { words: '定稿时的组织链条', item: each('定稿时的组织链条') },
  documentOrgNameAtFinalise: '定稿时的落款单位',
  carriedFromMeetingId: '接续的上次会议',
  createdAt: '会议创建时间',
  updatedAt: '会议修改时间',
};

const AGENDA_ITEM: Fields = {
  id: '编号',
  meetingId: '所属会议',
  order: '顺序',
  title: '标题',
  background: '背景',
  raisedBy: '提出人',
  presenterId: '汇报人',
  plannedMinutes: '计划用时',
  matterId: '对应的居民说事事项',
  concerns: { words: '涉及方', item: each('涉及方') },
  state: '议题状态',
  resolution: '决议',
  startedAt: '开始时间',
  endedAt: '结束时间',
  carriedFromItemId: '接续的上次议题',
};

const MINUTES: Fields = {
  agendaItemId: '所属议题',
  meetingId: '所属会议',
  schemaVersion: '格式版本',
  doc: { words: '内容', opaque: true },
  text: '文字',
  updatedAt: '修改时间',
};

const ATTENDANCE: Fields = {
  id: '编号',
  meetingId: '所属会议',
  personId: '名册人员',
  name: '姓名',
  unit: '单位',
  category: '参会身份',
  order: '顺序',
  state: '签到情况',
  arrivedAt: '到会时间',
  signature: { words: '签名', fields: signature },
};

const DECISION: Fields = {
  id: '编号',
  meetingId: '所属会议',
  agendaItemId: '所属议题',
  title: '事项',
  responsible: { words: '责任人', fields: partyRef },
  standard: '完成标准',
  deadline: '完成时限',
  supervisor: { words: '监督人', fields: partyRef },
  status: '办理状态',
  createdAt: '创建时间',
};

const VOTE: Fields = {
  id: '编号',
  meetingId: '所属会议',
  agendaItemId: '所属议题',
  subject: '表决事项',
  method: '表决方式',
  agree: '同意票数',
  disagree: '反对票数',
  abstain: '弃权票数',
  presentVoters: '出席可表决人数',
  threshold: '通过规则',
};

const HOUSEHOLD: Fields = {
  id: '编号',
  meetingId: '所属会议',
  agendaItemId: '所属议题',
  subject: '征求意见的事项',
  asked: '征求户数',
  agreed: '同意户数',
  disagreed: '不同意户数',
  notReached: '未联系到的户数',
};

const CHANGE: Fields = {
  path: '更正项目',
  before: { words: '原内容', opaque: true },
  after: { words: '更正后的内容', opaque: true },
};

const AMENDMENT: Fields = {
  id: '编号',
  meetingId: '所属会议',
  at: '修订时间',
  by: '修订人',
  reason: '修订原因',
  changes: { words: '更正内容', item: (n) => ({ words: `第${n}处更正`, fields: CHANGE }) },
  fingerprintBefore: '修订前的指纹',
  fingerprintAfter: '修订后的指纹',
};

const RECORD_PARTS = {
  meeting: MEETING,
  agendaItems: AGENDA_ITEM,
  minutes: MINUTES,
  attendance: ATTENDANCE,
  decisions: DECISION,
  votes: VOTE,
  householdConsultations: HOUSEHOLD,
} as const;

/** The words for one field of the meeting, or of a row of one of its lists (会议地点, 完成时限). */
export function fieldWords(part: keyof typeof RECORD_PARTS, field: string): string | undefined {
  const entry = RECORD_PARTS[part][field];
  return entry === undefined ? undefined : typeof entry === 'string' ? entry : entry.words;
}

/** The parts of a meeting record, each list's element named the way the 纪要 counts them. */
const RECORD: Fields = {
  // The meeting's own fields say 会议 in their names (会议名称, 会议地点).
  meeting: { words: '', self: '会议', fields: MEETING },
  orgPath: { words: '组织链条', item: each('组织链条') },
  documentOrgName: '落款单位',
  agendaItems: { words: '议题', item: (n) => ({ words: `第${n}个议题`, fields: AGENDA_ITEM }) },
  minutes: { words: '纪要', item: (n) => ({ words: `第${n}段纪要`, fields: MINUTES }) },
  attendance: { words: '参会人员', item: (n) => ({ words: `第${n}位参会人员`, fields: ATTENDANCE }) },
  decisions: { words: '决定事项', item: (n) => ({ words: `第${n}项决定`, fields: DECISION }) },
  votes: { words: '表决', item: (n) => ({ words: `第${n}次表决`, fields: VOTE }) },
  householdConsultations: {
    words: '逐户征求意见',
    item: (n) => ({ words: `第${n}次逐户征求意见`, fields: HOUSEHOLD }),
  },
  amendments: { words: '修订', item: (n) => ({ words: `第${n}次修订`, fields: AMENDMENT }) },
};

const MEETING_FILE: Fields = {
  format: '文件格式',
  formatVersion: '文件格式版本',
  appVersion: '导出文件的软件版本',
  exportedAt: '导出时间',
  record: { words: '', fields: RECORD },
  signatures: { words: '签名', item: each('签名', '个') },
  followup: {
    words: '',
    fields: {
      progress: { words: '办理进展', item: each('办理进展', '条') },
      notices: { words: '公示', item: each('公示', '条') },
      evaluations: { words: '评议', item: each('评议', '份') },
      attachments: { words: '佐证材料', item: each('佐证材料', '个') },
      omittedAttachments: { words: '未带出的佐证材料', item: each('未带出的佐证材料', '个') },
    },
  },
};

const LADDER_ENTRY: Fields = {
  step: '步骤',
  mode: '办理方式',
  date: '日期',
  participants: { words: '参加人员', item: each('参加人员', '位') },
  outcome: '办理结果',
  reason: '跳过原因',
  meetingId: '相关会议',
  meetingNote: '会议说明',
  recordedAt: '记录时间',
  recordedBy: '记录人',
  withdrawnAt: '退回时间',
  withdrawnBy: '退回人',
  withdrawReason: '退回原因',
};

/** Rows of the tables a backup holds; the table and row number are said by the caller. */
const TABLE_ROWS: Record<string, Fields> = {
  orgUnits: { id: '编号', parentId: '上级单位', level: '层级', name: '名称', order: '顺序', households: '户数' },
  people: {
    id: '编号',
    name: '姓名',
    gender: '性别',
    phone: '联系电话',
    unit: '工作单位或楼栋',
    orgUnitId: '所属单位',
    roles: { words: '身份', item: each('身份') },
    isGridWorker: '是否网格员',
    isMediator: '是否调解员',
    isPartyMember: '是否党员',
    note: '备注',
    initials: '姓名拼音首字母',
    createdAt: '创建时间',
    updatedAt: '修改时间',
  },
  meetings: MEETING,
  agendaItems: AGENDA_ITEM,
  minutes: MINUTES,
  attendance: ATTENDANCE,
  decisions: DECISION,
  votes: VOTE,
  householdConsultations: HOUSEHOLD,
  amendments: AMENDMENT,
  meetingTemplates: {
    id: '编号',
    type: '会议类型',
    name: '模板名称',
    defaultItems: {
      words: '默认议题',
      item: (n) => ({ words: `第${n}个默认议题`, fields: { title: '标题', plannedMinutes: '计划用时' } }),
    },
    invitedRoles: { words: '默认邀请的角色', item: each('默认邀请的角色') },
    passThreshold: '表决通过规则',
    plannedMinutes: '计划时长',
  },
  matters: {
    id: '编号',
    orgUnitId: '所属社区、小区或网格',
    address: '具体地点',
    raisedBy: { words: '提出人', fields: RAISER },
    alsoRaisedBy: { words: '其他提出人', item: (n) => ({ words: `第${n}位其他提出人`, fields: RAISER }) },
    channel: '来源渠道',
    raisedAt: '提出日期',
    category: '事项类别',
    title: '事项标题',
    description: '事项描述',
    urgency: '紧急程度',
    path: '办理方式',
    handling: { words: '办理记录', fields: { by: '办理人', action: '办理措施', result: '办理结果', at: '办理时间' } },
    escalationReason: '上报原因',
    closedAt: '办结时间',
    closingNote: '办结说明',
    mergedInto: '合并到的事项',
    createdAt: '登记时间',
    updatedAt: '修改时间',
  },
  matterEvents: {
    id: '编号',
    matterId: '所属事项',
    at: '时间',
    by: '经办人',
    kind: '办理环节',
    note: '说明',
    meetingId: '相关会议',
    agendaItemId: '相关议题',
    decisionId: '相关决定事项',
    otherMatterId: '合并涉及的事项',
  },
  // Version 3 (escalation): the ladder of a 上报件 and the 吹哨报到 tasks.
  escalations: {
    id: '编号',
    matterId: '所属事项',
    orgUnitId: '所属社区',
    openedAt: '开始时间',
    openedBy: '开始人',
    steps: { words: '上报步骤', item: (n) => ({ words: `第${n}步`, fields: LADDER_ENTRY }) },
    withdrawn: { words: '退回的步骤', item: (n) => ({ words: `第${n}个退回的步骤`, fields: LADDER_ENTRY }) },
    updatedAt: '修改时间',
  },
  summonedTasks: {
    id: '编号',
    escalationId: '所属上报程序',
    matterId: '所属事项',
    orgUnitId: '所属社区',
    department: '报到部门',
    task: '任务',
    standard: '完成标准',
    deadline: '完成时限',
    supervisor: '监督人',
    checkedInOn: '报到日期',
    checkedInBy: '报到人',
    status: '督办状态',
    progress: { words: '进展', item: each('进展', '条') },
    createdAt: '创建时间',
    updatedAt: '修改时间',
  },
  settings: {
    key: '编号',
    documentOrgName: '文件落款单位',
    defaultRecorderId: '默认记录人',
    locale: '界面语言',
    largeType: '大字模式',
    setUpAt: '开始使用的时间',
    setUpRecoveredAt: '补上开始使用时间的时间',
    lastDailyBackupDay: '最近一次自动备份的日期',
    matterChannels: { words: '说事渠道列表', item: each('说事渠道') },
    matterCategories: { words: '事项类别列表', item: each('事项类别') },
    lastMatterChannel: '上次登记使用的渠道',
    lastMatterOrgUnitId: '上次登记的所属单位',
    matterClerk: '登记人',
    summonDepartments: { words: '吹哨报到部门列表', item: each('报到部门') },
    pointsRules: { words: '积分规则', fields: { golden: '金点子积分', goodMethod: '好法子积分' } },
  },
  // Version 3 (matters: 金点子 points, 矛盾纠纷).
  pointsEntries: {
    id: '编号',
    residentKey: '居民',
    residentName: '居民姓名',
    personId: '名册人员',
    kind: '积分类型',
    points: '积分',
    award: '金点子类别',
    matterId: '所属事项',
    reason: '事由',
    at: '时间',
    by: '经办人',
  },
  disputes: {
    matterId: '所属事项',
    parties: {
      words: '当事人',
      item: (n) => ({ words: `第${n}位当事人`, fields: { name: '姓名', personId: '名册人员' } }),
    },
    mediator: { words: '调解员', fields: { personId: '名册人员', name: '姓名' } },
    outcome: '调解结果',
    outcomeNote: '调解结果说明',
    outcomeAt: '调解结果时间',
    createdAt: '登记时间',
    updatedAt: '修改时间',
  },
  mediationSessions: {
    id: '编号',
    matterId: '所属事项',
    date: '调解日期',
    place: '调解地点',
    agreed: '调解情况',
    createdAt: '记录时间',
    by: '经办人',
  },
};

function rootNode(root: PathRoot): Node {
  switch (root.kind) {
    case 'meetingFile':
      return { words: '', fields: MEETING_FILE };
    case 'record':
      return { words: '', fields: RECORD };
    case 'amendment':
      return { words: '修订', fields: AMENDMENT };
    case 'row':
      return { words: '', fields: TABLE_ROWS[root.table] ?? {} };
  }
}

const asNode = (entry: Node | string): Node => (typeof entry === 'string' ? { words: entry } : entry);

/**
 * The field a path points to, in words: 第1次表决的同意票数, 第2项决定的责任人的姓名或名称,
 * 会议名称. A part of the path this table does not know ends the name with "的一项内容"; the key
 * itself is never shown. Empty for the root itself.
 */
export function fieldName(path: readonly Key[], root: PathRoot): string {
  let node = rootNode(root);
  const parts = node.words ? [node.words] : [];
  for (const key of path) {
    if (node.opaque) break;
    if (typeof key === 'number' && node.item) {
      // An element's words say which list it is in ("第2项决定"): they replace the list's words.
      if (node.words) parts.pop();
      node = node.item(key + 1);
      parts.push(node.words);
      continue;
    }
    const entry = typeof key === 'string' && node.fields && Object.hasOwn(node.fields, key) ? node.fields[key] : null;
    if (!entry) return [...parts, ...(!node.words && node.self ? [node.self] : []), '一项内容'].join('的');
    node = asNode(entry);
    if (node.words) parts.push(node.words);
  }
  if (path.length > 0 && !node.words && node.self) parts.push(node.self);
  return parts.join('的');
}
