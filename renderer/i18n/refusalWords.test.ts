import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { placeholdersOf, type CodedRefusal } from '../../shared/codedRefusal';
import { ESCALATION_REFUSALS_ZH, escalationRefusal, type EscalationRefusal } from '../../shared/escalation/refusals';
import { POINTS_REFUSALS_ZH, pointsRefusal, redeemRefusal, type PointsRefusal } from '../../shared/matters/points';
import { applyEvaluation } from '../../shared/publicity/evaluation';
import {
  PUBLICITY_PHRASES_ZH,
  PUBLICITY_REFUSALS_ZH,
  publicityRefusal,
  type PublicityPhrase,
  type PublicityRefusal,
} from '../../shared/publicity/refusals';
import {
  MATTER_REFUSAL_PHRASES_ZH,
  MATTER_REFUSALS_ZH,
  matterRefusal,
  type MatterRefusalCode,
  type MatterRefusalPhrase,
} from '../../shared/matters/refusals';
import { MatterRefused } from '../data/repos/matterRefused';
import '../features/escalation/messages';
import '../features/followup/messages';
import '../features/matters/mattersxMessages';
import { errorText } from './errorText';
import { allResources } from './index';
import { refusalWords } from './refusalWords';

async function translator(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    resources: allResources(),
    lng,
    fallbackLng: 'zh-CN',
    fallbackNS: 'translation',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Every refusal each table can make, its placeholders filled with numbers and its phrases with each phrase. */
function everyRefusal(): CodedRefusal[] {
  const values = (zh: string, phraseKeys: readonly string[]) =>
    Object.fromEntries(
      placeholdersOf(zh)
        .filter((k) => !phraseKeys.includes(k))
        .map((k) => [k, 7]),
    );
  const phrases = Object.keys(PUBLICITY_PHRASES_ZH) as PublicityPhrase[];
  return [
    ...(Object.keys(PUBLICITY_REFUSALS_ZH) as PublicityRefusal[]).flatMap((code) => {
      const zh = PUBLICITY_REFUSALS_ZH[code];
      if (!zh.includes('{what}')) return [publicityRefusal(code, values(zh, []))];
      return phrases.map((what, i) =>
        publicityRefusal(code, values(zh, ['what', 'before']), { what, before: phrases[(i + 1) % phrases.length]! }),
      );
    }),
    ...(Object.keys(POINTS_REFUSALS_ZH) as PointsRefusal[]).map((code) =>
      pointsRefusal(code, values(POINTS_REFUSALS_ZH[code], ['award']), { award: 'goodMethod' }),
    ),
    ...(Object.keys(ESCALATION_REFUSALS_ZH) as EscalationRefusal[]).map((code) =>
      escalationRefusal(code, values(ESCALATION_REFUSALS_ZH[code], [])),
    ),
    ...(Object.keys(MATTER_REFUSALS_ZH) as MatterRefusalCode[]).flatMap((code) =>
      (Object.keys(MATTER_REFUSAL_PHRASES_ZH) as MatterRefusalPhrase[]).map((phrase) =>
        matterRefusal(code, values(MATTER_REFUSALS_ZH[code], ['outcome', 'list']), { outcome: phrase, list: phrase }),
      ),
    ),
  ];
}

describe('refusalWords', () => {
  it('words every refusal in Chinese exactly as the rule wrote its message', async () => {
    const t = await translator('zh-CN');
    for (const r of everyRefusal()) expect(refusalWords(t, r), `${r.table}.${r.code}`).toBe(r.message);
  });

  it('words every refusal in English, with no Chinese left in it, its values and phrases filled in', async () => {
    const t = await translator('en');
    for (const r of everyRefusal()) {
      const text = refusalWords(t, r);
      expect(text, `${r.table}.${r.code}`).not.toMatch(CJK);
      expect(text, `${r.table}.${r.code}`).not.toMatch(/{{|}}/);
    }
  });

  it('reads naturally in English where the sentence is built from phrases', async () => {
    const t = await translator('en');
    const e = { id: 'e', decisionId: 'd', meetingId: 'm', rounds: [], rectifications: [], reports: [], updatedAt: '' };
    const notice = {
      id: 'n',
      kind: 'result' as const,
      meetingId: 'm',
      decisionId: 'd',
      places: ['board' as const],
      startDate: '2026-07-01' as const,
      days: 7,
      endDate: '2026-07-07' as const,
      postedBy: '李',
      recordedAt: '2026-07-01T00:00:00Z',
      objections: [],
    };
    const ctx = { decisionDone: true, resultNotice: notice, today: '2026-07-05' as const, now: new Date() };
    const rate = (on: string, by: string) =>
      applyEvaluation(
        e,
        { kind: 'rate', input: { on, by, counts: { satisfied: 1, basic: 0, unsatisfied: 0 }, thresholdPercent: 80 } },
        ctx,
      );
    const early = rate('2026-06-30', '李书记');
    if (early.ok) throw new Error('a rating before the notice was accepted');
    expect(early.message).toBe('评议日期不能早于结果公示开始日期（2026-07-01）');
    expect(refusalWords(t, early.refusal)).toBe(
      'Check the evaluation date: it cannot be before the first day of the result notice (2026-07-01)',
    );
    const nobody = rate('2026-07-02', ' ');
    if (nobody.ok) throw new Error('a rating without its organiser was accepted');
    expect(refusalWords(t, nobody.refusal)).toBe('Enter who organised the evaluation');
  });

  it('words the matters register in English: a stage, a dispute outcome, a value', async () => {
    const t = await translator('en');
    expect(refusalWords(t, matterRefusal('stageClosed'))).toBe('The matter is concluded and can no longer be changed');
    const ended = matterRefusal('disputeEnded', {}, { outcome: 'litigation' });
    expect(ended.message).toBe('这起纠纷已经转诉讼，不能再添加调解记录');
    expect(refusalWords(t, ended)).toBe(
      'This dispute is already taken to court; no more mediation sessions can be added',
    );
    expect(errorText(t, new MatterRefused(matterRefusal('notMediator', { name: '王秀英' })))).toBe(
      "王秀英 is not marked as a people's mediator in the roster; mark them there first",
    );
  });

  it('words a refusal thrown by a repository through errorText', async () => {
    const refusal = redeemRefusal([], 3, '理发')!;
    const error = new MatterRefused(refusal);
    expect(error.message).toBe('积分不足：现有0分，不能兑换3分');
    expect(errorText(await translator('en'), error)).toBe('Not enough points: 0 left, 3 cannot be used');
    expect(errorText(await translator('zh-CN'), error)).toBe(error.message);
  });
});
