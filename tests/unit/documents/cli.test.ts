import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, parseArgs } from '../../../scripts/export.js';
import { buildMinutesDocx, documentFileName, documentKindsFor } from '../../../shared/documents/index';
import { meetingFileText } from '../../../shared/meeting/file';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { openDocx } from '../../documents/docxXml';
import { signedRedBenchRecord } from '../../documents/fixtures';
import { repoRoot, run, tempDir } from '../../documents/tools';

/** `npm run export`: meeting files in, the same documents as the app out, refusals explained. */

let record: MeetingRecord;
let dir: string;
let good: string;

function capture() {
  const lines: string[] = [];
  return { lines, out: { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) } };
}

beforeAll(async () => {
  record = await signedRedBenchRecord();
  dir = tempDir('yishi-cli-');
  good = path.join(dir, 'meeting.json');
  writeFileSync(good, meetingFileText(record, '0.1.0', new Date('2026-07-16T03:00:00Z')));
});

describe('export CLI', () => {
  it('writes the 纪要 next to the file, built as the app builds it', async () => {
    const { lines, out } = capture();
    expect(await main([good], out)).toBe(0);
    const target = path.join(dir, documentFileName(record, 'minutes'));
    expect(lines.join('\n')).toContain(target);
    const written = await openDocx(readFileSync(target));
    const fromApp = await openDocx(await buildMinutesDocx(record));
    // Drawing ids count up across builds in one process; everything else is the same document.
    const same = (xml: string) => xml.replace(/(<wp:docPr|<pic:cNvPr) id="\d+"/g, '$1');
    expect(same(await written.xml('word/document.xml'))).toBe(same(await fromApp.xml('word/document.xml')));
  });

  it('writes all five documents into --out with --all', async () => {
    const outDir = path.join(dir, 'out', 'nested');
    expect(await main([good, '--out', outDir, '--all'], capture().out)).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(
      ['纪要', '签字页', '通知', '签到表', '决议公示']
        .map((s) => `帝纱富仕城小区红板凳议事会${s}-2026年第7期.docx`)
        .sort(),
    );
  });

  it('writes only what the meeting’s state allows, as the app’s menu, and says what it left out', async () => {
    const { fingerprint: _f, signedAt: _s, finalisedAt: _fi, ...meeting } = record.meeting;
    const kinds = { closed: ['纪要', '通知', '签到表'], draft: ['通知', '签到表'] } as const;
    for (const status of ['closed', 'draft'] as const) {
      const unsigned = { ...record, meeting: { ...meeting, status } };
      const file = path.join(dir, `${status}.json`);
      writeFileSync(file, meetingFileText(unsigned, '0.1.0', new Date('2026-07-16T03:00:00Z')));
      const outDir = path.join(dir, `state-${status}`);
      const { lines, out } = capture();
      expect(await main([file, '--out', outDir, '--all'], out)).toBe(0);
      expect(readdirSync(outDir).sort(), status).toEqual(
        kinds[status].map((s) => `帝纱富仕城小区红板凳议事会${s}-2026年第7期.docx`).sort(),
      );
      expect(lines.join('\n')).toContain('未写出 / not written: 签字页 / signature sheet');
      expect(lines.join('\n')).toContain('未写出 / not written: 决议公示 / resolution notice');
      expect(readdirSync(outDir).sort()).toEqual(
        documentKindsFor(status)
          .map((k) => documentFileName(unsigned, k))
          .sort(),
      );
    }
  });

  it('refuses an altered signed file, a non-meeting file and a missing one, and says why in both languages', async () => {
    const altered = JSON.parse(readFileSync(good, 'utf8'));
    altered.record.decisions[0].deadline = '2027-12-31';
    writeFileSync(path.join(dir, 'altered.json'), JSON.stringify(altered));
    writeFileSync(path.join(dir, 'other.json'), '{"hello": 1}');
    writeFileSync(path.join(dir, 'broken.json'), '{');
    const { lines, out } = capture();
    const files = ['altered.json', 'other.json', 'broken.json', 'missing.json'].map((f) => path.join(dir, f));
    expect(await main([...files, good], out)).toBe(1);
    const text = lines.join('\n');
    expect(text).toMatch(
      /altered\.json：已拒绝 \/ refused — 已签署的记录与校验码不符.*\/ the signed record does not match its fingerprint/,
    );
    // Both fingerprints in full, and where they part: cut to 16 characters they could look the same.
    const stored = (altered.record.meeting.fingerprint as string).toUpperCase().match(/.{4}/g)!.join(' ');
    expect(text).toContain(`文件中的校验码 / stored:   ${stored}`);
    expect(text).toMatch(/按内容计算 {3}\/ computed: ([0-9A-F]{4} ){15}[0-9A-F]{4}\n {2}从第 \d+ 位起不同/);
    expect(text).toContain('不是议事厅的会议文件 / not a 议事厅 meeting file');
    expect(text).toContain('不是 JSON 文件 / not a JSON file');
    expect(text).toMatch(/missing\.json：无法读取 \/ cannot read \(ENOENT\)/);
    expect(text).toContain('4 个文件未能导出 / 4 file(s) not exported');
    expect(existsSync(path.join(dir, documentFileName(record, 'minutes')))).toBe(true); // the good file still goes through
  });

  it('explains its usage', async () => {
    expect(parseArgs([])).toMatchObject({ ok: false });
    expect(parseArgs(['a.json', '--out'])).toMatchObject({ ok: false });
    expect(parseArgs(['--bogus', 'a.json'])).toMatchObject({ ok: false, message: expect.stringContaining('--bogus') });
    expect(parseArgs(['a.json', '--out=x', '--all'])).toEqual({
      ok: true,
      args: { files: ['a.json'], out: 'x', all: true },
    });
    const { lines, out } = capture();
    expect(await main([], out)).toBe(2);
    expect(lines.join('\n')).toContain('用法 / Usage');
  });

  it('runs from the command line through scripts/export.mjs', { timeout: 30_000 }, () => {
    const outDir = path.join(dir, 'from-shell');
    const result = run(process.execPath, [path.join(repoRoot, 'scripts', 'export.mjs'), good, '--out', outDir]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('已写出 / wrote');
    expect(readdirSync(outDir)).toEqual([documentFileName(record, 'minutes')]);
  });
});
