import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020';
import { readMeetingFile } from '../../../shared/meeting/file';
import { EXAMPLE_FILE, SCHEMA_FILE, exampleTexts } from '../../../scripts/examples';

describe('published meeting file example and schema', () => {
  it('the example under docs/ is a signed, consistent meeting file with its signature and follow-up', async () => {
    const reading = await readMeetingFile(await readFile(EXAMPLE_FILE, 'utf8'));
    expect(reading.ok && reading.verification).toBe('consistent');
    expect(reading.ok && reading.formatVersion).toBe(3);
    expect(reading.ok && reading.signatures.length).toBe(1);
    expect(reading.ok && reading.followup.progress.length).toBe(1);
  });
  it('docs/ is up to date with the code (run npm run docs:examples after a format change)', async () => {
    const { example, schema } = await exampleTexts();
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(schema);
    expect(await readFile(EXAMPLE_FILE, 'utf8')).toBe(example);
  });
  it('the example validates against the published JSON Schema, and a file without its signatures does not', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as object);
    const example = JSON.parse(await readFile(EXAMPLE_FILE, 'utf8')) as Record<string, unknown>;
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    const { signatures: _dropped, ...unsigned } = example;
    expect(validate(unsigned)).toBe(false);
    const foreignKey = structuredClone(example) as { followup: { progress: Array<Record<string, unknown>> } };
    foreignKey.followup.progress[0]!.kind = 'sign';
    expect(validate(foreignKey)).toBe(false);
  });
});
