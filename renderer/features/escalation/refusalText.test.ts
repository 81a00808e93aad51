import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { allResources } from '../../i18n';
import { EscalationRefused } from '../../data/repos/escalationRepo';
import {
  LADDER_PROBLEMS_ZH,
  ladderProblemText,
  type LadderIssue,
  type LadderProblem,
} from '../../../shared/escalation/ladder';
import { cleanDepartmentList, SUMMONS_PROBLEMS_ZH, type SummonsProblem } from '../../../shared/escalation/summons';
import { refusalText } from './refusalText';
import { refusalWords } from '../../i18n/refusalWords';
import {
  ESCALATION_REFUSALS_ZH,
  escalationRefusalZh,
  type EscalationRefusal,
} from '../../../shared/escalation/refusals';
import './messages';

async function translator(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    resources: allResources(),
    lng,
    fallbackLng: 'zh-CN',
    fallbackNS: 'translation',
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(lng, 'escalation');
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const issues: LadderIssue[] = (Object.keys(LADDER_PROBLEMS_ZH) as LadderProblem[]).map((problem) => ({
  problem,
  step: 'consultation',
  date: '2026-11-05',
}));
const codes = Object.keys(SUMMONS_PROBLEMS_ZH) as SummonsProblem[];

describe('escalation refusals', () => {
  it('in Chinese read exactly as the rule words them', async () => {
    const t = await translator('zh-CN');
    for (const issue of issues)
      expect(refusalText(t, new EscalationRefused('x', [issue]))).toBe(ladderProblemText(issue));
    for (const code of codes)
      expect(refusalText(t, new EscalationRefused('x', [code]))).toBe(SUMMONS_PROBLEMS_ZH[code]);
  });

  it('in English carry no Chinese, with the step and date filled in', async () => {
    const t = await translator('en');
    for (const issue of issues) expect(refusalText(t, new EscalationRefused('x', [issue]))).not.toMatch(CJK);
    for (const code of codes) expect(refusalText(t, new EscalationRefused('x', [code]))).not.toMatch(CJK);
    expect(refusalText(t, new EscalationRefused('x', [{ problem: 'dateBeforePrevious', date: '2026-11-05' }]))).toBe(
      'The date cannot be before the previous step (2026-11-05)',
    );
    expect(refusalText(t, new EscalationRefused('x', [{ problem: 'earlierStepOpen', step: 'review' }]))).toBe(
      'First record "Meeting review", or skip it with a reason',
    );
  });

  it('a refusal without codes shows its own message', async () => {
    const t = await translator('en');
    expect(refusalText(t, new EscalationRefused('事项不存在，可能已被删除'))).toBe('事项不存在，可能已被删除');
  });

  it('refusals outside the step rules (matter gone or closed, task gone, damaged row) follow the locale too', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    for (const reason of Object.keys(ESCALATION_REFUSALS_ZH) as EscalationRefusal[]) {
      const error = EscalationRefused.because(reason);
      if (!ESCALATION_REFUSALS_ZH[reason].includes('{'))
        expect(refusalText(zh, error), reason).toBe(escalationRefusalZh(reason));
      expect(refusalText(en, error), reason).not.toMatch(CJK);
    }
    // The edited department list (设置): refused with the name and the limit in either locale.
    const long = cleanDepartmentList(['区'.repeat(41)]);
    if (long.ok) throw new Error('a 41-character name was kept');
    expect(refusalWords(zh, long.refusal)).toBe(long.message);
    expect(refusalWords(en, long.refusal)).toBe(
      `The department name "${'区'.repeat(41)}" is too long: at most 40 characters`,
    );
    expect(refusalText(en, EscalationRefused.because('matterClosed'))).toBe(
      'The matter is closed and can no longer be changed',
    );
  });
});
