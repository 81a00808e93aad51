// Writes the example meeting file and the meeting file's JSON Schema under docs/ (run through
// scripts/write-examples.mjs). A unit test checks that the committed files match what this writes.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { meetingFileJsonSchema, meetingFileText } from '../shared/meeting/file';
import { exampleExtras } from '../shared/fixtures/exampleKey';
import { signedRedBenchRecord } from '../tests/documents/fixtures';

export const EXAMPLE_FILE = 'docs/examples/帝纱富仕城红板凳议事会-2026年第7期.yishi.json';
export const SCHEMA_FILE = 'docs/meeting-file.schema.json';
/** Fixed so the example does not change with every run. */
export const EXAMPLE_EXPORTED_AT = new Date('2026-07-16T03:00:00Z');

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
