import { describe, expect, it } from 'vitest';
import { buildDemoData } from './demoCommunity';
import { DEMO_ESCALATED_TITLE } from './demoEscalation';
import { LADDER_STEPS, escalationSchema } from '../escalation/ladder';
import { summonedBoardRows } from '../followup/board';
import { STORE_TABLES } from '../store/schema';

const NOW = new Date('2026-12-03T02:00:00Z');

describe('the demo escalation', () => {
  const data = buildDemoData(NOW);
  const matter = data.matters.find((m) => m.title === DEMO_ESCALATED_TITLE)!;

  it('walks one 上报件 through every step to 吹哨报到, one step skipped with its reason', () => {
    expect(data.escalations).toHaveLength(1);
    const [escalation] = data.escalations;
    expect(escalation!.matterId).toBe(matter.id);
    expect(escalationSchema.parse(escalation).steps.map((s) => s.step)).toEqual([...LADDER_STEPS]);
    const skipped = escalation!.steps.filter((s) => s.mode === 'skipped');
    expect(skipped.map((s) => s.step)).toEqual(['resultPublic']);
    expect(skipped[0]!.reason).toBeTruthy();
    expect(escalation!.steps[0]!.date >= matter.raisedAt).toBe(true);
  });

  it('summons two departments whose tasks show on the 督办 board, one of them overdue', () => {
    for (const t of data.summonedTasks) expect(STORE_TABLES.summonedTasks.row.parse(t)).toEqual(t);
    const rows = summonedBoardRows(
      data.summonedTasks.map((task) => ({ task, matterTitle: matter.title })),
      new Map(),
      '2026-12-03',
    );
    expect(rows.map((r) => [r.decision.responsible.name, r.decision.status, r.timing])).toEqual([
      ['区水务局', 'inProgress', 'onTrack'],
      ['区住房和城乡建设局', 'notStarted', 'overdue'],
    ]);
  });

  it('records each step on the matter timeline, after the matter was escalated', () => {
    const timeline = data.matterEvents.filter((e) => e.matterId === matter.id);
    const escalated = timeline.find((e) => e.kind === 'escalated')!;
    const ladder = timeline.filter((e) => e.kind === 'ladder' || e.kind === 'summons');
    expect(ladder.filter((e) => e.kind === 'ladder')).toHaveLength(LADDER_STEPS.length);
    expect(ladder.every((e) => e.at > escalated.at && e.at <= NOW.toISOString())).toBe(true);
  });
});
