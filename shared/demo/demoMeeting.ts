import type { Decision } from '../domain/decision';
import type { AgendaItem, Attendance, AttendanceState, Meeting, MeetingType, Minutes } from '../domain/meeting';
import type { Person } from '../domain/person';
import type { RosterRole } from '../domain/roles';
import type { HouseholdConsultation, Vote } from '../domain/vote';
import { pngDataUrl } from '../documents/png';
import { Rng, minutesOf, personRef } from './builders';
import { drawnSignaturePng } from '../demo/signatureInk';
import { signRecord, transition } from '../meeting/lifecycle';
import type { MeetingRecord } from '../meeting/record';
import { reviewRecord } from '../meeting/review';
import { DEFAULT_PASS_THRESHOLD } from '../meeting/schedule';
import type { DemoClock } from './demoClock';
import type { DemoCompound } from './demoCompounds';

/**
 * One demo meeting, held the way the app holds it: prepared as a draft, opened (live), items
 * recorded, closed, reviewed and finalised (定稿), signed on screen by those present and sealed
 * by signRecord. It stops at the step the clock has reached: a meeting two days old may still
 * be waiting for signatures.
 */

export interface AttendancePlan {
  person: Person;
  category: RosterRole;
  state: Exclude<AttendanceState, 'invited'>;
}

export type DecisionPlan = Pick<Decision, 'title' | 'responsible' | 'standard' | 'deadline' | 'supervisor' | 'status'>;
export type VotePlan = Pick<Vote, 'subject' | 'method' | 'agree' | 'disagree' | 'abstain' | 'presentVoters'>;
export type ConsultationPlan = Pick<HouseholdConsultation, 'subject' | 'asked' | 'agreed' | 'disagreed' | 'notReached'>;

export interface ItemPlan {
  title: string;
  background?: string;
  raisedBy?: string;
  matterId?: string;
  carriedFromItemId?: string;
  concerns: RosterRole[];
  plannedMinutes: number;
  state: 'resolved' | 'carriedOver';
  resolution?: string;
  /** The minutes, paragraph by paragraph, as the recorder typed them. */
  minutes: string[];
  decisions: DecisionPlan[];
  votes: VotePlan[];
  consultations: ConsultationPlan[];
}

export interface MeetingPlan {
  id: string;
  type: MeetingType;
  title: string;
  compound: DemoCompound;
  day: string;
  hour: number;
  minute: number;
  plannedMinutes: number;
  place: string;
  issueNo: number;
  attendance: AttendancePlan[];
  items: ItemPlan[];
  carriedFromMeetingId?: string;
  /** When the secretary prepared it (ISO). */
  createdAt: string;
}

/** Ids of a meeting's rows: the meeting id with a suffix, so every demo row starts with "demo-". */
export const itemId = (meetingId: string, index: number) => `${meetingId}-item-${index + 1}`;
const rowId = (meetingId: string, kind: string, index: number) => `${meetingId}-${kind}-${index + 1}`;

/** Those who vote: present, not 列席. */
export function votersOf(attendance: readonly Pick<AttendancePlan, 'state'>[]): number {
  return attendance.filter((a) => a.state === 'present').length;
}

/** The meeting as prepared: numbered, chaired, nobody signed in yet. */
function draftMeeting(plan: MeetingPlan, clock: DemoClock): Meeting {
  const start = clock.wall(plan.day, plan.hour, plan.minute);
  return {
    id: plan.id,
    type: plan.type,
    title: plan.title,
    orgUnitId: plan.compound.unit.id,
    issueYear: Number(plan.day.slice(0, 4)),
    issueNo: plan.issueNo,
    startAt: start,
    plannedEndAt: clock.wall(plan.day, plan.hour, plan.minute + plan.plannedMinutes),
    place: plan.place,
    chair: personRef(plan.compound.secretary),
    recorder: personRef(plan.compound.recorder),
    status: 'draft',
    passThreshold: DEFAULT_PASS_THRESHOLD,
    ...(plan.carriedFromMeetingId ? { carriedFromMeetingId: plan.carriedFromMeetingId } : {}),
    createdAt: plan.createdAt,
    updatedAt: plan.createdAt,
  };
}

function moved(meeting: Meeting, to: Meeting['status'], at: number): Meeting {
  const result = transition(meeting, to, new Date(at));
  if (!result.ok) throw new Error(`demo: ${meeting.title} cannot go to ${to}: ${result.error.code}`);
  return result.meeting;
}

interface Held {
  items: AgendaItem[];
  minutes: Minutes[];
  decisions: Decision[];
  votes: Vote[];
  consultations: HouseholdConsultation[];
  /** When the last item ended (ms). */
  endMs: number;
}

