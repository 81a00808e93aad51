import { registerMessages } from '../../../i18n';
import type { Problem, ProblemCode } from '../../../../shared/roster/problems';

/**
 * Messages for roster import problems. The readers are party secretaries, many of them
 * retired: say what is wrong in everyday words and what to do about it, no jargon.
 */
const zhCN = {
  nameMissing: '没有填写姓名',
  nameTooLong: '姓名太长（不能超过{{max}}个字）',
  nameInvalidChars: '姓名“{{value}}”里有不允许的符号（< > { } \\），请删去',
  phoneInvalid: '电话号码“{{value}}”格式不正确（手机号应为11位，座机请带区号）',
  genderInvalid: '性别“{{value}}”看不懂，请填写“男”或“女”，也可以不填',
  unknownRole:
    '角色“{{value}}”看不懂，可填写：党组织书记、两委成员、业委会代表、物业公司代表、居民代表、共建单位代表、利益相关方',
  unknownOrgUnit: '找不到叫“{{value}}”的小区或网格，请检查名称有没有写错，或先在“组织架构”里添加',
  ambiguousOrgUnit:
    '有{{count}}个小区或网格都叫“{{value}}”，分不清是哪一个，请写成“小区名/网格名”，例如“幸福小区/第一网格”',
  flagInvalid: '“{{column}}”一栏填的“{{value}}”看不懂，请填写“是”或“否”',
  unitTooLong: '单位名称太长（不能超过{{max}}个字）',
  cellTooLong: '“{{column}}”一栏的内容太长（不能超过{{max}}个字）',
  unsafeText: '“{{column}}”一栏里有网页代码一类的内容（比如 <script>），为了安全不能导入',
  duplicateInFile: '和第{{firstRow}}行是同一个人（姓名、电话都相同），只导入一次',
  duplicateInRoster: '名册里已经有这个人了（姓名、电话都相同），不再重复导入',
  emptyFile: '这个文件是空的，没有读到任何内容',
  nameHeaderMissing: '没有找到“姓名”这一列。请确认表格的标题行里有一格写着“姓名”',
  noDataRows: '表格里只有标题行，没有人员信息',
  tooManyRows: '表格里有{{count}}行人员，一次最多只能导入{{max}}行，请分成几个文件导入',
  fileTooLarge: '文件太大（超过{{maxMb}}MB），请检查是不是选错了文件',
  unsupportedFileType: '不能导入“{{ext}}”类型的文件，请选择 Excel 表格（.xlsx）或 CSV 文件',
  legacyXls:
    '这是旧版的 Excel 文件（.xls）。请用 Excel 或 WPS 打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新保存的文件',
  protectedOrLegacy: '打不开这个文件：它可能设了密码，或者其实是旧版的 .xls 文件。请去掉密码，或另存为 .xlsx 后再导入',
  notXlsx: '这个文件不是有效的 Excel 表格（.xlsx），可能已经损坏，或者扩展名被改过',
  zipTooLarge: '这个 Excel 文件展开后超过{{maxMb}}MB，内容不正常，为了安全不予导入',
  xlsxUnreadable: '读不了这个 Excel 文件，可能已经损坏。请用 Excel 或 WPS 打开后重新保存一次，再导入',
  noWorksheet: '这个 Excel 文件里没有可以读取的工作表',
  notText: '这个文件不是文字表格（CSV），请选择 Excel 表格（.xlsx）或 CSV 文件',
  row: '第{{row}}行：{{message}}',
} satisfies Record<ProblemCode | 'row', string>;

const en = {
  nameMissing: 'The name is missing',
  nameTooLong: 'The name is too long (at most {{max}} characters)',
  nameInvalidChars: 'The name “{{value}}” contains characters that are not allowed (< > { } \\)',
  phoneInvalid:
    'The phone number “{{value}}” is not valid (mobile numbers have 11 digits; landlines need the area code)',
  genderInvalid: 'Gender “{{value}}” is not recognised; write 男 (male) or 女 (female), or leave it blank',
  unknownRole:
    'Role “{{value}}” is not recognised; use 党组织书记, 两委成员, 业委会代表, 物业公司代表, 居民代表, 共建单位代表 or 利益相关方',
  unknownOrgUnit: 'No compound or grid is called “{{value}}”; check the spelling or add it under Organisation first',
  ambiguousOrgUnit: '{{count}} compounds or grids are called “{{value}}”; write compound/grid, e.g. 幸福小区/第一网格',
  flagInvalid: 'Column “{{column}}”: “{{value}}” is not recognised; write 是 (yes) or 否 (no)',
  unitTooLong: 'The work unit is too long (at most {{max}} characters)',
  cellTooLong: 'Column “{{column}}” is too long (at most {{max}} characters)',
  unsafeText: 'Column “{{column}}” contains web code (such as <script>) and cannot be imported for safety',
  duplicateInFile: 'Same person as row {{firstRow}} (same name and phone); imported once',
  duplicateInRoster: 'Already on the roster (same name and phone); not imported again',
  emptyFile: 'The file is empty',
  nameHeaderMissing: 'No “姓名” (name) column was found; the header row needs a cell reading 姓名',
  noDataRows: 'The table has a header row but no people',
  tooManyRows:
    'The table has {{count}} people; at most {{max}} can be imported at once, so split it into several files',
  fileTooLarge: 'The file is too large (over {{maxMb}} MB); check that this is the right file',
  unsupportedFileType: '“{{ext}}” files cannot be imported; choose an Excel workbook (.xlsx) or a CSV file',
  legacyXls:
    'This is an old Excel file (.xls). Open it in Excel or WPS, use File → Save As, choose “Excel Workbook (*.xlsx)” and import the new file',
  protectedOrLegacy:
    'The file cannot be opened: it may be password-protected or actually an old .xls file. Remove the password or save it as .xlsx',
  notXlsx: 'This is not a valid Excel workbook (.xlsx); it may be damaged or renamed',
  zipTooLarge: 'This Excel file expands to more than {{maxMb}} MB, which is not normal; it was refused for safety',
  xlsxUnreadable: 'The Excel file cannot be read and may be damaged; open it in Excel or WPS, save it again and retry',
  noWorksheet: 'The Excel file has no readable worksheet',
  notText: 'This is not a text table (CSV); choose an Excel workbook (.xlsx) or a CSV file',
  row: 'Row {{row}}: {{message}}',
} satisfies Record<ProblemCode | 'row', string>;

/** i18next resources, one flat object per locale, meant for the namespace ROSTER_IMPORT_NS. */
export const rosterImportMessages = { 'zh-CN': zhCN, en } as const;

/** The namespace of the roster import's problem messages. */
export const ROSTER_IMPORT_NS = 'rosterImportProblems';
registerMessages(ROSTER_IMPORT_NS, rosterImportMessages);

/** The namespaced i18next key of a problem's message. */
export function problemKey(code: ProblemCode | 'row'): string {
  return `${ROSTER_IMPORT_NS}:${code}`;
}

/** The interpolation values of a problem: everything except its code. */
export function problemParams(problem: Problem): Record<string, string | number> {
  const { code: _code, ...params } = problem;
  return params;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** React escapes text it renders; letting i18next escape too would show "&lt;" to the user. */
const interpolation = { escapeValue: false };

/** One problem as a sentence; with a row number it reads 第12行：…, as secretaries count rows. */
export function describeProblem(t: Translate, problem: Problem, row?: number): string {
  const message = t(problemKey(problem.code), { ...problemParams(problem), interpolation });
  return row === undefined ? message : t(problemKey('row'), { row, message, interpolation });
}
