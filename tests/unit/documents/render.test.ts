import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DECISION_TABLE_COLUMNS } from '../../../shared/documents/decisions';
import { buildDocument, buildMinutesDocx } from '../../../shared/documents/index';
import { MARGIN } from '../../../shared/documents/style';
import { columnWidths } from '../../../shared/documents/tables';
import { masthead } from '../../../shared/documents/blocks';
import { chineseDate, unitName } from '../../../shared/documents/wording';
import { formatChineseDate } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import type { MeetingRecord } from '../../../shared/meeting/record';
import { longRecord, signedRedBenchRecord } from '../../documents/fixtures';
import { pageSizes, pageText, readPages, squash, type Page, type Word } from '../../documents/pdf';
import { openDocx, textOf } from '../../documents/docxXml';
import { fontsConf, missing, run, tempDir } from '../../documents/tools';

/**
 * The documents as LibreOffice prints them: A4, every decision and attendee on paper, page
 * numbers where they belong, and no decisions-table row broken across two pages. LibreOffice runs
 * once for all the files; every assertion reads its PDFs.
 */

const skip = missing([{ command: 'soffice' }, { command: 'pdftotext' }, { command: 'pdfinfo' }, { file: fontsConf }]);

/** A key id as the signing key prints it: 6668-7AAD-F862-BD77. */
const KEY_ID = '66687aadf862bd77';

const NAMES = ['minutes', 'long', 'notice', 'signInSheet', 'resolutionNotice', 'latinName', 'spacedName'] as const;

/** Compound names a width estimate that counts every non-Chinese character as half gets wrong. */
const HOSTILE_NAMES = { latinName: 'R&D<ONE>国际社区', spacedName: 'GREEN PARK&CBD WEST' } as const;

function renamed(record: MeetingRecord, name: string): MeetingRecord {
  return { ...record, orgPath: [...record.orgPath.slice(0, -1), name] };
}
type Name = (typeof NAMES)[number];

let red: MeetingRecord;
let long: MeetingRecord;
const pdf: Partial<Record<Name, string>> = {};
const pages: Partial<Record<Name, Page[]>> = {};
/** The text each document holds, as written into its document.xml. */
const written: Partial<Record<Name, string>> = {};

