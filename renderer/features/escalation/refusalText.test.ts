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
import { SUMMONS_PROBLEMS_ZH, type SummonsProblem } from '../../../shared/escalation/summons';
import { refusalText } from './refusalText';
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
});
