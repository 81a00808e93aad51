// Word export of the long meeting (40 attendees, 20 items, 60 decisions) against a bare docx
// document with the same number of paragraphs and table cells, built in the same run: the two
// alternate run by run, so load from elsewhere on the machine falls on both alike.
import JSZip from 'jszip';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { buildMinutesDocx } from '../shared/documents/minutes';
import { buildLongMeetingRecord } from '../shared/fixtures/longMeeting';
import { median, timeInterleaved, type BenchFigure } from './measure';

interface Shape {
  paragraphs: number;
  cells: number;
  charsPerParagraph: number;
}

async function shapeOf(bytes: Uint8Array): Promise<Shape> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const cells = (xml.match(/<w:tc>/g) ?? []).length;
  const paragraphs = (xml.match(/<w:p[ >]/g) ?? []).length;
  const text = (xml.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).join('').replace(/<[^>]+>/g, '');
  return {
    paragraphs: paragraphs - cells,
    cells,
    charsPerParagraph: Math.max(1, Math.round(text.length / Math.max(1, paragraphs))),
  };
}

function bareDocument(shape: Shape): Promise<Uint8Array> {
  const text = '议'.repeat(shape.charsPerParagraph);
  const columns = 6;
  const rows = Math.ceil(shape.cells / columns);
  const table = new Table({
    rows: Array.from(
      { length: rows },
      () =>
        new TableRow({
          children: Array.from({ length: columns }, () => new TableCell({ children: [new Paragraph(text)] })),
        }),
    ),
  });
  const paragraphs = Array.from({ length: shape.paragraphs }, () => new Paragraph({ children: [new TextRun(text)] }));
  return Packer.pack(new Document({ sections: [{ children: [...paragraphs, table] }] }), 'uint8array');
}

export async function benchDocx(runs = 21): Promise<BenchFigure[]> {
  const record = buildLongMeetingRecord();
  const shape = await shapeOf(await buildMinutesDocx(record));
  const [ours, bare] = await timeInterleaved(
    runs,
    5,
    () => buildMinutesDocx(record),
    () => bareDocument(shape),
  );
  const oursMedian = median(ours);
  const bareMedian = median(bare);
  return [
    {
      name: 'Word 纪要 export, long meeting (median)',
      value: oursMedian,
      unit: 'ms',
      target: '< 300 ms',
      ok: oursMedian < 300,
    },
    {
      name: `bare docx, ${shape.paragraphs} paragraphs + ${shape.cells} cells (median)`,
      value: bareMedian,
      unit: 'ms',
    },
    {
      name: 'ratio to bare docx',
      value: oursMedian / bareMedian,
      unit: '×',
      target: '≤ 1.2×',
      ok: oursMedian / bareMedian <= 1.2,
    },
  ];
}