beforeAll(async () => {
  if (skip) return;
  red = await signedRedBenchRecord();
  long = longRecord();
  const dir = tempDir('yishi-render-');
  const built: Record<Name, Uint8Array> = {
    minutes: await buildMinutesDocx(red, { appendSignatureSheet: true, signingKeyId: KEY_ID }),
    long: await buildMinutesDocx(long),
    notice: await buildDocument(red, 'notice'),
    signInSheet: await buildDocument(red, 'signInSheet'),
    resolutionNotice: await buildDocument(red, 'resolutionNotice'),
    latinName: await buildMinutesDocx(renamed(red, HOSTILE_NAMES.latinName)),
    spacedName: await buildMinutesDocx(renamed(red, HOSTILE_NAMES.spacedName)),
  };
  for (const name of NAMES) written[name] = textOf(await (await openDocx(built[name])).xml('word/document.xml'));
  const inputs = NAMES.map((name) => {
    const file = path.join(dir, `${name}.docx`);
    writeFileSync(file, built[name]);
    return file;
  });
  const profile = `file://${path.join(dir, 'profile')}`;
  const result = run(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...inputs,
    ],
    {
      FONTCONFIG_FILE: fontsConf,
    },
  );
  if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.stderr}`);
  for (const name of NAMES) {
    pdf[name] = path.join(dir, `${name}.pdf`);
    pages[name] = readPages(pdf[name] as string);
  }
}, 180_000);

const allText = (name: Name) => (pages[name] ?? []).map((p) => pageText(p)).join('');

/** The decisions table's columns on paper, from the widths the builder gives them. */
function columnOf(word: Word): number {
  const edges = columnWidths(DECISION_TABLE_COLUMNS.map((c) => c.weight)).reduce<number[]>(
    (acc, w) => [...acc, (acc.at(-1) as number) + w / 20],
    [MARGIN.left / 20],
  );
  const i = edges.findIndex((edge, k) => k > 0 && word.x0 >= (edges[k - 1] as number) - 1 && word.x1 <= edge + 1);
  return i - 1; // -1: a word across columns (body text), or outside the table
}

/** One column's text on a page, above the footer, top to bottom. */
function columnText(page: Page, column: number): string {
  const footerTop = page.height - MARGIN.bottom / 20;
  return pageText(page, (w) => w.y1 < footerTop && columnOf(w) === column);
}

function decisionFields(d: Decision): string[] {
  return [d.title, d.responsible.name, d.standard, formatChineseDate(d.deadline), d.supervisor.name].map(squash);
}

/** Pages that show the decisions table's header row (a page of its own or repeated). */
function tablePagesOf(list: Page[]): Page[] {
  return list.filter((p) => columnText(p, 0).includes('序号') && columnText(p, 3).includes('干到什么标准'));
}

/** Every decision's row, all five cells, on one page: the page of its title. */
function expectRowsWhole(list: Page[], decisions: readonly Decision[]): void {
  const tablePages = tablePagesOf(list);
  decisions.forEach((d, i) => {
    const fields = decisionFields(d);
    const home = tablePages.filter((p) => columnText(p, 1).includes(fields[0] as string));
    expect(home, `decision ${i + 1} (${d.title}) is on one page`).toHaveLength(1);
    const page = home[0] as Page;
    const cells = [2, 3, 4, 5].map((c) => columnText(page, c));
    fields.slice(1).forEach((field, k) => expect(cells[k], `decision ${i + 1}, column ${k + 2}`).toContain(field));
    const numbered = tablePages.filter((p) =>
      p.words.some((w) => columnOf(w) === 0 && w.text === String(i + 1) && w.y1 < p.height - MARGIN.bottom / 20),
    );
    expect(numbered, `序号 ${i + 1} on one page`).toHaveLength(1);
  });
}

/** The 版头's rows on page 1: the large words above the 期数, grouped by line. */
function mastheadRows(page: Page): Word[][] {
  const issue = page.words.find((w) => w.text.includes('期'));
  const big = page.words.filter((w) => w.y1 - w.y0 > 20 && (!issue || w.y1 <= issue.y0));
  const rows: Word[][] = [];
  for (const w of big.sort((a, b) => a.y0 - b.y0)) {
    const row = rows.find((r) => Math.abs((r[0] as Word).y0 - w.y0) < 4);
    if (row) row.push(w);
    else rows.push([w]);
  }
  return rows;
}

describe.skipIf(skip !== null)('the documents as printed (LibreOffice → PDF)', () => {
  it('prints every page on A4', () => {
    for (const name of NAMES) {
      const sizes = pageSizes(pdf[name] as string);
      expect(sizes.length, name).toBeGreaterThan(0);
      for (const size of sizes) expect(size).toMatch(/^595\.\d+ x 84[12](\.\d+)? pts$/);
    }
  });

  it('prints the mark, every decision with its four answers and every attendee on the 纪要', () => {
    const list = pages.minutes as Page[];
    expect(pageText(list[0] as Page)).toContain('帝纱富仕城小区红板凳议事会纪要');
    expectRowsWhole(list, red.decisions);
    const text = allText('minutes');
    for (const a of red.attendance) expect(text).toContain(a.name);
    expect(text).toContain(squash(`2026年7月15日19时`));
  });

  it('numbers every page — n —, odd pages on the right, even on the left', () => {
    for (const name of ['minutes', 'long'] as const) {
      (pages[name] as Page[]).forEach((page, i) => {
        const footer = page.words.filter((w) => w.y0 > page.height - MARGIN.bottom / 20);
        expect(squash(footer.map((w) => w.text).join('')), `${name} page ${i + 1}`).toBe(`—${i + 1}—`);
        const middle = (Math.min(...footer.map((w) => w.x0)) + Math.max(...footer.map((w) => w.x1))) / 2;
        if ((i + 1) % 2 === 1) expect(middle).toBeGreaterThan(page.width * 0.75);
        else expect(middle).toBeLessThan(page.width * 0.25);
      });
    }
  });

  it('keeps each of the long meeting’s 60 decision rows whole on one page, under a repeated header', () => {
    const list = pages.long as Page[];
    expect(long.decisions).toHaveLength(60);
    expectRowsWhole(list, long.decisions);
    // Every page the table runs over starts with its header: it is on as many pages as rows are.
    const tablePages = tablePagesOf(list);
    const rowPages = list.filter((p) => long.decisions.some((d) => columnText(p, 1).includes(squash(d.title))));
    expect(tablePages.length).toBeGreaterThan(3);
    expect(tablePages).toEqual(rowPages);
    const text = allText('long');
    for (const a of long.attendance) expect(text).toContain(a.name);
    expect(text).toContain('电子记录校验码');
  });

  it('prints the signing key id on the fingerprint’s page, right under the fingerprint', () => {
    const page = (pages.minutes as Page[]).find((p) => pageText(p).includes('电子记录校验码'));
    expect(page).toBeDefined();
    const text = pageText(page as Page);
    expect(text).toContain('签名密钥编号：6668-7AAD-F862-BD77');
    expect(text.indexOf('签名密钥编号')).toBeGreaterThan(text.indexOf('电子记录校验码'));
  });

  it('prints the notice, the sign-in sheet and the resolution notice', () => {
    expect(allText('notice')).toContain(squash(`定于${chineseDate(red.meeting.startAt)}（星期三）19时`));
    const signIn = allText('signInSheet');
    for (const a of red.attendance) expect(signIn).toContain(a.name);
    expect(allText('resolutionNotice')).toContain('公示期：2026年7月16日至2026年7月22日（共7天）');
    expectRowsWhole(pages.resolutionNotice as Page[], red.decisions);
  });

  it('keeps a 版头 with capitals, & and < > on the lines planned for it, inside the 版心', () => {
    for (const name of ['latinName', 'spacedName'] as const) {
      const record = renamed(red, HOSTILE_NAMES[name]);
      const planned = masthead(unitName(record), '红板凳议事会纪要').xml.split('<w:br/>').length;
      const page = (pages[name] as Page[])[0] as Page;
      const rows = mastheadRows(page);
      expect(rows.map((r) => squash(r.map((w) => w.text).join(''))).join(''), name).toBe(
        squash(`${unitName(record)}红板凳议事会纪要`),
      );
      expect(rows, name).toHaveLength(planned);
      for (const w of rows.flat()) {
        expect(w.x0, name).toBeGreaterThanOrEqual(MARGIN.left / 20 - 1);
        expect(w.x1, name).toBeLessThanOrEqual(page.width - MARGIN.right / 20 + 1);
      }
    }
  });

  it('sets the 版记 at the foot of the 纪要’s last page, under everything else on it', () => {
    for (const name of ['long', 'minutes'] as const) {
      const list = pages[name] as Page[];
      const page = list.find((p) => pageText(p).includes('印发')) as Page;
      expect(page, name).toBeDefined();
      const footerTop = page.height - MARGIN.bottom / 20;
      const imprint = page.words.filter((w) => w.text.includes('印发'));
      const lowest = Math.max(...page.words.filter((w) => w.y1 < footerTop).map((w) => w.y1));
      expect(imprint[0]?.y1, name).toBe(lowest);
      expect(footerTop - (imprint[0] as Word).y1, name).toBeLessThan(20); // on the 版心's lower edge
      expect(pageText(page)).toContain(squash('中共垦利街道胜兴社区委员会'));
    }
    // The 纪要 ends there: in the printout with the 签字页, that comes on the page after.
    const list = pages.minutes as Page[];
    const at = list.findIndex((p) => pageText(p).includes('印发'));
    expect(pageText(list[at + 1] as Page)).toContain('签字页');
  });

  it('prints every punctuation mark it holds: none lost where a line ends on one', () => {
    // LibreOffice hangs a closing mark that falls past a full line into the margin, and in a
    // justified paragraph does not draw it (7.4): a 。 or 、 would be missing from the paper.
    for (const name of ['long', 'minutes'] as const) {
      const printed = allText(name);
      for (const mark of ['。', '，', '、', '；', '：', '”', '！', '？']) {
        const count = (text: string) => text.split(mark).length - 1;
        expect(count(printed), `${name} ${mark}`).toBe(count(written[name] as string));
      }
    }
  });
});
