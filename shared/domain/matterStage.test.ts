import { describe, expect, it } from 'vitest';
import type { Decision } from './decision';
import type { AgendaItem, Meeting } from './meeting';
import type { Matter, MatterEvent } from './matter';
import { actionRefusal, allowedActions, matterStage, NO_LINKS, stageNeedsLinks, type MatterLinks } from './matterStage';
import { matterTimeline } from './matterTimeline';

const matter: Matter = {
  id: 'm1',
  orgUnitId: 'o1',
  raisedBy: { kind: 'anonymous' },
  alsoRaisedBy: [],
  channel: '微信说事群',
  raisedAt: '2026-11-01',
  category: '停车',
  title: '停车位不足',
  urgency: 'normal',
  path: 'pending',
  createdAt: '2026-11-01T02:00:00.000Z',
  updatedAt: '2026-11-01T02:00:00.000Z',
};

function meeting(id: string, status: Meeting['status'], startAt: string): Meeting {
  return { id, status, startAt, title: `会议${id}`, recorder: { kind: 'text', name: '刘记录' } } as Meeting;
}
function item(id: string, meetingId: string, state: AgendaItem['state'] = 'pending'): AgendaItem {
  return { id, meetingId, state, matterId: 'm1' } as AgendaItem;
}
function decision(id: string, agendaItemId: string, status: Decision['status'] = 'notStarted'): Decision {
  return {
    id,
    agendaItemId,
    meetingId: 'x',
    status,
    title: '重新施划车位',
    responsible: { kind: 'text', name: '物业公司' },
    standard: '划线清晰',
    supervisor: { kind: 'text', name: '业委会' },
    deadline: '2026-12-31',
    createdAt: '2026-11-10T02:30:00.000Z',
  } as Decision;
}
const on = (m: Meeting, i: AgendaItem) => ({ item: i, meeting: m });

describe('a matter’s stage', () => {
  it('follows the path when no meeting is involved', () => {
    expect(matterStage({ ...matter, path: 'untriaged' }, NO_LINKS)).toBe('untriaged');
    expect(matterStage({ ...matter, path: 'immediate' }, NO_LINKS)).toBe('handling');
    expect(matterStage({ ...matter, path: 'escalate' }, NO_LINKS)).toBe('escalated');
    expect(matterStage(matter, NO_LINKS)).toBe('awaitingMeeting');
    expect(matterStage({ ...matter, closedAt: '2026-11-02T00:00:00Z' }, NO_LINKS)).toBe('closed');
    expect(matterStage({ ...matter, mergedInto: 'm2', closedAt: 'x' }, NO_LINKS)).toBe('merged');
  });

  it('moves on with the meeting, without a write to the matter', () => {
    const draft = meeting('a', 'draft', '2026-11-10T01:00:00.000Z');
    const links: MatterLinks = { items: [on(draft, item('i1', 'a'))], decisions: [] };
    expect(matterStage(matter, links)).toBe('onAgenda');
    const live = {
      ...links,
      items: [on({ ...draft, status: 'live' }, item('i1', 'a'))],
      decisions: [decision('d1', 'i1')],
    };
    expect(matterStage(matter, live)).toBe('decided');
    const over = { ...live, items: [on({ ...draft, status: 'signed' }, item('i1', 'a', 'resolved'))] };
    expect(matterStage(matter, over)).toBe('implementing');
    expect(matterStage(matter, { ...over, decisions: [decision('d1', 'i1', 'done')] })).toBe('implemented');
  });

  it('reads a carried-over item as 转下次会议, and a cancelled meeting as never held', () => {
    const closed = meeting('a', 'closed', '2026-11-10T01:00:00.000Z');
    expect(matterStage(matter, { items: [on(closed, item('i1', 'a', 'carriedOver'))], decisions: [] })).toBe(
      'carriedOver',
    );
    // Ended without an outcome: the next meeting carries it forward.
    expect(matterStage(matter, { items: [on(closed, item('i1', 'a', 'discussed'))], decisions: [] })).toBe(
      'carriedOver',
    );
    const next = meeting('b', 'draft', '2026-12-10T01:00:00.000Z');
    const both = { items: [on(closed, item('i1', 'a', 'carriedOver')), on(next, item('i2', 'b'))], decisions: [] };
    expect(matterStage(matter, both)).toBe('onAgenda');
    const cancelled = meeting('c', 'cancelled', '2026-11-10T01:00:00.000Z');
    expect(matterStage(matter, { items: [on(cancelled, item('i3', 'c'))], decisions: [decision('d', 'i3')] })).toBe(
      'awaitingMeeting',
    );
  });

  it('allows only what the stage allows, and says why not in Chinese', () => {
    expect(allowedActions('handling')).toContain('handle');
    expect(allowedActions('closed')).toEqual([]);
    expect(actionRefusal('onAgenda', 'triage')).toMatchObject({ table: 'matters', code: 'stageOnAgenda' });
    expect(actionRefusal('onAgenda', 'triage')?.message).toContain('请先从议程中移除');
    expect(actionRefusal('merged', 'edit')?.message).toContain('已合并');
    expect(actionRefusal('awaitingMeeting', 'merge')).toBeNull();
  });
});

describe('a matter’s timeline', () => {
  it('puts stored steps and the meeting’s decisions and carry-overs in order', () => {
    const events: MatterEvent[] = [
      { id: 'e1', matterId: 'm1', at: '2026-11-01T02:00:00.000Z', by: '王网格', kind: 'registered' },
      { id: 'e2', matterId: 'm1', at: '2026-11-05T02:00:00.000Z', by: '刘记录', kind: 'onAgenda', meetingId: 'a' },
    ];
    const m = meeting('a', 'closed', '2026-11-10T01:00:00.000Z');
    const steps = matterTimeline(events, {
      items: [on({ ...m, closedAt: '2026-11-10T03:00:00.000Z' }, item('i1', 'a', 'carriedOver'))],
      decisions: [decision('d1', 'i1')],
    });
    expect(steps.map((s) => s.kind)).toEqual(['registered', 'onAgenda', 'decided', 'carriedOver']);
    expect(steps[2]).toMatchObject({ decisionId: 'd1', by: '刘记录' });
    expect(steps[2]!.note).toContain('物业公司');
  });
});

describe('which matters need their links for a stage', () => {
  it('only an open 待办件: any other matter has the same stage whatever its links', () => {
    const links: MatterLinks = {
      items: [{ item: item('a1', 'mt1', 'resolved'), meeting: meeting('mt1', 'signed', '2026-11-10T19:00:00+08:00') }],
      decisions: [decision('d1', 'a1', 'done')],
    };
    const variants: Matter[] = (['untriaged', 'immediate', 'pending', 'escalate'] as const).flatMap((path) => [
      { ...matter, path },
      { ...matter, path, closedAt: '2026-11-20T02:00:00.000Z' },
      { ...matter, path, mergedInto: 'm9' },
    ]);
    for (const m of variants) {
      const differs = matterStage(m, links) !== matterStage(m, NO_LINKS);
      if (!stageNeedsLinks(m)) expect(differs, JSON.stringify(m)).toBe(false);
    }
    expect(variants.filter(stageNeedsLinks)).toEqual([{ ...matter, path: 'pending' }]);
    expect(matterStage({ ...matter, path: 'pending' }, links)).not.toBe(
      matterStage({ ...matter, path: 'pending' }, NO_LINKS),
    );
  });
});
