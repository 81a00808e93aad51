import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildMinutesDocx, DOCUMENT_KINDS } from '../../../shared/documents/index';
import { openDocx } from '../../documents/docxXml';
import { bareRecord, longRecord, signedRedBenchRecord } from '../../documents/fixtures';
import { missing, run, schemaFile, tempDir } from '../../documents/tools';

/**
 * Every part of every document the builders write is checked against Word's own schema
 * (ECMA-376 transitional + Microsoft's wml-2010), rather than trusted to the generator.
 */

const skip = missing([{ command: 'xmllint' }, { file: schemaFile }]);

/**
 * styles.xml, numbering.xml and settings.xml may carry markup-compatibility extras (mc:Ignorable, w15 attributes)
 * that the 2016 schemas do not know and that Word ignores by design: drop those, check the rest.
 */
function withoutIgnorables(xml: string): string {
  return xml.replace(/\s(?:mc:Ignorable|w1[45]:[A-Za-z]+)="[^"]*"/g, '');
}

async function writeParts(dir: string, name: string, bytes: Uint8Array): Promise<string[]> {
  const docx = await openDocx(bytes);
  const parts = docx.names.filter((n) =>
    /^word\/(document|footer\d+|header\d+|styles|numbering|settings|fontTable)\.xml$/.test(n),
  );
  return Promise.all(
    parts.map(async (part) => {
      const file = path.join(dir, `${name}-${path.basename(part)}`);
      const xml = await docx.xml(part);
      writeFileSync(file, /styles|numbering|settings/.test(part) ? withoutIgnorables(xml) : xml);
      return file;
    }),
  );
}

describe.skipIf(skip !== null)('schema validation (xmllint, wml-2010.xsd)', () => {
  it(
    'validates the document, footers, styles, numbering, settings and font table of every document',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir('yishi-schema-');
      mkdirSync(dir, { recursive: true });
      const red = await signedRedBenchRecord();
      const files = [
        ...(await writeParts(dir, 'minutes', await buildMinutesDocx(red, { appendSignatureSheet: true }))),
        ...(await writeParts(dir, 'long', await buildMinutesDocx(longRecord()))),
        ...(await writeParts(dir, 'bare', await buildMinutesDocx(bareRecord()))),
      ];
      for (const kind of DOCUMENT_KINDS) files.push(...(await writeParts(dir, kind, await buildDocument(red, kind))));
      expect(files.filter((f) => f.endsWith('-document.xml'))).toHaveLength(3 + DOCUMENT_KINDS.length);
      expect(files.some((f) => /footer\d+\.xml$/.test(f))).toBe(true);
      const result = run('xmllint', ['--noout', '--schema', schemaFile, ...files]);
      const failures = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.endsWith(' validates'));
      expect(failures).toEqual([]);
      expect(result.status).toBe(0);
    },
  );
});
