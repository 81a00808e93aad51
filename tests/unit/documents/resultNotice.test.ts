import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildResultNoticeDocx, type ResultNoticeInput } from '../../../shared/documents/resultNotice';
import type { ProgressEvent } from '../../../shared/followup/state';
import type { PublicNotice } from '../../../shared/publicity/notice';
import { openDocx, textOf } from '../../documents/docxXml';
import { signedRedBenchRecord } from '../../documents/fixtures';
import { fontsConf, missing, repoRoot, run, schemaFile, sharedDir, tempDir } from '../../documents/tools';

/**
 * The 结果公示 as residents see it on the board: what was decided, how it was carried out, who
 * confirmed it and the period for objections; schema-valid, and laid out by LibreOffice with the
 * 28 characters a GB/T 9704 body line holds. A PNG of its page is left in .tmp/screens to look at.
 */

const loLines = path.join(sharedDir, 'tools', 'lo-lines.mjs');
const skipSchema = missing([{ command: 'xmllint' }, { file: schemaFile }]);
const skipLo = missing([{ command: 'soffice' }, { command: 'pdftoppm' }, { file: fontsConf }, { file: loLines }]);

async function input(hostile = false): Promise<ResultNoticeInput> {
  const record = await signedRedBenchRecord();
  const decision = { ...record.decisions[0]!, status: 'done' as const };
  const bad = hostile ? '\uFFFE\u0001&<>"' : '';
  const step = (at: string, kind: ProgressEvent['kind'], by: string, text: string): ProgressEvent => ({
    id: `s-${at}`,
    decisionId: decision.id,
    meetingId: record.meeting.id,
    at,
    by,
    kind,
    text: `${text}${bad}`,
  });
  const steps = [
    step(
      '2026-07-20T09:30:00+08:00',
      'note',
      decision.responsible.name,
      '已联系施工单位进场，先清理南侧消防通道两侧占用的杂物和废旧自行车，并在通道口设置临时警示牌，提醒居民施工期间注意安全。',
    ),
    step(
      '2026-08-02T10:00:00+08:00',
      'note',
      decision.responsible.name,
      '完成地面旧标线的打磨清除，按照方案重新放线，消防通道净宽经现场测量保持4米以上，新增车位的位置已征求楼栋长和业委会意见。',
    ),
    step(
      '2026-08-08T15:00:00+08:00',
      'note',
      decision.responsible.name,
      '南侧车位施划过程中，有居民反映夜间照明不足，物业公司同步更换了通道两侧的路灯灯泡，并增设了两处反光标识，方便老年居民夜间通行。',
    ),
    step(
      '2026-08-14T11:00:00+08:00',
      'note',
      decision.responsible.name,
      '组织楼栋长和居民代表到现场查看施划效果，收集到关于车位编号和残疾人专用车位的意见三条，已逐条落实并向提出意见的居民作了说明。',
    ),
    step(
      '2026-08-20T16:00:00+08:00',
      'reportDone',
      decision.responsible.name,
      '全部车位已按标准施划完毕，共新增车位22个，消防通道两侧设置禁停标识，请监督人验收。',
    ),
    step(
      '2026-08-22T09:00:00+08:00',
      'confirm',
      decision.supervisor.name,
      '现场查看，消防通道净宽符合要求，新增车位数量和标识均达到会议确定的标准，同意验收。',
    ),
  ];
  const notice: PublicNotice = {
    id: 'n1',
    kind: 'result',
    meetingId: record.meeting.id,
    decisionId: decision.id,
    places: ['board', 'wechat', 'online'],
    startDate: '2026-08-23' as never,
    days: 7,
    endDate: '2026-08-29' as never,
    postedBy: decision.supervisor.name,
    recordedAt: '2026-08-23T01:00:00.000Z',
    objections: [],
  };
  return { record, decision: hostile ? { ...decision, title: `${decision.title}${bad}` } : decision, steps, notice };
}

describe('the 结果公示', () => {
  it('says what was decided, each step of the work, who confirmed it and the period', async () => {
    const text = textOf(await (await openDocx(await buildResultNoticeDocx(await input()))).xml('word/document.xml'));
    const { decision } = await input();
    expect(text).toContain(`关于“${decision.title}”落实结果的公示`);
    expect(text).toContain('经监督人');
    expect(text).toContain('2026年8月22日验收确认完成');
    expect(text).toContain('公示期：2026年8月23日至2026年8月29日（共7天），公示方式：公示栏、微信群、网络平台');
    expect(text).toContain('共新增车位22个');
  });

  it.skipIf(skipSchema !== null)('is valid WordprocessingML, hostile text included', { timeout: 60_000 }, async () => {
    const dir = tempDir('yishi-result-schema-');
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const [name, hostile] of [
      ['plain', false],
      ['hostile', true],
    ] as const) {
      const docx = await openDocx(await buildResultNoticeDocx(await input(hostile)));
      for (const part of docx.names.filter((p) => /^word\/(document|footer\d+|header\d+|fontTable)\.xml$/.test(p))) {
        const file = path.join(dir, `${name}-${part.replace(/\//g, '-')}`);
        writeFileSync(file, await docx.xml(part));
        files.push(file);
      }
    }
    const result = run('xmllint', ['--noout', '--schema', schemaFile, ...files]);
    expect(result.stderr.split('\n').filter((l) => l.trim() && !l.endsWith(' validates'))).toEqual([]);
    expect(result.status).toBe(0);
  });

  it.skipIf(skipLo !== null)(
    'holds 27–28 characters on a full body line in LibreOffice, and renders to a page',
    { timeout: 240_000 },
    async () => {
      const dir = tempDir('yishi-result-lo-');
      const file = path.join(dir, 'result.docx');
      writeFileSync(file, await buildResultNoticeDocx(await input()));
      const lines = run('node', [loLines, file, '27', '28'], { FONTCONFIG_FILE: fontsConf });
      expect(lines.status, lines.stdout + lines.stderr).toBe(0);
      const convert = run(
        'soffice',
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          file,
        ],
        {
          FONTCONFIG_FILE: fontsConf,
        },
      );
      expect(convert.status, convert.stderr).toBe(0);
      const screens = path.join(repoRoot, '.tmp', 'screens');
      mkdirSync(screens, { recursive: true });
      const png = run('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        path.join(dir, 'result.pdf'),
        path.join(screens, 'publicity-result-notice'),
      ]);
      expect(png.status, png.stderr).toBe(0);
    },
  );
});
