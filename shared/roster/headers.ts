import { parseRosterRole, type RosterRole } from '../domain/roles';
import type { Gender } from '../domain/person';

/**
 * The roster columns the importer understands. The org column comes in three kinds because a
 * sheet may carry 所属小区 and 所属网格 side by side, and together they locate a grid.
 */
export type RosterField =
  | 'name'
  | 'gender'
  | 'phone'
  | 'unit'
  | 'compound'
  | 'grid'
  | 'org'
  | 'roles'
  | 'isGridWorker'
  | 'isMediator'
  | 'isPartyMember'
  | 'note';

/** Header spellings seen in secretaries' sheets, after normaliseHeader. */
const HEADER_ALIASES: Record<RosterField, readonly string[]> = {
  name: ['姓名', '名字', '人员姓名', '成员姓名', '代表姓名'],
  gender: ['性别'],
  phone: ['电话', '手机', '联系电话', '手机号', '手机号码', '电话号码', '联系方式', '移动电话'],
  unit: ['单位', '工作单位', '所在单位', '单位名称', '工作单位及职务'],
  compound: ['所属小区', '小区', '小区名称', '居住小区'],
  grid: ['所属网格', '网格', '网格名称'],
  org: ['所属小区/网格', '小区/网格', '所属小区网格', '所属组织', '所属网格/小区'],
  roles: ['角色', '身份', '议事角色', '人员类别', '类别'],
  isGridWorker: ['网格员', '是否网格员', '专职网格员'],
  isMediator: ['人民调解员', '调解员', '是否人民调解员', '是否调解员'],
  isPartyMember: ['党员', '是否党员', '政治面貌'],
  note: ['备注', '说明'],
};

/** The header each field is exported under; every one of them is also an accepted alias. */
export const EXPORT_HEADERS = {
  name: '姓名',
  gender: '性别',
  phone: '电话',
  unit: '单位',
  org: '所属小区/网格',
  roles: '角色',
  isGridWorker: '网格员',
  isMediator: '人民调解员',
  isPartyMember: '党员',
  note: '备注',
} as const satisfies Partial<Record<RosterField, string>>;

const BY_ALIAS = new Map<string, RosterField>(
  (Object.entries(HEADER_ALIASES) as [RosterField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field] as const),
  ),
);

/** Strips what people decorate headers with: spaces, required-marks, colons, "（必填）" notes. */
export function normaliseHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s*:]/g, '')
    .replace(/\([^)]*\)$/, '');
}

export function matchHeader(raw: string): RosterField | null {
  return BY_ALIAS.get(normaliseHeader(raw)) ?? null;
}

/** Trims, and drops the invisible characters that copying from WeChat or web pages leaves behind. */
export function cleanCell(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\u00a0|\u3000/g, ' ')
    .trim();
}

export function parseGender(value: string): Gender | undefined | null {
  const v = value.toLowerCase();
  if (v === '') return undefined;
  if (['男', '男性', 'm', 'male'].includes(v)) return 'male';
  if (['女', '女性', 'f', 'female'].includes(v)) return 'female';
  return null;
}

const YES = [
  '是',
  '是的',
  '√',
  '✓',
  '✔',
  'y',
  'yes',
  '1',
  'true',
  '有',
  '党员',
  '中共党员',
  '中共预备党员',
  '预备党员',
];
/** Includes 政治面貌 answers other than CPC membership, since that column feeds 党员. */
const NO = [
  '否',
  '不是',
  '×',
  '✗',
  '✘',
  'x',
  'n',
  'no',
  '0',
  'false',
  '无',
  '非',
  '群众',
  '团员',
  '共青团员',
  '民主党派',
  '无党派',
  '无党派人士',
];

/** A yes/no cell; blank is "no". Returns null when it cannot tell. */
export function parseFlag(value: string): boolean | null {
  const v = value.toLowerCase().replace(/\s/g, '');
  if (v === '') return false;
  if (YES.includes(v)) return true;
  if (NO.includes(v)) return false;
  return null;
}

/** Flags secretaries list among the roles ("居民代表、党员") instead of in their own columns. */
const FLAG_WORDS: Record<string, 'isGridWorker' | 'isMediator' | 'isPartyMember'> = {
  网格员: 'isGridWorker',
  专职网格员: 'isGridWorker',
  人民调解员: 'isMediator',
  调解员: 'isMediator',
  党员: 'isPartyMember',
  中共党员: 'isPartyMember',
};

export interface ParsedRoles {
  roles: RosterRole[];
  flags: Array<'isGridWorker' | 'isMediator' | 'isPartyMember'>;
  unknown: string[];
}

export function parseRoles(value: string): ParsedRoles {
  const result: ParsedRoles = { roles: [], flags: [], unknown: [] };
  for (const part of value.split(/[、，,;；/／\s]+/)) {
    if (part === '') continue;
    const role = parseRosterRole(part);
    const flag = Object.hasOwn(FLAG_WORDS, part) ? FLAG_WORDS[part] : undefined;
    if (role) {
      if (!result.roles.includes(role)) result.roles.push(role);
    } else if (flag) result.flags.push(flag);
    else result.unknown.push(part);
  }
  return result;
}

/** Script or markup that has no business in a roster and could bite wherever it is shown. */
export function isUnsafeText(value: string): boolean {
  return /<\s*[a-z!/?]/i.test(value) || /javascript\s*:/i.test(value);
}
