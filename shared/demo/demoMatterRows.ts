import { dayOf, instantOf, type CalendarDate } from '../dates';
import type { MeetingRecord } from '../meeting/record';
import type { Matter, MatterEvent, Raiser } from '../domain/matter';
import type { Person } from '../domain/person';
import type { MatterSpec } from './demoMatters';

/**
 * The demo's matters as stored rows with their timelines: registered, triaged, handled, escalated,
 * merged and closed, each step by a real person of the demo roster at a plausible moment.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoMatterInput {
  now: Date;
  specs: readonly MatterSpec[];
  people: readonly Person[];
  orgId(slug: string): string;
  matterId(index: number): string;
}

function raiserOf(spec: MatterSpec, people: readonly Person[]): Raiser {
  if (!spec.raisedBy) return { kind: 'anonymous' };
  const person = people.find((p) => p.name === spec.raisedBy);
  if (person) return { kind: 'resident', personId: person.id, name: person.name };
  return { kind: 'oneOff', name: spec.raisedBy, ...(spec.phone && { phone: spec.phone }) };
}

/** Who registers matters of a unit: its grid worker, else the compound's secretary, else the community office. */
function clerkOf(orgUnitId: string, people: readonly Person[]): string {
  const compoundId = orgUnitId.replace(/-g\d+$/, '');
  const inArea = (p: Person) => p.orgUnitId === orgUnitId || p.orgUnitId?.startsWith(`${compoundId}-g`);
  return (
    people.find((p) => p.isGridWorker && inArea(p))?.name ??
    people.find((p) => p.orgUnitId === compoundId && p.roles.includes('secretary'))?.name ??
    '社区工作人员'
  );
}

export function buildDemoMatters(input: DemoMatterInput): { matters: Matter[]; events: MatterEvent[] } {
  const { now, specs, people } = input;
  const matters: Matter[] = [];
  const events: MatterEvent[] = [];
  const at = (ms: number) => new Date(Math.min(ms, now.getTime())).toISOString();
  specs.forEach((spec, i) => {
    const id = input.matterId(i);
    const orgUnitId = input.orgId(spec.org);
    const created = now.getTime() - spec.daysAgo * DAY;
    const createdAt = at(created);
    const clerk = clerkOf(orgUnitId, people);
    const event = (kind: MatterEvent['kind'], when: number, extra: Partial<MatterEvent> = {}) =>
      events.push({
        id: `${id}-ev${events.filter((e) => e.matterId === id).length + 1}`,
        matterId: id,
        at: at(when),
        by: clerk,
        kind,
        ...extra,
      });
    const matter: Matter = {
      id,
      orgUnitId,
      raisedBy: raiserOf(spec, people),
      alsoRaisedBy: [],
      channel: spec.channel,
      raisedAt: dayOf(createdAt) as CalendarDate,
      category: spec.category,
      title: spec.title,
      description: spec.description,
      urgency: spec.urgency ?? 'normal',
      path: spec.path,
      createdAt,
      updatedAt: createdAt,
    };
    event('registered', created);
    if (spec.path !== 'untriaged') event('triaged', created + HOUR, { note: spec.path });
    if (spec.handling) {
      matter.handling = { ...spec.handling, at: at(created + 5 * HOUR) };
      event('handled', created + 5 * HOUR, {
        by: spec.handling.by,
        note: `${spec.handling.action}；${spec.handling.result}`,
      });
    }
    if (spec.escalationReason) {
      matter.escalationReason = spec.escalationReason;
      event('escalated', created + DAY, { note: spec.escalationReason });
    }
    if (spec.closed) {
      // A matter a meeting took up closes after its decisions were carried out; others within days.
      const when = spec.key ? now.getTime() - 7 * DAY : created + 2 * DAY;
      matter.closedAt = at(when);
      matter.closingNote = spec.closed;
      event('closed', when, { note: spec.closed });
    }
    matter.updatedAt = events.filter((e) => e.matterId === id).at(-1)!.at;
    matters.push(matter);
  });
  specs.forEach((spec, i) => {
    if (!spec.mergeInto) return;
    const absorbed = matters[i]!;
    const kept = matters.find((m) => m.title === spec.mergeInto);
    if (!kept) throw new Error(`demo: no matter titled ${spec.mergeInto}`);
    const when = instantOf(absorbed.createdAt) + 2 * HOUR;
    absorbed.mergedInto = kept.id;
    kept.alsoRaisedBy.push(absorbed.raisedBy);
    const by = clerkOf(kept.orgUnitId, people);
    events.push(
      { id: `${absorbed.id}-merged`, matterId: absorbed.id, at: at(when), by, kind: 'merged', otherMatterId: kept.id },
      {
        id: `${kept.id}-absorbed-${absorbed.id}`,
        matterId: kept.id,
        at: at(when),
        by,
        kind: 'absorbed',
        otherMatterId: absorbed.id,
      },
    );
  });
  return { matters, events };
}

/** The 列入议程 steps of the demo's meetings: one for each agenda item that took up a matter. */
export function demoAgendaEvents(records: readonly MeetingRecord[]): MatterEvent[] {
  return records.flatMap((r) =>
    r.agendaItems.flatMap((item): MatterEvent[] =>
      item.matterId
        ? [
            {
              id: `${item.matterId}-agenda-${item.id}`,
              matterId: item.matterId,
              // Put on the agenda when the meeting was prepared, three days before it.
              at: new Date(instantOf(r.meeting.startAt) - 3 * DAY).toISOString(),
              by: r.meeting.recorder?.name ?? r.meeting.chair?.name ?? '',
              kind: 'onAgenda',
              note: r.meeting.title,
              meetingId: r.meeting.id,
              agendaItemId: item.id,
            },
          ]
        : [],
    ),
  );
}
