/** Strings of the meetings feature, registered as the i18next namespace 'meetings'. */
const zhCN = {
  nav: '会议',
  title: '会议',
  newMeeting: '新建会议',
  nextMonthly: '下一次党群议事日：{{date}}',
  prepareNext: '筹备',
  empty: '还没有会议。',
  types: { monthlyDay: '党群议事日', redBench: '红板凳议事会', general: '议事协商会议' },
  statuses: { draft: '筹备中', live: '进行中', closed: '已结束', finalised: '已定稿', signed: '已签字' },
  tabs: { upcoming: '筹备中', live: '进行中', awaiting: '待定稿/签字', signed: '已签字' },
  columns: { title: '会议', type: '类型', unit: '小区/网格', time: '时间', issue: '期数', status: '状态' },
  open: '打开',
  enterLive: '进入会议',
  issue: '{{year}}年第{{no}}期',
  form: {
    type: '会议类型', unit: '所属小区/网格', title: '会议名称', date: '日期', time: '开始时间', duration: '预计时长（分钟）',
    place: '地点', chair: '主持人', recorder: '记录人', passRule: '表决通过规则', create: '创建会议',
    placeDefault: '{{unit}}党群服务站', pickPerson: '从名册选择或直接输入',
    rules: { half: '超过出席人数的一半', twoThirds: '超过出席人数的三分之二' },
    unitRequired: '请选择小区或网格', dateInPast: '会议日期不能早于今天',
  },
  sections: { info: '基本信息', agenda: '议程', people: '参会人员', record: '纪要与决定', sign: '签字与定稿' },
  agenda: {
    add: '添加议题', title: '议题', background: '背景', raisedBy: '提出人', minutes: '计划用时（分钟）', concerns: '涉及方',
    total: '合计 {{planned}} 分钟 / 会议时长 {{available}} 分钟', over: '议程超出会议时长 {{minutes}} 分钟',
    carried: '上次未议结', dragHint: '拖动或用“上移/下移”调整顺序', empty: '还没有议题。',
  },
  people: {
    invite: '从名册邀请', addGuest: '添加临时参会人', coverage: '“6+N”常设角色', covered: '已邀请', missing: '未邀请',
    name: '姓名', unit: '单位', category: '身份', state: '签到', guestTitle: '添加临时参会人（不在名册中）',
    invited: '应到 {{expected}} 人，实到 {{present}} 人，请假 {{excused}} 人，缺席 {{absent}} 人，列席 {{nonVoting}} 人',
    pickTitle: '从名册邀请', alreadyInvited: '已邀请', showAllUnits: '显示所有单位的人员',
  },
  states: { invited: '未签到', present: '出席', excused: '请假', absent: '缺席', nonVoting: '列席' },
  actions: {
    start: '开始会议', close: '结束会议', reopen: '重新进入会议', finalise: '定稿', unfinalise: '退回修改', lock: '签字完成，锁定纪要',
    verify: '核验', amend: '修订', exportDocs: '导出文件', back: '返回会议',
  },
  confirm: {
    start: '开始会议后将进入会议模式，可以签到和记录纪要。',
    close: '结束会议？结束后还可以整理纪要，定稿前可重新进入会议。',
    finalise: '定稿后纪要不能再修改，接着请参会人员签字。',
    lock: '锁定后纪要不能再修改，以后的更正只能作为修订追加。确定锁定吗？',
  },
  live: {
    current: '当前议题', next: '下一项', previous: '上一项', noNext: '这是最后一项', planned: '计划 {{minutes}} 分钟', elapsed: '已用 {{time}}',
    overtime: '已超时', exit: '退出会议模式', signIn: '签到', decisions: '决定事项', votes: '表决', households: '逐户征求意见',
    newDecision: '新决定', newVote: '新表决', newHousehold: '逐户征求意见', resolution: '决议', resolutionPlaceholder: '本议题议定的结果（决议）',
    shortcuts: '快捷键：Alt+N 下一项 · Alt+P 上一项 · Alt+M 纪要 · Alt+D 新决定 · Alt+V 新表决 · Alt+Q 签到',
    attendance: '应到 {{expected}} · 实到 {{present}}', walkIn: '添加临时到会人员', markResolved: '本议题已议结',
    noItems: '议程是空的，请先添加议题。', resolved: '已议结', readOnly: '此会议已在另一个窗口中进行，本窗口只能查看。',
  },
  decision: {
    title: '决定事项', what: '事项', responsible: '谁来干（责任人）', standard: '干到什么标准', deadline: '什么时间干完', supervisor: '谁来监督',
    add: '新决定', edit: '编辑决定', saved: '决定已保存',
    problems: {
      titleMissing: '请填写事项', responsibleMissing: '请填写谁来干（责任人）', standardMissing: '请填写干到什么标准',
      deadlineMissing: '请选择什么时间干完', deadlineInvalid: '完成时限不是有效日期', deadlineBeforeMeeting: '完成时限不能早于会议日期',
      supervisorMissing: '请填写谁来监督', supervisorIsResponsible: '监督人不能是责任人本人',
    },
  },
  vote: {
    title: '表决', subject: '表决事项', method: '表决方式', methods: { showOfHands: '举手表决', secretBallot: '无记名投票' },
    agree: '同意', disagree: '反对', abstain: '弃权', voters: '出席可表决人数', result: '结果', passed: '通过', failed: '未通过',
    needed: '需同意 {{needed}} 票以上才能通过（{{rule}}）', tooMany: '同意、反对、弃权之和（{{sum}}）超过出席可表决人数（{{voters}}）',
    noVoters: '还没有人签到出席，不能表决', concernWarning: '本议题涉及的{{roles}}没有代表出席，表决前请确认是否继续。', saved: '表决结果已记录',
  },
  household: {
    title: '逐户征求意见', subject: '征求事项', asked: '征求户数', agreed: '同意户数', disagreed: '不同意户数', notReached: '未联系到户数',
    summary: '征求{{asked}}户，同意{{agreed}}户（{{percent}}%），不同意{{disagreed}}户，未联系到{{notReached}}户',
  },
  review: {
    title: '定稿前检查', ok: '记录完整，可以定稿。',
    problems: {
      chairMissing: '没有填写主持人', recorderMissing: '没有填写记录人', nobodyPresent: '没有人签到出席',
      attendanceNotMarked: '还有{{count}}人没有签到记录：{{names}}', agendaEmpty: '议程是空的', minutesMissing: '议题“{{itemTitle}}”没有纪要',
      decisionIncomplete: '决定“{{decisionTitle}}”不完整', voteInvalid: '表决“{{subject}}”票数有误', itemMissing: '有记录不属于任何议题',
    },
  },
  sign: {
    title: '参会人员签字', sign: '签字', signed: '已签', paper: '纸质签到表已签', paperRecorded: '已附纸质签到表', unsigned: '未签',
    needAll: '出席人员全部签字（或附上纸质签到表）后才能锁定。', fingerprint: '记录指纹', verifyConsistent: '一致：记录与签字时完全相同',
    verifyInconsistent: '不一致：记录在签字后被改动过！', locked: '纪要已锁定', signedAt: '签字锁定于 {{time}}',
  },
  amend: {
    title: '修订', by: '修订人', reason: '修订原因', what: '更正内容', field: '更正项目', newValue: '更正为', list: '修订记录',
    saved: '修订已追加，指纹已更新', fields: { place: '地点', resolution: '议题决议', decisionStandard: '决定的完成标准', decisionDeadline: '决定的完成时限' },
    entry: '{{time}} {{by}}：{{reason}}',
    problems: {
      notSigned: '只有已签字的会议才需要修订', notConsistent: '记录已与签字时不一致，不能修订，请先核验', byMissing: '请填写修订人',
      reasonMissing: '请填写修订原因', noChanges: '没有改动任何内容', lockedField: '这一项不能修订', tooManyChanges: '一次修订的改动太多', invalid: '更正的内容不符合要求',
    },
  },
  errors: { locked: '会议已锁定，不能修改', notFound: '找不到这个会议' },
  documents: {
    kinds: { notice: '会议通知', signInSheet: '签到表', minutes: '会议纪要', signatureSheet: '签字页', resolutionNotice: '决议公示' },
    meetingFile: '会议记录文件（JSON）', saved: '已保存：{{path}}', print: '打印本页', pdf: '另存为 PDF',
    import: '导入会议记录', imported: '会议记录已导入', replaceConfirm: '本机已有这个会议（尚未签字），用文件中的记录替换吗？',
    localSigned: '本机已有这个会议的已签字记录，不会被覆盖。', importUnsigned: '注意：这个文件中的会议尚未签字。',
    problems: {
      notJson: '这不是议事厅的会议记录文件（无法读取）。', notAMeetingFile: '这不是议事厅的会议记录文件。', newerFormat: '这个文件来自更新版本的议事厅，请先升级本软件。',
      invalid: '文件内容有误（{{path}}：{{message}}），没有导入。', tampered: '文件中的记录与签字时的指纹不一致，可能被改动过，没有导入。', tooLarge: '文件太大（超过{{maxMb}}MB）。',
    },
  },
  templates: { button: '会议模板', title: '会议模板', name: '模板名称', roles: '默认邀请的角色', items: '默认议题' },
  matters: { button: '从居民说事添加', title: '从居民说事事项添加议题', added: '已加入议程', kinds: { immediate: '即办件', pending: '待办件', escalate: '上报件' }, empty: '这个小区没有待议的居民说事事项。' },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const en: Strings<typeof zhCN> = {
  nav: 'Meetings',
  title: 'Meetings',
  newMeeting: 'New meeting',
  nextMonthly: 'Next deliberation day: {{date}}',
  prepareNext: 'Prepare',
  empty: 'No meetings yet.',
  types: { monthlyDay: 'Deliberation day', redBench: 'Red-bench meeting', general: 'Consultation meeting' },
  statuses: { draft: 'Preparing', live: 'In session', closed: 'Closed', finalised: 'Finalised', signed: 'Signed' },
  tabs: { upcoming: 'Preparing', live: 'In session', awaiting: 'To finalise / sign', signed: 'Signed' },
  columns: { title: 'Meeting', type: 'Type', unit: 'Compound / grid', time: 'Time', issue: 'Issue', status: 'Status' },
  open: 'Open',
  enterLive: 'Enter meeting',
  issue: '{{year}} No. {{no}}',
  form: {
    type: 'Meeting type', unit: 'Compound / grid', title: 'Title', date: 'Date', time: 'Start time', duration: 'Planned length (minutes)',
    place: 'Place', chair: 'Chair', recorder: 'Recorder', passRule: 'Vote rule', create: 'Create meeting',
    placeDefault: '{{unit}} service station', pickPerson: 'Pick from the roster or type',
    rules: { half: 'More than half of those present', twoThirds: 'More than two thirds of those present' },
    unitRequired: 'Choose a compound or grid', dateInPast: 'The date cannot be in the past',
  },
  sections: { info: 'Details', agenda: 'Agenda', people: 'Attendees', record: 'Minutes & decisions', sign: 'Signing' },
  agenda: {
    add: 'Add item', title: 'Item', background: 'Background', raisedBy: 'Raised by', minutes: 'Planned minutes', concerns: 'Concerns',
    total: 'Total {{planned}} min / meeting {{available}} min', over: 'The agenda runs {{minutes}} min over',
    carried: 'Carried over', dragHint: 'Drag or use Move up / Move down to reorder', empty: 'No agenda items yet.',
  },
  people: {
    invite: 'Invite from roster', addGuest: 'Add a guest', coverage: '"6+N" standing roles', covered: 'Invited', missing: 'Not invited',
    name: 'Name', unit: 'Unit', category: 'Role', state: 'Sign-in', guestTitle: 'Add a guest (not on the roster)',
    invited: 'Expected {{expected}}, present {{present}}, excused {{excused}}, absent {{absent}}, non-voting {{nonVoting}}',
    pickTitle: 'Invite from the roster', alreadyInvited: 'Invited', showAllUnits: 'Show people of all units',
  },
  states: { invited: 'Not signed in', present: 'Present', excused: 'Excused', absent: 'Absent', nonVoting: 'Non-voting' },
  actions: {
    start: 'Start meeting', close: 'Close meeting', reopen: 'Reopen meeting', finalise: 'Finalise', unfinalise: 'Back to editing', lock: 'Signed — lock the minutes',
    verify: 'Verify', amend: 'Amend', exportDocs: 'Export documents', back: 'Back to meeting',
  },
  confirm: {
    start: 'Starting opens meeting mode for sign-in and minutes.',
    close: 'Close the meeting? You can still tidy the minutes, and reopen it before finalising.',
    finalise: 'After finalising the minutes cannot change; then attendees sign.',
    lock: 'After locking nothing can change; later corrections are appended as amendments. Lock now?',
  },
  live: {
    current: 'Current item', next: 'Next', previous: 'Previous', noNext: 'This is the last item', planned: 'Planned {{minutes}} min', elapsed: 'Elapsed {{time}}',
    overtime: 'Over time', exit: 'Leave meeting mode', signIn: 'Sign-in', decisions: 'Decisions', votes: 'Votes', households: 'Household consultation',
    newDecision: 'New decision', newVote: 'New vote', newHousehold: 'Household consultation', resolution: 'Resolution', resolutionPlaceholder: 'What the meeting resolved on this item',
    shortcuts: 'Shortcuts: Alt+N next · Alt+P previous · Alt+M minutes · Alt+D decision · Alt+V vote · Alt+Q sign-in',
    attendance: 'Expected {{expected}} · present {{present}}', walkIn: 'Add a walk-in', markResolved: 'Item resolved',
    noItems: 'The agenda is empty; add items first.', resolved: 'Resolved', readOnly: 'This meeting is open in another window; this one is read-only.',
  },
  decision: {
    title: 'Decisions', what: 'Matter', responsible: 'Who acts', standard: 'To what standard', deadline: 'By when', supervisor: 'Who supervises',
    add: 'New decision', edit: 'Edit decision', saved: 'Decision saved',
    problems: {
      titleMissing: 'Enter the matter', responsibleMissing: 'Enter who acts', standardMissing: 'Enter the standard',
      deadlineMissing: 'Choose the deadline', deadlineInvalid: 'The deadline is not a valid date', deadlineBeforeMeeting: 'The deadline cannot be before the meeting',
      supervisorMissing: 'Enter who supervises', supervisorIsResponsible: 'The supervisor cannot be the person who acts',
    },
  },
  vote: {
    title: 'Vote', subject: 'Motion', method: 'Method', methods: { showOfHands: 'Show of hands', secretBallot: 'Secret ballot' },
    agree: 'For', disagree: 'Against', abstain: 'Abstain', voters: 'Voters present', result: 'Result', passed: 'Passed', failed: 'Not passed',
    needed: 'Needs {{needed}} votes for ({{rule}})', tooMany: 'For + against + abstain ({{sum}}) exceeds the voters present ({{voters}})',
    noVoters: 'Nobody is signed in as present; no vote can be taken', concernWarning: 'No {{roles}} representative is present for this item. Continue with the vote?', saved: 'Vote recorded',
  },
  household: {
    title: 'Household consultation', subject: 'Question', asked: 'Households asked', agreed: 'Agreed', disagreed: 'Disagreed', notReached: 'Not reached',
    summary: '{{asked}} households asked, {{agreed}} agreed ({{percent}}%), {{disagreed}} disagreed, {{notReached}} not reached',
  },
  review: {
    title: 'Check before finalising', ok: 'The record is complete and can be finalised.',
    problems: {
      chairMissing: 'No chair entered', recorderMissing: 'No recorder entered', nobodyPresent: 'Nobody is signed in as present',
      attendanceNotMarked: '{{count}} people have no sign-in state: {{names}}', agendaEmpty: 'The agenda is empty', minutesMissing: 'Item "{{itemTitle}}" has no minutes',
      decisionIncomplete: 'Decision "{{decisionTitle}}" is incomplete', voteInvalid: 'Vote "{{subject}}" has wrong counts', itemMissing: 'Some records belong to no agenda item',
    },
  },
  sign: {
    title: 'Signatures', sign: 'Sign', signed: 'Signed', paper: 'Paper sheet signed', paperRecorded: 'Paper sheet attached', unsigned: 'Not signed',
    needAll: 'Everyone present must sign (or attach the signed paper sheet) before locking.', fingerprint: 'Record fingerprint', verifyConsistent: 'Consistent: the record is exactly as signed',
    verifyInconsistent: 'Inconsistent: the record was changed after signing!', locked: 'Minutes locked', signedAt: 'Signed and locked on {{time}}',
  },
  amend: {
    title: 'Amendment', by: 'Amended by', reason: 'Reason', what: 'Correction', field: 'What', newValue: 'New value', list: 'Amendments',
    saved: 'Amendment appended; the fingerprint was renewed', fields: { place: 'Place', resolution: 'Item resolution', decisionStandard: 'Decision standard', decisionDeadline: 'Decision deadline' },
    entry: '{{time}} {{by}}: {{reason}}',
    problems: {
      notSigned: 'Only signed meetings are amended', notConsistent: 'The record no longer matches its signature; verify it first', byMissing: 'Enter who amends',
      reasonMissing: 'Enter the reason', noChanges: 'Nothing was changed', lockedField: 'This cannot be amended', tooManyChanges: 'Too many changes in one amendment', invalid: 'The correction is not valid',
    },
  },
  errors: { locked: 'The meeting is locked', notFound: 'Meeting not found' },
  documents: {
    kinds: { notice: 'Meeting notice', signInSheet: 'Sign-in sheet', minutes: 'Minutes', signatureSheet: 'Signature sheet', resolutionNotice: 'Resolution notice' },
    meetingFile: 'Meeting record file (JSON)', saved: 'Saved: {{path}}', print: 'Print this page', pdf: 'Save as PDF',
    import: 'Import a meeting record', imported: 'Meeting record imported', replaceConfirm: 'This computer already has this meeting (unsigned). Replace it with the record in the file?',
    localSigned: 'This computer has a signed record of this meeting; it will not be overwritten.', importUnsigned: 'Note: the meeting in this file is not signed.',
    problems: {
      notJson: 'This is not a Yishi meeting file (it cannot be read).', notAMeetingFile: 'This is not a Yishi meeting file.', newerFormat: 'This file comes from a newer Yishi; please update the app first.',
      invalid: 'The file has an error ({{path}}: {{message}}); nothing was imported.', tampered: 'The record does not match its signed fingerprint and may have been altered; nothing was imported.', tooLarge: 'The file is too large (over {{maxMb}} MB).',
    },
  },
  templates: { button: 'Templates', title: 'Meeting templates', name: 'Template name', roles: 'Roles invited by default', items: 'Default agenda items' },
  matters: { button: 'Add from raised matters', title: 'Add agenda items from residents\' matters', added: 'Added to the agenda', kinds: { immediate: 'Handle at once', pending: 'To deliberate', escalate: 'Escalate' }, empty: 'This compound has no open raised matters.' },
};

export const meetingsMessages = { 'zh-CN': zhCN, en } as const;
