import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MEETING_FILE_FORMAT,
  MEETING_FILE_FORMAT_VERSION,
  meetingFileJsonSchema,
  meetingFileText,
  readMeetingFile,
  toMeetingFile,
  type MeetingFileReading,
} from './file';
import { canonicalJson, fingerprintRecord, recordForSealing } from './fingerprint';
import { orderRecord } from './record';
import { EMPTY_FOLLOWUP } from './fileFollowup';
import { sampleRedBenchRecord, sampleSignedRedBenchRecord } from '../fixtures/testRecord';

const NOW = new Date('2026-07-21T01:00:00Z');
const NO_EXTRAS = { formatVersion: MEETING_FILE_FORMAT_VERSION, signatures: [], followup: EMPTY_FOLLOWUP };

async function signedText(): Promise<string> {
  return meetingFileText(await sampleSignedRedBenchRecord(), '0.1.0', NOW);
}

function problemOf(reading: MeetingFileReading) {
  return reading.ok ? null : reading.problem;
}

describe('writing', () => {
  it('wraps the ordered record with format, version, app version and time', async () => {
    const record = sampleRedBenchRecord();
    const file = toMeetingFile({ ...record, agendaItems: [...record.agendaItems].reverse() }, '0.1.0', NOW);
    expect(file).toMatchObject({
      format: 'yishi-meeting',
      formatVersion: 3,
      appVersion: '0.1.0',
      exportedAt: '2026-07-21T01:00:00.000Z',
    });
    expect(file.record).toEqual(orderRecord(record));
  });
});

describe('readMeetingFile', () => {
  it('reads a version 1 file (before 督办) with its decisions’ old statuses mapped, the seal intact', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const file = JSON.parse(meetingFileText(signed, '0.1.0', NOW)) as {
      formatVersion: number;
      record: { decisions: { status: string }[] };
    };
    file.formatVersion = 1;
    file.record.decisions[0]!.status = 'rated';
    file.record.decisions[1]!.status = 'open';
    const reading = await readMeetingFile(JSON.stringify(file));
    if (!reading.ok) throw new Error(JSON.stringify(reading.problem));
    expect(reading.verification).toBe('consistent');
    expect(reading.record.decisions.map((d) => d.status)).toEqual(['done', 'notStarted']);
    // A version 2 file with an old status is refused: only version 1 files had them.
    file.formatVersion = 2;
    expect(await readMeetingFile(JSON.stringify(file))).toMatchObject({ ok: false, problem: { code: 'invalid' } });
  });
  it('reads back a signed file as consistent, the same record', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const reading = await readMeetingFile(meetingFileText(signed, '0.1.0', NOW));
    expect(reading).toEqual({ ok: true, record: orderRecord(signed), verification: 'consistent', ...NO_EXTRAS });
  });
  it('reads an unsigned file, and one saved with a byte-order mark', async () => {
    const text = meetingFileText(sampleRedBenchRecord(), '0.1.0', NOW);
    expect(await readMeetingFile(text)).toMatchObject({ ok: true, verification: 'unsigned' });
    expect(await readMeetingFile(`\uFEFF${text}`)).toMatchObject({ ok: true, verification: 'unsigned' });
  });
  it('refuses a tampered signed file, naming both fingerprints', async () => {
    const text = await signedText();
    const tampered = text.replace('2026-09-15', '2026-12-31');
    expect(tampered).not.toBe(text);
    const file = JSON.parse(tampered);
    expect(problemOf(await readMeetingFile(tampered))).toEqual({
      code: 'tampered',
      stored: file.record.meeting.fingerprint,
      computed: await fingerprintRecord(file.record),
    });
  });
  it('says what else is wrong, as codes', async () => {
    const file = JSON.parse(await signedText());
    const variant = (change: (f: typeof file) => void) => {
      const copy = structuredClone(file);
      change(copy);
      return JSON.stringify(copy);
    };
    expect(problemOf(await readMeetingFile('{"format": "yishi-meeting",'))).toEqual({ code: 'notJson' });
    expect(problemOf(await readMeetingFile('[1, 2]'))).toEqual({ code: 'notAMeetingFile' });
    expect(problemOf(await readMeetingFile(variant((f) => (f.format = 'yishi-backup'))))).toEqual({
      code: 'notAMeetingFile',
    });
    expect(problemOf(await readMeetingFile(variant((f) => (f.formatVersion = 4))))).toEqual({
      code: 'newerFormat',
      formatVersion: 4,
    });
    expect(problemOf(await readMeetingFile(variant((f) => (f.record.agendaItems[1].title = ''))))).toEqual({
      code: 'invalid',
      path: ['record', 'agendaItems', 1, 'title'],
      message: '第2个议题的标题不能为空',
    });
    expect(problemOf(await readMeetingFile(variant((f) => delete f.appVersion)))).toMatchObject({
      code: 'invalid',
      path: ['appVersion'],
    });
  });
  it('refuses a file over 50 MB before parsing it', async () => {
    expect(problemOf(await readMeetingFile(' '.repeat(50 * 1024 * 1024 + 1)))).toEqual({ code: 'tooLarge', maxMb: 50 });
    // 20 million Chinese characters are 60 MB of UTF-8.
    expect(problemOf(await readMeetingFile('议'.repeat(20_000_000)))).toEqual({ code: 'tooLarge', maxMb: 50 });
  });
});

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A file's JSON changed by `change`, as text. */
async function changedFile(signed: boolean, change: (file: Loose) => void): Promise<string> {
  const record = signed ? await sampleSignedRedBenchRecord() : sampleRedBenchRecord();
  const file = JSON.parse(meetingFileText(record, '0.1.0', NOW)) as Loose;
  change(file);
  return JSON.stringify(file);
}

