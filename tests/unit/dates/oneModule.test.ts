/**
 * Calendar-date code lives in shared/dates.ts only. Each pattern below is a way the app once got
 * a date wrong: `startAt.slice(0, 10)` is the UTC day (the day before, before 08:00 in China),
 * `Date.parse` accepts 2026-02-31, the machine-zone getters give yet another rule, and antd's
 * `disabledDate` drops a typed date without saying why. A new use fails here with the file and
 * line, and the way to do it instead.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

interface Rule {
  pattern: RegExp;
  folders: string[];
  instead: string;
}

const RULES: Rule[] = [
  {
    pattern: /\.slice\(0, ?10\)/,
    folders: ['shared', 'renderer'],
    instead: 'dayOf(…) / meetingDay(meeting) from shared/dates.ts',
  },
  {
    pattern: /\bget(?:UTC)?(?:FullYear|Month|Date|Day)\(\)/,
    folders: ['shared', 'renderer'],
    instead: 'today(), localDay(), dateParts() or weekdayOf() from shared/dates.ts',
  },
  { pattern: /\bDate\.parse\(/, folders: ['shared'], instead: 'isCalendarDate() / dayOf() from shared/dates.ts' },
  {
    pattern: /dayjs\([^)]*\bstartAt\b/,
    folders: ['renderer'],
    instead: 'meetingDay(meeting) from shared/dates.ts',
  },
  {
    pattern: /\b(?:disabledDate|minDate|maxDate)\b/,
    folders: ['renderer'],
    instead: 'a Form rule that says why (see CalendarDateField.tsx)',
  },
];

/**
 * Files that may: the module itself; a backup's file name, stamped with the local time; and the
 * text of an Excel date cell, which is zone-less (read in UTC) and of any year, so not a CalendarDate.
 */
const ALLOWED = new Set([
  'shared/dates.ts',
  'shared/backup/rotation.ts',
  'renderer/features/roster/import/cellText.ts',
]);

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, folder), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('shared/fixtures/') && !ALLOWED.has(f));
}

describe('calendar dates are handled in shared/dates.ts only', () => {
  for (const rule of RULES) {
    it(`no ${rule.pattern} in ${rule.folders.join(', ')}`, async () => {
      const found: string[] = [];
      for (const folder of rule.folders)
        for (const file of await sourceFiles(folder)) {
          const lines = (await readFile(path.join(ROOT, file), 'utf8')).split('\n');
          lines.forEach((line, i) => {
            if (rule.pattern.test(line) && !/^\s*(\/\/|\*)/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
          });
        }
      expect(found, `use ${rule.instead}`).toEqual([]);
    });
  }
});
