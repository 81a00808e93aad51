/**
 * Hostile input for the roster import: random tables with script, huge and odd cells for
 * importRosterRows; random, truncated, mutated, oversized, wrongly encoded and zip-bomb bytes for
 * readRosterFile. Neither may throw; every outcome is a problem code or row verdicts.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRosterRows, toPeople } from '../../../shared/roster/importRows';
import { PROBLEM_CODES } from '../../../shared/roster/problems';
import { personSchema } from '../../../shared/domain/person';
import { readRosterFile, FILE_LIMITS } from '../../../renderer/features/roster/import/spreadsheet';
import { makeRosterXlsx, sampleRosterRows } from '../../fixtures/rosterFiles';
import { sampleOrgUnits } from '../../fixtures/rosterOrg';

const units = sampleOrgUnits();
const codes = new Set<string>(PROBLEM_CODES);
const MB = 1024 * 1024;
const BOMB_MB = 64;
/** One string of a megabyte, shared so generating cases stays cheap. */
const HUGE = '张'.repeat(MB);

const nasty = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '=cmd|" /C calc"!A0',
  '@SUM(1+1)',
  '\u202e李丽',
  '\u0000张\u0000',
  '\ud800',
  '张\u200b丽华',
  HUGE,
  HUGE.slice(0, 1000),
);
const cell = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('姓名', '电话', '所属小区', '身份', '党员', '张丽华', '13800138000', '帝纱富仕城', '是', '否'),
  nasty,
);
const headers = fc.shuffledSubarray([
  '姓名',
  '性别',
  '电话',
  '单位',
  '所属小区',
  '身份',
  '网格员',
  '人民调解员',
  '党员',
  '备注',
  '<b>姓名</b>',
]);
const table = fc.tuple(
  fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 2 }),
  headers,
  fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 30 }),
);

describe('importRosterRows on hostile tables', () => {
  it('never throws; every row has a verdict, script and 1 MB names are never importable', () => {
    let cases = 0;
    let rows = 0;
    let refusedTables = 0;
    fc.assert(
      fc.property(table, ([above, header, body]) => {
        cases++;
        const result = importRosterRows([...above, ['姓名', ...header], ...body], { roster: [], orgUnits: units });
        for (const p of result.fileProblems) expect(codes.has(p.code)).toBe(true);
        if (result.fileProblems.length > 0) refusedTables++;
        for (const verdict of result.rows) {
          rows++;
          expect(['ok', 'error', 'duplicate']).toContain(verdict.verdict);
          for (const r of verdict.reasons) expect(codes.has(r.code)).toBe(true);
          if (verdict.verdict === 'ok') {
            expect(
              personSchema.safeParse({ ...verdict.person, id: 'x', initials: '', createdAt: '', updatedAt: '' })
                .success,
            ).toBe(true);
            expect(verdict.person.name).not.toMatch(/[<>]/);
            expect(verdict.person.name.length).toBeLessThanOrEqual(30);
          } else expect(verdict.reasons.length).toBeGreaterThan(0);
          // Quoted values are shortened: a 1 MB cell never reaches a message whole.
          expect(JSON.stringify(verdict.reasons).length).toBeLessThan(10_000);
        }
        toPeople(result.rows, '2026-11-10T00:00:00.000Z', () => 'id');
      }),
      { numRuns: 300 },
    );
    // The 10,000-row limit gives a table problem, not a freeze.
    const many = importRosterRows([['姓名'], ...Array.from({ length: 10_001 }, (_, i) => [`张${i}`])], {
      roster: [],
      orgUnits: units,
    });
    expect(many.fileProblems.map((p) => p.code)).toEqual(['tooManyRows']);
    console.log(`hostile importRosterRows: ${cases} tables, ${rows} rows, ${refusedTables} refused as a whole`);
    expect(cases).toBe(300);
  });
});

