import { beforeAll, describe, expect, it } from 'vitest';
import { attribute, elements, openDocx, paragraphs, textOf, type Docx } from '../../tests/documents/docxXml';
import { bareRecord, longRecord, signedRedBenchRecord } from '../../tests/documents/fixtures';
import type { MeetingRecord } from '../meeting/record';
import { shortFingerprint } from '../meeting/fingerprint';
import { buildDocument, buildMinutesDocx, buildSignatureSheetDocx, DOCUMENT_KINDS } from './index';
import { textWidthChars } from './measure';
import { CHARS_PER_LINE, FONT, STYLE } from './style';

/** The layout GB/T 9704-2012 asks for, read back from the files the builders write. */

let record: MeetingRecord;
let minutes: Docx;
let documentXml: string;

beforeAll(async () => {
  record = await signedRedBenchRecord();
  minutes = await openDocx(await buildMinutesDocx(record, { appendSignatureSheet: true }));
  documentXml = await minutes.xml('word/document.xml');
});

const decisionTable = () => elements(documentXml, 'w:tbl').find((t) => textOf(t).includes('干到什么标准')) ?? '';

describe('the 纪要 as a Word file', () => {
  it('is set on A4 with the standard margins and a 22 × 28 grid', () => {
    const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(documentXml)?.[0] ?? '';
    expect(attribute(sectPr, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attribute(sectPr, 'w:pgSz', 'w:h')).toBe('16838');
    // 37, 35, 28 and 26 mm, rounded (docx's own conversion floors them).
    expect([
      attribute(sectPr, 'w:pgMar', 'w:top'),
      attribute(sectPr, 'w:pgMar', 'w:bottom'),
      attribute(sectPr, 'w:pgMar', 'w:left'),
      attribute(sectPr, 'w:pgMar', 'w:right'),
    ]).toEqual(['2098', '1984', '1587', '1474']);
    // A line grid only: LibreOffice gives a 3号 character two cells of a character grid (14 a line).
    expect(sectPr).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
  });

  it('sets 28 characters a line by condensing 3号 text, and leaves the other sizes as they are', async () => {
    const styles = await minutes.xml('word/styles.xml');
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('Normal')).toContain('<w:spacing w:val="-5"/>');
    // 16 pt − 0.25 pt = 315 twips a character: 28 fit the 8845-twip 版心, 29 do not.
    expect(28 * 315).toBeLessThanOrEqual(8845);
    expect(29 * 315).toBeGreaterThan(8845);
    expect(CHARS_PER_LINE).toBe(28);
    for (const id of [STYLE.title, STYLE.masthead, STYLE.table, STYLE.tableHead, STYLE.footer])
      expect(style(id), id).toContain('<w:spacing w:val="0"/>');
  });

  it('names the official fonts, with zh-CN and no Calibri or 等线 to fall back on', async () => {
    const styles = await minutes.xml('word/styles.xml');
    for (const name of [FONT.fangSong, FONT.xiaoBiaoSong, FONT.heiTi, FONT.kaiTi])
      expect(styles).toContain(`w:eastAsia="${name}"`);
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:hint="eastAsia"\/>/,
    );
    expect(styles).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(styles).toMatch(
      /<w:style [^>]*w:styleId="YsBody"[\s\S]*?<w:ind w:firstLine="\d+" w:firstLineChars="200"\/>/,
    );
    expect(styles).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
    const fontScheme =
      /<a:fontScheme[\s\S]*<\/a:fontScheme>/.exec(await minutes.xml('word/theme/theme1.xml'))?.[0] ?? '';
    expect(fontScheme).not.toMatch(/Calibri|等线|Cambria/);
    expect(`${styles}${documentXml}`).not.toMatch(/Calibri|等线/);
    // Windows 10/11 have 仿宋 and 楷体, not the _GB2312 faces: the font table names the substitutes.
    const fontTable = await minutes.xml('word/fontTable.xml');
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fontTable).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('has the red 纪要 mark, the 期数 and the title in their fonts', async () => {
    const ps = paragraphs(documentXml);
    expect(ps[0]).toMatchObject({ style: STYLE.masthead, text: '帝纱富仕城小区红板凳议事会纪要' });
    expect(await minutes.xml('word/styles.xml')).toMatch(
      /w:styleId="YsMasthead"[\s\S]*?w:eastAsia="方正小标宋简体"[\s\S]*?<w:color w:val="FF0000"\/>/,
    );
    expect(ps[1]?.text).toBe('（2026年第7期）'.slice(1, -1));
    expect(ps[2]?.xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(ps.find((p) => p.style === STYLE.title)?.text).toBe('帝纱富仕城小区2026年第7期\n红板凳议事会会议纪要');
    expect(ps.filter((p) => p.style === STYLE.level1).map((p) => p.text)).toEqual([
      '一、分类垃圾桶改造',
      '二、停车位重新施划',
      '三、决定事项',
    ]);
    expect(ps.some((p) => p.style === STYLE.level2 && p.text === '（三）议定事项')).toBe(true);
  });

  it('numbers odd pages on the right and even pages on the left, as — 1 —', async () => {
    expect(await minutes.xml('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const refs = [...documentXml.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]);
    expect(refs.sort()).toEqual(['default', 'even']);
    const footers = await Promise.all(
      minutes.names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => minutes.xml(n)),
    );
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toMatch(
        /<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/,
      );
      expect(footer).toContain(`w:pStyle w:val="${STYLE.footer}"`);
    }
    expect(footers.map((f) => attribute(f, 'w:jc', 'w:val')).sort()).toEqual(['left', 'right']);
  });

  it('has the decisions table: six columns, the header repeated, no row split, on the 版心 width', () => {
    const table = decisionTable();
    const rows = elements(table, 'w:tr');
    expect(elements(rows[0] ?? '', 'w:tc').map(textOf)).toEqual([
      '序号',
      '事项',
      '谁来干\n（责任人）',
      '干到什么标准',
      '什么时间干完',
      '谁来监督',
    ]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    // 干到什么标准 is the long field: the widest column, wider than 什么时间干完, which still holds its
    // header on one line and a date on two (2026年 / 12月31日) in 小四 (12 pt), inside the cell margins.
    const [, , , standard, deadline] = grid as [number, number, number, number, number, number];
    expect(Math.max(...grid)).toBe(standard);
    expect(standard).toBeGreaterThan(deadline);
    const inside = deadline - 120;
    for (const line of ['什么时间干完', '2026年', '12月31日'])
      expect(textWidthChars(line) * 12 * 20).toBeLessThanOrEqual(inside);
    expect(elements(rows[1] ?? '', 'w:tc')[4]).toMatch(/>2026年<\/w:t>[\s\S]*<w:p>[\s\S]*>8月31日</);
    const cells = rows.slice(1).map((r) => elements(r, 'w:tc').map(textOf));
    expect(cells).toEqual(
      record.decisions.map((d, i) => [
        String(i + 1),
        d.title,
        d.responsible.name,
        d.standard,
        expect.stringMatching(/^2026年\d+月\d+日$/),
        d.supervisor.name,
      ]),
    );
  });

  it('lists 出席, 请假 and 列席 with a hanging indent under the colon', () => {
    const ps = paragraphs(documentXml);
    const present = ps.find((p) => p.text.startsWith('出席：'));
    expect(present?.text).toBe(
      `出席：${record.attendance
        .filter((a) => a.state === 'present')
        .map((a) => `${a.unit}${a.name}`)
        .join('、')}`,
    );
    expect(present?.xml).toMatch(/<w:rFonts w:ascii="黑体"[^>]*\/>[\s\S]*?<w:t[^>]*>出席：<\/w:t>/);
    const left = Number(attribute(present?.xml ?? '', 'w:ind', 'w:left'));
    const hanging = Number(attribute(present?.xml ?? '', 'w:ind', 'w:hanging'));
    expect(left - hanging).toBeGreaterThan(0);
    expect(hanging / (left - hanging)).toBeCloseTo(3 / 2, 1); // 出席： is three characters, after two
    expect(ps.find((p) => p.text.startsWith('请假：'))?.text).toBe('请假：11号楼徐晓燕');
    expect(ps.find((p) => p.text.startsWith('列席：'))?.text).toBe('列席：垦利区综合行政执法局林春霞');
  });

  it('ends the 纪要 with the 版记: issuer and 印发 date between two thick lines at the foot of the page', () => {
    const ps = paragraphs(documentXml);
    const imprint = ps.find((p) => p.text.endsWith('印发'));
    expect(imprint?.text).toBe('中共垦利街道胜兴社区委员会2026年7月16日印发');
    expect(imprint?.xml).toMatch(
      /<w:tab\/><w:t[^>]*>中共垦利街道胜兴社区委员会<\/w:t>[\s\S]*<w:tab\/><w:t[^>]*>2026年7月16日印发/,
    );
    expect(imprint?.xml).toMatch(/<w:framePr w:w="8845"[^>]*w:yAlign="bottom"\/>/);
    expect(imprint?.xml).toMatch(
      /<w:pBdr><w:top w:val="single" w:color="000000" w:sz="8"[^>]*\/><w:bottom w:val="single" w:color="000000" w:sz="8"/,
    );
    // The 版记 closes the 纪要: the 签字页 appended after it starts on a page of its own.
    const at = ps.indexOf(imprint as (typeof ps)[number]);
    expect(ps.slice(at + 1).find((p) => p.text !== '')?.text).toBe('帝纱富仕城小区红板凳议事会签字页');
  });

  it('carries the fingerprint in short and full form, with its QR code and the signatures as images', async () => {
    const fingerprint = record.meeting.fingerprint as string;
    expect(textOf(documentXml)).toContain(shortFingerprint(fingerprint));
    expect(textOf(documentXml)).toContain(fingerprint);
    const media = minutes.names.filter((n) => n.startsWith('word/media/'));
    const screenSignatures = record.attendance.filter(
      (a) => a.signature?.kind === 'screen' && a.signature.imageDataUrl,
    ).length;
    expect(screenSignatures).toBeGreaterThan(5);
    expect(media).toHaveLength(screenSignatures + 1);
    expect(documentXml).toContain('descr="电子记录校验码');
  });

  it('prints the signing key id beside the fingerprint only when the record is signed with a key', async () => {
    const signed = textOf(
      await (
        await openDocx(await buildMinutesDocx(record, { signingKeyId: '66687aadf862bd77' }))
      ).xml('word/document.xml'),
    );
    expect(signed).toContain('签名密钥编号：6668-7AAD-F862-BD77');
    expect(signed).toContain('显示“签名有效”');
    const unsigned = textOf(documentXml);
    expect(unsigned).not.toContain('签名密钥编号');
    expect(unsigned).toContain('本纪要的电子记录没有电子签名');
  });

  it('states the overview, the resolutions, the vote and the household count', () => {
    const text = paragraphs(documentXml)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain(
      '2026年7月15日19时，帝纱富仕城小区在帝纱富仕城党群睦邻说事点召开红板凳议事会。会议由李振海主持，赵丽娟记录。应到11人，实到10人（请假1人），列席1人。',
    );
    expect(text).toContain('决议：同意改造3处分类投放点');
    expect(text).toContain('表决结果：通过');
    expect(text).toContain('逐户征求意见：“1号楼旁分类投放点改造及位置调整”，征求120户，同意112户，占93.3%');
    expect(text).not.toContain('入户征求意见');
    expect(text).toContain('朱凤英反映：1号楼旁投放点'); // the minutes, converted
  });
});

describe('the other documents', () => {
  it('builds every kind for the sample, the long and the bare record', async () => {
    for (const r of [record, longRecord(), bareRecord()])
      for (const kind of DOCUMENT_KINDS) {
        const docx = await openDocx(await buildDocument(r, kind));
        expect(textOf(await docx.xml('word/document.xml')).length).toBeGreaterThan(20);
      }
  });

  it('embeds captured signatures in the 签字页 and leaves tall blank cells otherwise', async () => {
    const docx = await openDocx(await buildSignatureSheetDocx(record));
    const xml = await docx.xml('word/document.xml');
    const rows = elements(elements(xml, 'w:tbl')[0] ?? '', 'w:tr');
    expect(elements(rows[0] ?? '', 'w:tc').map(textOf)).toEqual(['序号', '姓名', '身份/单位', '签字']);
    const signers = record.attendance.filter((a) => a.state !== 'excused' && a.state !== 'absent');
    expect(rows).toHaveLength(signers.length + 1);
    signers.forEach((a, i) => {
      const row = rows[i + 1] ?? '';
      expect(row).toMatch(/<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/);
      expect(row.includes('<w:drawing>')).toBe(a.signature?.kind === 'screen');
    });
    expect(docx.names.filter((n) => n.startsWith('word/media/'))).toHaveLength(
      signers.filter((a) => a.signature?.kind === 'screen').length,
    );
  });

  it('attaches the photo of the signed paper sheet to the 签字页 when there is one', async () => {
    const jpeg =
      'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';
    const withSheet = {
      ...record,
      meeting: {
        ...record.meeting,
        paperSignatureSheet: { imageDataUrl: jpeg, recordedAt: record.meeting.startAt, recordedBy: '赵丽娟' },
      },
    };
    const docx = await openDocx(await buildSignatureSheetDocx(withSheet));
    expect(textOf(await docx.xml('word/document.xml'))).toContain('附：已签字的纸质签到表（赵丽娟记录）');
    expect(docx.names.filter((n) => /^word\/media\/.*\.(jpe?g)$/.test(n))).toHaveLength(1);
    const without = await openDocx(await buildSignatureSheetDocx(record));
    expect(textOf(await without.xml('word/document.xml'))).not.toContain('纸质签到表（');
  });

  it('groups the 签到表 by 6+N category, with spare rows', async () => {
    const xml = await (await openDocx(await buildDocument(record, 'signInSheet'))).xml('word/document.xml');
    const groups = elements(elements(xml, 'w:tbl')[0] ?? '', 'w:tr').filter((r) => r.includes('w:gridSpan'));
    expect(groups.map(textOf)).toEqual([
      '党组织书记（1人）',
      '“两委”成员（1人）',
      '业委会代表（1人）',
      '物业公司代表（1人）',
      '居民代表（3人）',
      '共建单位代表（2人）',
      '利益相关方（3人）',
      '其他参会人员',
    ]);
  });

  it('puts the four answers and the 公示期 on the 决议公示', async () => {
    const xml = await (await openDocx(await buildDocument(record, 'resolutionNotice'))).xml('word/document.xml');
    const text = textOf(xml);
    for (const d of record.decisions)
      for (const part of [d.title, d.standard, d.responsible.name, d.supervisor.name]) expect(text).toContain(part);
    expect(text).toContain('公示期：2026年7月16日至2026年7月22日（共7天）');
  });

  it('announces the meeting with its weekday and agenda in the 会议通知', async () => {
    const text = textOf(await (await openDocx(await buildDocument(record, 'notice'))).xml('word/document.xml'));
    expect(text).toContain('定于2026年7月15日（星期三）19时在帝纱富仕城党群睦邻说事点召开帝纱富仕城小区红板凳议事会');
    expect(text).toContain('1.分类垃圾桶改造（朱凤英（1号楼）提出，约30分钟）');
    expect(text).toContain('中共垦利街道胜兴社区委员会');
  });

  it('builds the long meeting quickly enough for a laptop', async () => {
    const started = performance.now();
    const docx = await openDocx(await buildMinutesDocx(longRecord(), { appendSignatureSheet: true }));
    expect(performance.now() - started).toBeLessThan(5000);
    const xml = await docx.xml('word/document.xml');
    const rows = elements(elements(xml, 'w:tbl').find((t) => textOf(t).includes('干到什么标准')) ?? '', 'w:tr');
    expect(rows).toHaveLength(61);
    const amendment = paragraphs(xml).find((p) => p.text.startsWith('修订记录：'));
    expect(amendment?.text).toMatch(/^修订记录：2026年11月12日，\S+：更正第二项议题第二项任务的完成时限/);
    // What changed, in words: the decision's number in the table above, the dates as printed.
    expect(amendment?.text).toContain('改动：第5项决定的完成时限：2026年12月15日 → 2026年12月31日。');
  });
});