describe('what is read is what was validated', () => {
  it('refuses a signed record that validation would change, saying where', async () => {
    const cases: Array<[(f: Loose) => void, Array<string | number>, string]> = [
      [(f) => (f.record.meeting.note = '附注'), ['record', 'meeting'], '会议含有多余的内容（“note”）'],
      [(f) => (f.record.decisions[1].extra = 1), ['record', 'decisions', 1], '第2项决定含有多余的内容（“extra”）'],
      [
        (f) => (f.record.decisions[0].standard = ` ${f.record.decisions[0].standard} `),
        ['record', 'decisions', 0, 'standard'],
        '第1项决定的完成标准前后有多余的空格',
      ],
    ];
    for (const [change, path, message] of cases) {
      const problem = problemOf(await readMeetingFile(await changedFile(true, change)));
      expect(problem).toEqual({ code: 'notCanonical', path, message });
    }
    // An own "__proto__" key, as JSON.parse makes it: refused too, not hashed as something else.
    const text = (await signedText()).replace('"meeting": {', '"meeting": {\n      "__proto__": {"status": "draft"},');
    expect(problemOf(await readMeetingFile(text))).toMatchObject({ code: 'notCanonical', path: ['record', 'meeting'] });
  });

  it('reads an unsigned record as validated: trimmed, unknown keys left out', async () => {
    const text = await changedFile(false, (f) => {
      f.record.meeting.title = `  ${f.record.meeting.title}  `;
      f.record.decisions[0].extra = { nested: true };
      f.record.extra = 1;
    });
    const reading = await readMeetingFile(text);
    expect(reading).toEqual({
      ok: true,
      record: orderRecord(sampleRedBenchRecord()),
      verification: 'unsigned',
      ...NO_EXTRAS,
    });
  });

  it('refuses rows of another meeting, repeated ids and items not on the agenda, in Chinese', async () => {
    const cases: Array<[(f: Loose) => void, Array<string | number>, string]> = [
      [
        (f) => (f.record.decisions[1].meetingId = 'another-meeting'),
        ['record', 'decisions', 1, 'meetingId'],
        '第2项决定的所属会议不是本会议（属于另一个会议）',
      ],
      [
        (f) => (f.record.attendance[3].id = f.record.attendance[0].id),
        ['record', 'attendance', 3, 'id'],
        '第4位参会人员的编号与第1位参会人员重复',
      ],
      [
        (f) => (f.record.minutes[0].agendaItemId = 'item-of-another-meeting'),
        ['record', 'minutes', 0, 'agendaItemId'],
        '第1段纪要的所属议题不是本会议议程中的议题',
      ],
      [(f) => (f.record.votes[0].agree = '3'), ['record', 'votes', 0, 'agree'], '第1次表决的同意票数应为数字'],
    ];
    for (const signed of [true, false])
      for (const [change, path, message] of cases)
        expect(problemOf(await readMeetingFile(await changedFile(signed, change)))).toEqual({
          code: 'invalid',
          path,
          message,
        });
  });

  it('refuses minutes nested 10,000 levels deep, signed or not, without throwing', async () => {
    const deep = `${'{"content":['.repeat(10_000)}{}${']}'.repeat(10_000)}`;
    for (const signed of [true, false]) {
      const text = (await changedFile(signed, (f) => (f.record.minutes[0].doc = 'DEEP'))).replace('"DEEP"', deep);
      expect(problemOf(await readMeetingFile(text))).toEqual({
        code: 'invalid',
        path: ['record', 'minutes', 0, 'doc'],
        message: '第1段纪要的内容嵌套层数过多（超过256层）',
      });
    }
  });

  it('refuses noncharacters and lone surrogates, saying where; keeps huge finite numbers; refuses Infinity', async () => {
    for (const bad of ['\uFFFE', '\uFFFF', '\uFDD0', '\uD800', '\u{1FFFF}']) {
      const text = await changedFile(false, (f) => (f.record.meeting.place = `${bad}议事厅`));
      expect(problemOf(await readMeetingFile(text)), JSON.stringify(bad)).toEqual({
        code: 'malformed',
        message: '会议地点含有无效的字符（非字符或不成对的代理项）',
      });
    }
    const big = await readMeetingFile(await changedFile(false, (f) => (f.record.minutes[0].doc.big = 1e308)));
    expect(big.ok && big.record.minutes.find((m) => m.doc.big)?.doc.big).toBe(1e308);
    const infinite = (await changedFile(false, (f) => (f.record.minutes[0].doc.big = 'BIG'))).replace('"BIG"', '1e400');
    expect(problemOf(await readMeetingFile(infinite))).toMatchObject({
      code: 'invalid',
      message: '第1段纪要的内容含有无效的数字（过大或不是数）',
    });
  });

  it('still reads the signed fixture as consistent, unchanged', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const reading = await readMeetingFile(meetingFileText(signed, '0.1.0', NOW));
    expect(reading).toEqual({ ok: true, record: orderRecord(signed), verification: 'consistent', ...NO_EXTRAS });
  });
});

