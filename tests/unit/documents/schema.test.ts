import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildMinutesDocx, DOCUMENT_KINDS } from '../../../shared/documents/index';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { openDocx } from '../../documents/docxXml';
import { bareRecord, longRecord, signedRedBenchRecord } from '../../documents/fixtures';
import { missing, propertySchemas, repoRoot, run, schemaFile, tempDir } from '../../documents/tools';

/**
 * Every part of every document the builders write is checked against its schema, rather than
 * trusted to the generator: the WordprocessingML parts against Word's own (ECMA-376 transitional +
 * Microsoft's wml-2010), docProps/app.xml and custom.xml against ECMA-376's, and docProps/core.xml
 * against the OPC core-properties schema restated in tests/documents/schemas.
 */

const coreSchema = path.join(repoRoot, 'tests', 'documents', 'schemas', 'opc-coreProperties.xsd');
const skip = missing([{ command: 'xmllint' }, { file: schemaFile }, { file: propertySchemas.app }]);

/**
 * styles.xml, numbering.xml and settings.xml may carry markup-compatibility extras (mc:Ignorable, w15 attributes)
 * that the 2016 schemas do not know and that Word ignores by design: drop those, check the rest.
 */
function withoutIgnorables(xml: string): string {
  return xml.replace(/\s(?:mc:Ignorable|w1[45]:[A-Za-z]+)="[^"]*"/g, '');
}

type Parts = { wml: string[]; core: string[]; app: string[]; custom: string[] };

async function writeParts(dir: string, name: string, bytes: Uint8Array, into: Parts): Promise<void> {
  const docx = await openDocx(bytes);
  for (const part of docx.names) {
    const wml = /^word\/(document|footer\d+|header\d+|styles|numbering|settings|fontTable)\.xml$/.test(part);
    const props = /^docProps\/(core|app|custom)\.xml$/.exec(part)?.[1] as 'core' | 'app' | 'custom' | undefined;
    if (!wml && !props) continue;
    const file = path.join(dir, `${name}-${part.replace(/\//g, '-')}`);
    const xml = await docx.xml(part);
    writeFileSync(file, /styles|numbering|settings/.test(part) ? withoutIgnorables(xml) : xml);
    (wml ? into.wml : into[props as 'core' | 'app' | 'custom']).push(file);
  }
}

/** A record carrying what people paste: characters XML forbids, markup, a list starting at 1e+23. */
function hostileRecord(base: MeetingRecord): MeetingRecord {
  const bad = '\uFFFE\uFFFF\u0001&<>"\'';
  const item = (text: string) => ({
    type: 'listItem',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
  const list = (start: unknown) => ({ type: 'orderedList', attrs: { start }, content: [item(`12月20日前${bad}`)] });
  const doc = { type: 'doc', content: [list(1e23), list(-4), list(2.5), list('7'), list(Number.MAX_SAFE_INTEGER)] };
  return {
    ...base,
    meeting: { ...base.meeting, title: `会议${bad}`, minutesTitle: `纪要${bad}` },
    orgPath: [...base.orgPath.slice(0, -1), `R&D<ONE>${bad}`],
    documentOrgName: `中共${bad}委员会`,
    minutes: base.minutes.map((m) => ({ ...m, doc })),
  };
}

function validate(schema: string, files: string[]): string[] {
  const result = run('xmllint', ['--noout', '--schema', schema, ...files]);
  const failures = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.endsWith(' validates'));
  return result.status === 0 ? failures : [...failures, `xmllint exited ${result.status}`];
}

describe.skipIf(skip !== null)('schema validation (xmllint)', () => {
  it(
    'validates every WordprocessingML part and the document properties of every document, hostile text included',
    { timeout: 90_000 },
    async () => {
      const dir = tempDir('yishi-schema-');
      mkdirSync(dir, { recursive: true });
      const red = await signedRedBenchRecord();
      const parts: Parts = { wml: [], core: [], app: [], custom: [] };
      await writeParts(dir, 'minutes', await buildMinutesDocx(red, { appendSignatureSheet: true }), parts);
      await writeParts(dir, 'long', await buildMinutesDocx(longRecord()), parts);
      await writeParts(dir, 'bare', await buildMinutesDocx(bareRecord()), parts);
      const hostile = hostileRecord(red);
      for (const kind of DOCUMENT_KINDS) {
        await writeParts(dir, kind, await buildDocument(red, kind), parts);
        await writeParts(dir, `hostile-${kind}`, await buildDocument(hostile, kind), parts);
      }
      const documents = 3 + 2 * DOCUMENT_KINDS.length;
      expect(parts.wml.filter((f) => f.endsWith('-document.xml'))).toHaveLength(documents);
      expect(parts.wml.some((f) => /hostile-minutes-word-numbering\.xml$/.test(f))).toBe(true);
      expect(parts.wml.some((f) => /footer\d+\.xml$/.test(f))).toBe(true);
      expect(parts.core).toHaveLength(documents);
      expect(validate(schemaFile, parts.wml)).toEqual([]);
      expect(validate(coreSchema, parts.core)).toEqual([]);
      expect(validate(propertySchemas.app, parts.app)).toEqual([]);
      expect(validate(propertySchemas.custom, parts.custom)).toEqual([]);
    },
  );
});
