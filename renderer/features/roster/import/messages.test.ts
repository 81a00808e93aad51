import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type Problem, type ProblemCode } from '../../../../shared/roster/problems';
import {
  describeProblem,
  problemKey,
  problemParams,
  rosterImportMessages,
  ROSTER_IMPORT_NS,
  type Translate,
} from './messages';

/** One example per code; the Record type makes the compiler insist on all of them. */
const examples: { [C in ProblemCode]: Extract<Problem, { code: C }> } = {
  nameMissing: { code: 'nameMissing' },
  nameTooLong: { code: 'nameTooLong', max: 30 },
  nameInvalidChars: { code: 'nameInvalidChars', value: '张{三}' },
  phoneInvalid: { code: 'phoneInvalid', value: '123' },
  genderInvalid: { code: 'genderInvalid', value: '未知' },
  unknownRole: { code: 'unknownRole', value: '队长' },
  unknownOrgUnit: { code: 'unknownOrgUnit', value: '幸福小区' },
  ambiguousOrgUnit: { code: 'ambiguousOrgUnit', value: '第一网格', count: 3 },
  flagInvalid: { code: 'flagInvalid', column: '党员', value: '可能' },
  unitTooLong: { code: 'unitTooLong', max: 60 },
  cellTooLong: { code: 'cellTooLong', column: '单位', max: 200 },
  unsafeText: { code: 'unsafeText', column: '备注' },
  duplicateInFile: { code: 'duplicateInFile', firstRow: 3 },
  duplicateInRoster: { code: 'duplicateInRoster' },
  emptyFile: { code: 'emptyFile' },
  nameHeaderMissing: { code: 'nameHeaderMissing' },
  noDataRows: { code: 'noDataRows' },
  tooManyRows: { code: 'tooManyRows', max: 10_000, count: 12_000 },
  fileTooLarge: { code: 'fileTooLarge', maxMb: 20 },
  unsupportedFileType: { code: 'unsupportedFileType', ext: '.docx' },
  legacyXls: { code: 'legacyXls' },
  protectedOrLegacy: { code: 'protectedOrLegacy' },
  notXlsx: { code: 'notXlsx' },
  zipTooLarge: { code: 'zipTooLarge', maxMb: 50 },
  xlsxUnreadable: { code: 'xlsxUnreadable' },
  noWorksheet: { code: 'noWorksheet' },
  notText: { code: 'notText' },
};

const i18n = i18next.createInstance();
let t: Translate;

beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    fallbackLng: false,
    resources: {
      'zh-CN': { [ROSTER_IMPORT_NS]: rosterImportMessages['zh-CN'] },
      en: { [ROSTER_IMPORT_NS]: rosterImportMessages.en },
    },
  });
  t = i18n.t;
});

describe('roster import messages', () => {
  it('has a message for every problem code in both languages, with flat keys', () => {
    for (const messages of Object.values(rosterImportMessages)) {
      expect(Object.keys(messages).sort()).toEqual([...PROBLEM_CODES, 'row'].sort());
      for (const key of Object.keys(messages)) expect(key).not.toMatch(/[.:]/);
    }
  });

  it('reads like the brief asks, row first', () => {
    expect(describeProblem(t, { code: 'phoneInvalid', value: '123' }, 12)).toBe(
      '第12行：电话号码“123”格式不正确（手机号应为11位，座机请带区号）',
    );
  });

  it.each(['zh-CN', 'en'])('fills every placeholder in %s', async (lng) => {
    await i18n.changeLanguage(lng);
    for (const problem of Object.values(examples)) {
      const text = describeProblem(t, problem, 7);
      expect(text, problem.code).not.toMatch(/\{\{|\}\}|rosterImportProblems/);
      for (const value of Object.values(problemParams(problem))) expect(text, problem.code).toContain(String(value));
    }
    await i18n.changeLanguage('zh-CN');
  });

  it('shows user text literally (React escapes it when rendering)', () => {
    expect(describeProblem(t, { code: 'unknownRole', value: '<b>&' })).toBe(
      '角色“<b>&”看不懂，可填写：党组织书记、两委成员、业委会代表、物业公司代表、居民代表、共建单位代表、利益相关方',
    );
  });

  it('namespaces keys', () => {
    expect(problemKey('nameMissing')).toBe('rosterImportProblems:nameMissing');
  });
});