describe('damaged files (property)', () => {
  const CODES = [
    'tooLarge',
    'notJson',
    'notAMeetingFile',
    'newerFormat',
    'invalid',
    'notCanonical',
    'tampered',
    'malformed',
    'foreignExtras',
    'attachmentDamaged',
  ];

  it('never throw: each is refused with a known code, or read with the signed content intact', async () => {
    const text = await signedText();
    const json = JSON.parse(text);
    const sealedContent = canonicalJson(recordForSealing(json.record));
    const textMutation = fc.oneof(
      fc.nat().map((n) => (t: string) => t.slice(0, n % t.length)),
      fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3 })).map(([n, s]) => (t: string) => {
        const i = n % t.length;
        return t.slice(0, i) + s + t.slice(i + 1);
      }),
      fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([n, len]) => (t: string) => {
        const i = n % t.length;
        return t.slice(0, i) + t.slice(i + len);
      }),
    );
    const jsonMutation = fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([n, value]) => (t: string) => {
      const copy = structuredClone(json);
      const paths: Array<Array<string | number>> = [];
      const walk = (v: unknown, p: Array<string | number>) => {
        paths.push(p);
        if (v && typeof v === 'object')
          for (const [k, c] of Object.entries(v)) walk(c, [...p, Array.isArray(v) ? Number(k) : k]);
      };
      walk(copy, []);
      const path = paths[n % paths.length]!;
      if (path.length === 0) return JSON.stringify(value) ?? t;
      let node = copy;
      for (const k of path.slice(0, -1)) node = node[k];
      node[path[path.length - 1]!] = value;
      return JSON.stringify(copy);
    });

    const tally: Record<string, number> = {};
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(textMutation, jsonMutation), async (mutate) => {
        const reading = await readMeetingFile(mutate(text));
        const outcome = reading.ok ? `ok:${reading.verification}` : reading.problem.code;
        if (!reading.ok) expect(CODES).toContain(reading.problem.code);
        // Whatever is accepted carries exactly the signed content (whitespace, envelope or updatedAt may differ).
        else expect(canonicalJson(recordForSealing(reading.record))).toBe(sealedContent);
        tally[outcome] = (tally[outcome] ?? 0) + 1;
        cases += 1;
      }),
      { numRuns: 3000 },
    );
    console.log(`meeting file damage property: ${cases} damaged files, outcomes ${JSON.stringify(tally)}`);
  });
});

describe('meetingFileJsonSchema', () => {
  it('describes the envelope and the record', () => {
    const schema = meetingFileJsonSchema() as {
      type: string;
      properties: Record<string, { const?: string; properties?: Record<string, unknown> }>;
      required: string[];
    };
    expect(schema.type).toBe('object');
    expect(schema.properties.format?.const).toBe(MEETING_FILE_FORMAT);
    expect(schema.required).toEqual([
      'format',
      'formatVersion',
      'appVersion',
      'exportedAt',
      'record',
      'signatures',
      'followup',
    ]);
    expect(Object.keys(schema.properties.record?.properties ?? {})).toEqual([
      'meeting',
      'orgPath',
      'documentOrgName',
      'agendaItems',
      'minutes',
      'attendance',
      'decisions',
      'votes',
      'householdConsultations',
      'amendments',
    ]);
  });
});
