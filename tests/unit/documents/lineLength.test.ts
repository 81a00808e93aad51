import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMinutesDocx } from '../../../shared/documents/index';
import { longRecord } from '../../documents/fixtures';
import { fontsConf, missing, run, sharedDir, tempDir } from '../../documents/tools';

/**
 * What a LibreOffice user (Kylin, UOS) prints: the long 纪要 laid out by LibreOffice with its
 * default settings must hold 27–28 characters on a full line of 正文, as GB/T 9704 sets it (28) and
 * as Word and WPS lay out the same file. Measured by the machine's own tool, on the PDF.
 */

const loLines = path.join(sharedDir, 'tools', 'lo-lines.mjs');
const skip = missing([{ command: 'soffice' }, { command: 'pdftotext' }, { file: fontsConf }, { file: loLines }]);

describe.skipIf(skip !== null)('the 纪要 in LibreOffice (lo-lines)', () => {
  it('holds 27–28 characters on a full body line', { timeout: 240_000 }, async () => {
    const file = path.join(tempDir('yishi-lines-'), 'long.docx');
    writeFileSync(file, await buildMinutesDocx(longRecord()));
    const result = run('node', [loLines, file, '27', '28'], { FONTCONFIG_FILE: fontsConf });
    const figure = Number(/hold (\d+) characters/.exec(result.stdout)?.[1]);
    expect(figure, result.stdout + result.stderr).toBeGreaterThanOrEqual(27);
    expect(figure, result.stdout).toBeLessThanOrEqual(28);
    expect(result.status, result.stdout).toBe(0);
  });
});