/** Names every plain object answers to: lookups in alias tables must not find them. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('importRosterRows: cells naming Object.prototype members', () => {
  // Found by this suite: a lookup ROLE_ALIASES[cleaned] answered "constructor" with
  // Object.prototype's member, the row passed the preview and the confirmed import then failed.
  it('a 身份 cell such as "constructor" is an error row, not an importable one', () => {
    for (const name of PROTOTYPE_NAMES) {
      const result = importRosterRows(
        [
          ['姓名', '身份'],
          ['张丽华', name],
        ],
        { roster: [], orgUnits: units },
      );
      const verdict = result.rows[0]!;
      expect({ name, verdict: verdict.verdict, reasons: verdict.reasons.map((r) => r.code) }).toEqual({
        name,
        verdict: 'error',
        reasons: ['unknownRole'],
      });
      expect(verdict.person.roles.every((r) => typeof r === 'string')).toBe(true);
    }
  });

  it('as a name, a unit or a header they are handled like any other text', () => {
    for (const name of PROTOTYPE_NAMES) {
      const result = importRosterRows(
        [
          ['姓名', name, '单位'],
          [name, name, name],
        ],
        { roster: [], orgUnits: units },
      );
      for (const verdict of result.rows)
        if (verdict.verdict === 'ok')
          expect(
            personSchema.safeParse({ ...verdict.person, id: 'x', initials: '', createdAt: '', updatedAt: '' }).success,
          ).toBe(true);
    }
  });
});

const FILE_CODES = new Set([
  'fileTooLarge',
  'unsupportedFileType',
  'legacyXls',
  'protectedOrLegacy',
  'notXlsx',
  'zipTooLarge',
  'xlsxUnreadable',
  'noWorksheet',
  'notText',
]);
const names = fc.constantFrom(
  '名册.xlsx',
  '名册.XLSX',
  '名册.xlsm',
  '名册.xls',
  '名册.csv',
  '名册.txt',
  '名册.tsv',
  '名册',
  '名册.pdf',
  '.xlsx',
  '名册.xlsx.exe',
);

/** Reads bytes and checks the outcome is rows or a known problem. Returns the outcome's name. */
async function readSafely(name: string, bytes: Uint8Array): Promise<string> {
  const result = await readRosterFile(name, bytes);
  if (result.ok) {
    expect(Array.isArray(result.rows)).toBe(true);
    for (const row of result.rows) for (const c of row) expect(typeof c).toBe('string');
    // Whatever was read goes through the row checks without throwing.
    importRosterRows(result.rows, { roster: [], orgUnits: units });
    return 'rows';
  }
  expect(FILE_CODES.has(result.problem.code)).toBe(true);
  return result.problem.code;
}

function tally(outcomes: Map<string, number>, key: string) {
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}

describe('readRosterFile on hostile bytes', () => {
  let xlsx: Uint8Array;
  let bomb: Uint8Array;
  beforeAll(async () => {
    xlsx = new Uint8Array(await makeRosterXlsx(sampleRosterRows(['帝纱富仕城'])));
    // 64 MB of zeros deflates to a few hundred KB: a classic zip bomb, named like a workbook.
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(BOMB_MB * MB));
    bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  }, 60_000);

  it('random bytes under any name: rows or a problem code', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        names,
        fc.uint8Array({ maxLength: 4000 }),
        fc.constantFrom(
          [],
          [0x50, 0x4b, 3, 4],
          [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
          [0xef, 0xbb, 0xbf],
          [0xff, 0xfe],
        ),
        async (name, body, magic) => {
          tally(outcomes, await readSafely(name, new Uint8Array([...magic, ...body])));
        },
      ),
      { numRuns: 200 },
    );
    console.log(`hostile readRosterFile random: 200 files → ${JSON.stringify(Object.fromEntries(outcomes))}`);
  });

  it('truncated and byte-mutated workbooks: rows or a problem code', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.nat({ max: xlsx.length }).map((n) => xlsx.slice(0, n)),
          fc
            .array(fc.tuple(fc.nat({ max: xlsx.length - 1 }), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 8,
            })
            .map((edits) => {
              const copy = xlsx.slice();
              for (const [at, value] of edits) copy[at] = value;
              return copy;
            }),
        ),
        async (bytes) => {
          tally(outcomes, await readSafely('名册.xlsx', bytes));
        },
      ),
      { numRuns: 150 },
    );
    console.log(
      `hostile readRosterFile truncated/mutated xlsx: 150 files → ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
  });

  it('oversized files, zip bombs and wrong encodings give clear problems or readable rows', async () => {
    const big = new Uint8Array(FILE_LIMITS.maxFileBytes + 1);
    for (const name of ['名册.xlsx', '名册.csv']) expect(await readSafely(name, big)).toBe('fileTooLarge');
    expect(await readSafely('名册.xlsx', bomb)).toBe('zipTooLarge');
    // A CSV with a 1 MB name cell, in UTF-8, UTF-16 (no BOM) and Latin-1 bytes.
    const csv = `姓名,电话\n${HUGE},13800138000\n<script>alert(1)</script>,13800138001\n`;
    const utf8 = new TextEncoder().encode(csv);
    expect(await readSafely('名册.csv', utf8)).toBe('rows');
    const utf16 = new Uint8Array(csv.length * 2);
    for (let i = 0; i < csv.length; i++) {
      utf16[2 * i] = csv.charCodeAt(i) & 0xff;
      utf16[2 * i + 1] = csv.charCodeAt(i) >> 8;
    }
    const outcomes = [
      await readSafely('名册.csv', utf16),
      await readSafely('名册.csv', new Uint8Array([...'Name,Tel\n\xe9\xe8,1\n'].map((c) => c.charCodeAt(0)))),
    ];
    const read = await readRosterFile('名册.csv', utf8);
    if (!read.ok) throw new Error('utf-8 csv unreadable');
    const verdicts = importRosterRows(read.rows, { roster: [], orgUnits: units }).rows;
    expect(verdicts.map((v) => v.verdict)).toEqual(['error', 'error']);
    console.log(
      `hostile readRosterFile special: 20 MB+1 → fileTooLarge, zip bomb (${(bomb.length / 1024).toFixed(0)} KB → ${BOMB_MB} MB) → zipTooLarge, UTF-16 without BOM / Latin-1 → ${outcomes.join(', ')}`,
    );
  });
});
