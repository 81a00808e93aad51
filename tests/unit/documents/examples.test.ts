import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { readMeetingFile } from '../../../shared/meeting/file';
import { EXAMPLE_FILE, SCHEMA_FILE, exampleTexts } from '../../../scripts/examples';

describe('published meeting file example and schema', () => {
  it('the example under docs/ is a signed, consistent meeting file', async () => {
    const reading = await readMeetingFile(await readFile(EXAMPLE_FILE, 'utf8'));
    expect(reading.ok && reading.verification).toBe('consistent');
  });
  it('docs/ is up to date with the code (run npm run docs:examples after a format change)', async () => {
    const { example, schema } = await exampleTexts();
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(schema);
    expect(await readFile(EXAMPLE_FILE, 'utf8')).toBe(example);
  });
});
