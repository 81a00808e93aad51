// Writes the example meeting file and the meeting file's JSON Schema under docs/ (run through
// scripts/write-examples.mjs). A unit test checks that the committed files match what this writes.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { meetingFileJsonSchema, meetingFileText, type MeetingFileExtras } from '../shared/meeting/file';
import { EMPTY_FOLLOWUP } from '../shared/meeting/fileFollowup';
import type { MeetingRecord } from '../shared/meeting/record';
import { signEveryState } from '../shared/signing/recordSigning';
import { exampleSigner } from '../shared/fixtures/exampleKey';
import { SAMPLE_DECISION_WASTE_ID } from '../shared/fixtures/testRecord';
import { signedRedBenchRecord } from '../tests/documents/fixtures';

export const EXAMPLE_FILE = 'docs/examples/帝纱富仕城红板凳议事会-2026年第7期.yishi.json';
export const SCHEMA_FILE = 'docs/meeting-file.schema.json';
/** Fixed so the example does not change with every run. */
export const EXAMPLE_EXPORTED_AT = new Date('2026-07-16T03:00:00Z');

/**
 * The example's signature (by the fixed example key, shared/fixtures/exampleKey.ts) and a little
 * follow-up: a progress note on the first decision and the meeting's 决议公示.
 */
export async function exampleExtras(record: MeetingRecord): Promise<Required<MeetingFileExtras>> {
  const meetingId = record.meeting.id;
  return {
    signatures: await signEveryState(record, await exampleSigner()),
    followup: {
      ...EMPTY_FOLLOWUP,
      progress: [
        {
          id: 'example-progress-1',
          decisionId: SAMPLE_DECISION_WASTE_ID,
          meetingId,
          at: '2026-07-20T01:30:00.000Z',
          by: '陈志强',
          kind: 'note',
          text: '物业已在3号楼西侧划定临时堆放点，清运车每周二、五上午到场。',
        },
      ],
      notices: [
        {
          id: 'example-notice-1',
          kind: 'resolution',
          meetingId,
          places: ['board', 'wechat'],
          startDate: '2026-07-17',
          days: 7,
          endDate: '2026-07-23',
          postedBy: '陈志强',
          recordedAt: '2026-07-17T02:00:00.000Z',
          objections: [],
        },
      ],
    },
  };
}

export async function exampleTexts(): Promise<{ example: string; schema: string }> {
  const record = await signedRedBenchRecord();
  return {
    example: meetingFileText(record, 'example', EXAMPLE_EXPORTED_AT, await exampleExtras(record)),
    schema: `${JSON.stringify(meetingFileJsonSchema(), null, 2)}\n`,
  };
}

export async function main(rootDir: string): Promise<void> {
  const { example, schema } = await exampleTexts();
  await mkdir(path.join(rootDir, 'docs/examples'), { recursive: true });
  await writeFile(path.join(rootDir, EXAMPLE_FILE), example);
  await writeFile(path.join(rootDir, SCHEMA_FILE), schema);
  console.log(`wrote ${EXAMPLE_FILE} and ${SCHEMA_FILE}`);
}