/** Item by item as the chair moves through them: timing, outcome, minutes, decisions, votes. */
function holdItems(plan: MeetingPlan, startMs: number, rng: Rng): Held {
  const held: Held = { items: [], minutes: [], decisions: [], votes: [], consultations: [], endMs: startMs };
  let at = startMs + rng.int(2, 5) * 60_000;
  plan.items.forEach((p, k) => {
    const id = itemId(plan.id, k);
    const began = at;
    at += Math.max(5, p.plannedMinutes + rng.int(-5, 8)) * 60_000;
    held.items.push({
      id,
      meetingId: plan.id,
      order: k,
      title: p.title,
      ...(p.background ? { background: p.background } : {}),
      ...(p.raisedBy ? { raisedBy: p.raisedBy } : {}),
      plannedMinutes: p.plannedMinutes,
      ...(p.matterId ? { matterId: p.matterId } : {}),
      concerns: [...p.concerns],
      state: p.state,
      ...(p.resolution ? { resolution: p.resolution } : {}),
      startedAt: new Date(began).toISOString(),
      endedAt: new Date(at).toISOString(),
      ...(p.carriedFromItemId ? { carriedFromItemId: p.carriedFromItemId } : {}),
    });
    held.minutes.push(minutesOf(plan.id, id, p.minutes, new Date(at).toISOString()));
    p.decisions.forEach((d, i) =>
      held.decisions.push({
        id: `${id}-decision-${i + 1}`,
        meetingId: plan.id,
        agendaItemId: id,
        ...d,
        createdAt: new Date(began + (i + 1) * 4 * 60_000).toISOString(),
      }),
    );
    p.votes.forEach((v, i) =>
      held.votes.push({ id: `${id}-vote-${i + 1}`, meetingId: plan.id, agendaItemId: id, ...v, threshold: 0.5 }),
    );
    p.consultations.forEach((c, i) =>
      held.consultations.push({ id: `${id}-household-${i + 1}`, meetingId: plan.id, agendaItemId: id, ...c }),
    );
  });
  held.endMs = at;
  return held;
}

function signInSheet(plan: MeetingPlan, startMs: number, rng: Rng): Attendance[] {
  return plan.attendance.map((a, order) => {
    const present = a.state === 'present' || a.state === 'nonVoting';
    return {
      id: rowId(plan.id, 'attendance', order),
      meetingId: plan.id,
      personId: a.person.id,
      name: a.person.name,
      ...(a.person.unit ? { unit: a.person.unit } : {}),
      category: a.category,
      order,
      state: a.state,
      ...(present ? { arrivedAt: new Date(startMs - rng.int(0, 15) * 60_000).toISOString() } : {}),
    };
  });
}

/** A stable number from a string, so each signer's signature looks the same on every load. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h % 1_000_000;
}

const signatureCache = new Map<string, string>();

/** A person's signature (PNG data URL): the same strokes every time they sign, drawn once. */
function signatureOf(signer: string): string {
  let url = signatureCache.get(signer);
  if (url === undefined) {
    url = pngDataUrl(drawnSignaturePng(seedOf(signer), 150, 50));
    signatureCache.set(signer, url);
  }
  return url;
}

/** Signatures on screen, one after another from 定稿 on, up to `untilMs`. */
function signatures(attendance: Attendance[], fromMs: number, untilMs: number, rng: Rng): Attendance[] {
  let at = fromMs;
  return attendance.map((a) => {
    if (a.state !== 'present' && a.state !== 'nonVoting') return a;
    at += rng.int(5, 50) * 60_000;
    if (at > untilMs) return a;
    const imageDataUrl = signatureOf(a.personId ?? a.name);
    return { ...a, signature: { kind: 'screen', imageDataUrl, signedAt: new Date(at).toISOString() } };
  });
}

/** Holds the planned meeting and takes it as far as the clock allows: closed, finalised or signed. */
export async function holdMeeting(plan: MeetingPlan, clock: DemoClock, rng: Rng): Promise<MeetingRecord> {
  const startMs = clock.ms(plan.day, plan.hour, plan.minute);
  let meeting = moved(draftMeeting(plan, clock), 'live', startMs + rng.int(0, 3) * 60_000);
  const held = holdItems(plan, startMs, rng);
  meeting = moved(meeting, 'closed', held.endMs + rng.int(2, 6) * 60_000);
  let record: MeetingRecord = {
    meeting,
    orgPath: plan.compound.orgPath,
    documentOrgName: plan.compound.documentOrgName,
    agendaItems: held.items,
    minutes: held.minutes,
    attendance: signInSheet(plan, startMs, rng),
    decisions: held.decisions,
    votes: held.votes,
    householdConsultations: held.consultations,
    amendments: [],
  };
  const problems = reviewRecord(record);
  if (problems.length > 0) throw new Error(`demo: ${plan.title} ${plan.day} fails review: ${JSON.stringify(problems)}`);

  // Every draw is taken whether or not the clock has reached the step, so the rest of the demo
  // does not change with the time of day it is loaded.
  const nowMs = clock.now.getTime();
  const finalisedMs = clock.ms(plan.day, 24 + 9, rng.int(0, 50));
  const signedMs = clock.ms(plan.day, 48 + 16, rng.int(0, 50));
  const signed = signatures(record.attendance, finalisedMs, Math.min(signedMs, nowMs), rng);
  if (finalisedMs > nowMs) return record;
  // As moveMeeting does at 定稿: the organisation chain and issuing organisation are frozen.
  meeting = {
    ...moved(meeting, 'finalised', finalisedMs),
    orgPathAtFinalise: record.orgPath,
    documentOrgNameAtFinalise: record.documentOrgName,
  };
  record = { ...record, meeting, attendance: signed };
  if (signedMs > nowMs) return record;
  const sealed = await signRecord(record, new Date(signedMs));
  if (!sealed.ok) throw new Error(`demo: ${plan.title} cannot be signed: ${sealed.error.code}`);
  return sealed.record;
}
