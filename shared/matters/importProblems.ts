/**
 * Everything that can go wrong importing a matters register, as codes with parameters: the
 * renderer turns them into zh-CN or English sentences; tests assert on codes, not wording.
 */

/** Problems with one data row; any of them (except the duplicate ones) keeps that row out. */
export type MatterRowProblem =
  | { code: 'titleMissing' }
  | { code: 'dateMissing' }
  | { code: 'dateInvalid'; value: string }
  | { code: 'dateInFuture'; value: string }
  | { code: 'orgMissing' }
  | { code: 'unknownOrgUnit'; value: string }
  | { code: 'ambiguousOrgUnit'; value: string; count: number }
  | { code: 'categoryMissing' }
  | { code: 'unknownCategory'; value: string }
  | { code: 'unknownChannel'; value: string }
  | { code: 'urgencyInvalid'; value: string }
  | { code: 'pathInvalid'; value: string }
  | { code: 'phoneInvalid'; value: string }
  | { code: 'cellTooLong'; column: string; max: number }
  | { code: 'unsafeText'; column: string }
  | { code: 'badCharacters'; column: string }
  | { code: 'duplicateInFile'; firstRow: number }
  | { code: 'duplicateStored' };

/** Problems with the table as a whole: nothing can be imported from it. */
export type MatterTableProblem =
  | { code: 'emptyFile' }
  | { code: 'titleHeaderMissing' }
  | { code: 'columnsMissing'; columns: string }
  | { code: 'noDataRows' }
  | { code: 'tooManyRows'; max: number; count: number };

export type MatterImportProblem = MatterRowProblem | MatterTableProblem;
export type MatterImportCode = MatterImportProblem['code'];

/** Row problems that only say the matter is already known, not that the row is wrong. */
export const MATTER_DUPLICATE_CODES: ReadonlySet<MatterImportCode> = new Set(['duplicateInFile', 'duplicateStored']);

/** Every code, so the message tables can be checked for completeness. */
export const MATTER_IMPORT_CODES = [
  'titleMissing',
  'dateMissing',
  'dateInvalid',
  'dateInFuture',
  'orgMissing',
  'unknownOrgUnit',
  'ambiguousOrgUnit',
  'categoryMissing',
  'unknownCategory',
  'unknownChannel',
  'urgencyInvalid',
  'pathInvalid',
  'phoneInvalid',
  'cellTooLong',
  'unsafeText',
  'badCharacters',
  'duplicateInFile',
  'duplicateStored',
  'emptyFile',
  'titleHeaderMissing',
  'columnsMissing',
  'noDataRows',
  'tooManyRows',
] as const satisfies readonly MatterImportCode[];

// Fails to compile when a code is added to a union but not to MATTER_IMPORT_CODES.
type MissingCodes = Exclude<MatterImportCode, (typeof MATTER_IMPORT_CODES)[number]>;
const _allCodesListed: [MissingCodes] extends [never] ? true : MissingCodes = true;
void _allCodesListed;
