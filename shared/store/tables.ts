/**
 * The stored tables and their indexes, without the schemas their rows are checked against
 * (./schema.ts): all the app needs to open the database, so start-up does not carry every
 * table's row schema.
 *
 * Bump SCHEMA_VERSION with a new entry in ./migrations.ts whenever the indexes or a row schema
 * change in a way old rows do not satisfy.
 */
export const SCHEMA_VERSION = 11;

export const TABLE_INDEXES = {
  orgUnits: 'id, parentId, level',
  // Version 5 (roster): the roster pages by sortKey and searches and filters by *rosterKeys (shared/roster/rosterKeys.ts).
  people: 'id, orgUnitId, name, initials, *roles, updatedAt, sortKey, *rosterKeys',
  meetings: 'id, orgUnitId, status, startAt, [orgUnitId+startAt], [status+startAt]',
  agendaItems: 'id, meetingId, [meetingId+order], matterId',
  minutes: 'agendaItemId, meetingId',
  attendance: 'id, meetingId, personId',
  // Version 4 (督办 at scale): the board pages each state by [status+deadline] and filters by the names.
  // Version 8: and by a responsible name, each state by [responsible.name+status+deadline] (a unit
  // is named on thousands of decisions).
  decisions:
    'id, meetingId, agendaItemId, deadline, status, [status+deadline], responsible.name, supervisor.name, [responsible.name+status+deadline]',
  votes: 'id, meetingId, agendaItemId',
  householdConsultations: 'id, meetingId, agendaItemId',
  amendments: 'id, meetingId, at',
  meetingTemplates: 'id, type',
  // v2: matters register (issue #12) — structured raiser, path, stage computed; timeline in matterEvents.
  // Version 5 (工作台 at scale): open matters only (the `open` flag), by path and unit.
  matters: 'id, orgUnitId, path, raisedAt, mergedInto, updatedAt, [open+path+orgUnitId]',
  matterEvents: 'id, matterId, [matterId+at]',
  settings: 'key',
  // Version 2 (督办): follow-up steps of decisions, beside the meeting's record and outside its seal.
  decisionProgress: 'id, decisionId, meetingId, at',
  // Version 2: signatures (shared/signing/).
  recordSignatures: 'id, meetingId',
  signingKeys: 'id, createdAt',
  registeredKeys: 'id',
  // Version 3 (escalation): the 五议一备两公开 ladder of a 上报件 and the departments' 吹哨报到 tasks.
  escalations: 'id, &matterId, orgUnitId, updatedAt',
  summonedTasks: 'id, escalationId, matterId, deadline, status',
  // Version 3 (publicity): evidence files of progress notes and matters (base64, one file a row),
  // 公示 records (决议公示 per meeting, 结果公示 per decision), 评议/整改 per decision.
  attachments: 'id, ownerId, decisionId',
  publicNotices: 'id, meetingId, decisionId, endDate',
  evaluations: 'id, &decisionId, meetingId',
  // Version 3 (matters: 金点子 points, 矛盾纠纷): the points ledger, disputes (keyed by matter) and their sessions.
  pointsEntries: 'id, residentKey, matterId, at',
  disputes: 'matterId, outcome',
  mediationSessions: 'id, matterId, [matterId+date]',
  // Version 4 (file): the audit log (shared/audit/chain.ts), entries chained by hash, and its head.
  auditLog: 'seq, at, action',
  auditHead: 'key',
  // Version 5 (filing): 审阅 — filings a reviewer accepted (keyed by content id, so a duplicate is one
  // row; the package bytes in filingPackages) and, on the community's side, the signed 审阅结果 it imported, found by meeting.
  filings: 'id, orgName, month, importedAt',
  // The packages themselves, apart, so that listing filings never reads megabytes of packages.
  filingPackages: 'id',
  // Version 11: a package's later parts, so that no row of a backup is larger than a few megabytes
  // (shared/filing/packageParts.ts); keyed `<package id>.<NNN>`.
  filingPackageParts: 'id',
  filingResponses: 'id, filingId, *meetingIds',
} as const;

/**
 * Tables that stay on this machine: never in a backup, never cleared by a restore. The private
 * signing keys (non-extractable CryptoKeys, which JSON could not hold anyway) live here.
 */
export const LOCAL_TABLES = {
  signingSecrets: 'keyId',
  // Version 11: notes this computer keeps about its own work, such as a restore under way
  // (shared/backup/interruptedRestore.ts), outside every table a restore replaces.
  localMarks: 'key',
} as const;

/**
 * Version 6 (archive search, issue 13): tables derived from the records — never in a backup; a
 * restore empties them and they are built again in the background (renderer/data/searchIndex.ts).
 * searchEntries: one row per searchable record, keyed by its day so a term's records come newest
 * first; searchTerms: its letter pairs under the same key (version 7: a table of their own);
 * searchState: how far the index of each kind of record has got, and its posting lists.
 * Version 10: searchPostings, one row per term and block of 32 days holding its records' keys
 * (shared/search/postingLists.ts); searchTerms keeps each entry's terms, without an index.
 */
export const DERIVED_TABLES = {
  searchEntries: 'id, &ref, meetingId',
  searchTerms: 'id',
  searchPostings: '[term+block]',
  searchState: 'kind',
  // Version 9 (督办 按责任人 / 按责任单位 at scale, shared/followup/tallyRows.ts): the decisions
  // counted per responsible person or unit, and how far that count has got in key order.
  decisionTallies: 'key',
  decisionTallyState: 'key',
} as const;

/**
 * The schema version that last changed what the derived tables hold: a database upgraded from
 * before it has them emptied in the upgrade, and they are built again in the background.
 * Version 7: search entries keyed newest first (a later day's key lower, shared/search/entries.ts),
 * their terms in a table of their own (searchTerms). Version 10: posting lists (searchPostings).
 */
export const DERIVED_LAYOUT_VERSION = 10;

export type TableName = keyof typeof TABLE_INDEXES;
export const TABLE_NAMES = Object.keys(TABLE_INDEXES) as TableName[];

/** The primary key field of a table: the first entry of its Dexie index list. */
export function primaryKeyOf(table: TableName): string {
  return PRIMARY_KEYS[table];
}

// Worked out once: a backup's check asks for every row (1.6 million at ten years).
const PRIMARY_KEYS = Object.fromEntries(TABLE_NAMES.map((t) => [t, TABLE_INDEXES[t].split(',')[0]!.trim()])) as Record<
  TableName,
  string
>;

/** Dexie stores() argument for the current version. */
export function dexieStores(): Record<string, string> {
  return {
    ...Object.fromEntries(TABLE_NAMES.map((t) => [t, TABLE_INDEXES[t]])),
    ...LOCAL_TABLES,
    ...DERIVED_TABLES,
  };
}
