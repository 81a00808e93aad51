/**
 * Everything that can go wrong when importing a roster, as codes with parameters.
 * Codes, not sentences: the renderer turns them into zh-CN or English messages, and tests
 * can assert on them without depending on wording.
 */

/** Problems with one data row; any of them keeps that person out of the import. */
export type RowProblem =
  | { code: 'nameMissing' }
  | { code: 'nameTooLong'; max: number }
  | { code: 'nameInvalidChars'; value: string }
  | { code: 'phoneInvalid'; value: string }
  | { code: 'genderInvalid'; value: string }
  | { code: 'unknownRole'; value: string }
  | { code: 'unknownOrgUnit'; value: string }
  | { code: 'ambiguousOrgUnit'; value: string; count: number }
  | { code: 'flagInvalid'; column: string; value: string }
  | { code: 'unitTooLong'; max: number }
  | { code: 'cellTooLong'; column: string; max: number }
  | { code: 'unsafeText'; column: string }
  | { code: 'duplicateInFile'; firstRow: number }
  | { code: 'duplicateInRoster' };

/** Problems with the table as a whole, found after it was read into rows. */
export type TableProblem =
  | { code: 'emptyFile' }
  | { code: 'nameHeaderMissing' }
  | { code: 'noDataRows' }
  | { code: 'tooManyRows'; max: number; count: number };

/** Problems reading the file's bytes into a table (renderer/features/roster/import/spreadsheet.ts). */
export type FileReadProblem =
  | { code: 'fileTooLarge'; maxMb: number }
  | { code: 'unsupportedFileType'; ext: string }
  | { code: 'legacyXls' }
  | { code: 'protectedOrLegacy' }
  | { code: 'notXlsx' }
  | { code: 'zipTooLarge'; maxMb: number }
  | { code: 'xlsxUnreadable' }
  | { code: 'noWorksheet' }
  | { code: 'notText' };

export type Problem = RowProblem | TableProblem | FileReadProblem;
export type ProblemCode = Problem['code'];

/** Row problems that only mark a row as already known, not as wrong. */
export const DUPLICATE_CODES: ReadonlySet<ProblemCode> = new Set(['duplicateInFile', 'duplicateInRoster']);

/** Every code, so message tables and tests can be checked for completeness. */
export const PROBLEM_CODES = [
  'nameMissing',
  'nameTooLong',
  'nameInvalidChars',
  'phoneInvalid',
  'genderInvalid',
  'unknownRole',
  'unknownOrgUnit',
  'ambiguousOrgUnit',
  'flagInvalid',
  'unitTooLong',
  'cellTooLong',
  'unsafeText',
  'duplicateInFile',
  'duplicateInRoster',
  'emptyFile',
  'nameHeaderMissing',
  'noDataRows',
  'tooManyRows',
  'fileTooLarge',
  'unsupportedFileType',
  'legacyXls',
  'protectedOrLegacy',
  'notXlsx',
  'zipTooLarge',
  'xlsxUnreadable',
  'noWorksheet',
  'notText',
] as const satisfies readonly ProblemCode[];

// Fails to compile when a code is added to a union but not to PROBLEM_CODES.
type MissingCodes = Exclude<ProblemCode, (typeof PROBLEM_CODES)[number]>;
const _allCodesListed: [MissingCodes] extends [never] ? true : MissingCodes = true;
void _allCodesListed;
