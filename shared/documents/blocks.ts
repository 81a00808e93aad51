import { CHAR, FONT, GRID, RED, SIZE, STYLE, TEXT_WIDTH, font, mmToTwip } from './style';
import { charWidths, textWidthChars } from './measure';
import { paragraph, text, type BodyBlock, type Inline, type PictureInline } from './wml';

/** The paragraphs every document is made of, laid out as GB/T 9704-2012 places them. */

/** Largest and smallest size of the 纪要标志, in points. */
const MASTHEAD_PT = { max: 36, min: 22, oneLineMin: 26 } as const;

/**
 * The red 纪要标志 (§10.3): centred 小标宋, its top 35 mm under the 版心's top edge. It stays on one
 * line, shrinking down to 26 pt for a long name; longer still, the issuer and the kind of minutes
 * take a line each (中共…委员会 / 议事协商会议纪要), as two-line 版头 are set — an issuer too long for
 * one line at 22 pt in balanced lines of its own. Widths are measured per character class
 * (measure.ts): R&D<ONE> or capitals are wider than half a Chinese character.
 */
export function masthead(issuer: string, kind: string): BodyBlock {
  const usable = TEXT_WIDTH / 20 - 8; // points, with a margin for the readers' rounding
  const fit = (text: string) => Math.floor(usable / Math.max(textWidthChars(text), 1));
  const oneLine = fit(issuer + kind) >= MASTHEAD_PT.oneLineMin;
  const lines = oneLine ? [issuer + kind] : [...balancedLines(issuer, usable / MASTHEAD_PT.min), kind];
  const pt = Math.max(MASTHEAD_PT.min, Math.min(MASTHEAD_PT.max, ...lines.map(fit)));
  const line = Math.round(pt * 20 * 1.25);
  return paragraph(
    {
      style: STYLE.masthead,
      spacing: { before: mmToTwip(35) - Math.round((line - pt * 20) / 2), after: 0, line, lineRule: 'exact' },
    },
    lines.map((t, i) => ({ text: t, props: { size: pt * 2 }, ...(i > 0 ? { break: true } : {}) })),
  );
}

const BREAK_AFTER = new Set(['、', '，', '的', '和', '与', '及', '期', ' ']);

/** How much a break between two characters costs, in ems off the ideal: inside a Latin word or a number most. */
function breakCost(before: string, after: string): number {
  if (BREAK_AFTER.has(before)) return 0;
  if (/[A-Za-z0-9&<>]/.test(before) && /[A-Za-z0-9&<>]/.test(after)) return 12;
  return 3;
}

/** `text` in `count` lines of about equal width, each breaking where it costs least. */
function splitInto(chars: readonly string[], at: readonly number[], capacity: number, count: number): string[] {
  const total = at[chars.length] as number;
  const lines: string[] = [];
  let start = 0;
  for (let line = 1; line < count && start < chars.length; line++) {
    const target = (total * line) / count;
    let end = start + 1;
    let bestScore = Infinity;
    for (let i = start + 1; i < chars.length && (at[i] as number) - (at[start] as number) <= capacity; i++) {
      const score = Math.abs((at[i] as number) - target) + breakCost(chars[i - 1] as string, chars[i] as string);
      if (score < bestScore) [end, bestScore] = [i, score];
    }
    lines.push(chars.slice(start, end).join('').trimEnd());
    start = end;
  }
  lines.push(chars.slice(start).join('').trimStart());
  return lines;
}

/**
 * Splits a title into lines of about equal width, breaking after 、，的 and the like where it can
 * and never inside a Latin word or a number when it need not, so a wrapped title keeps its words
 * whole and stands symmetric (§7.3.2), never with one word left alone on the last line.
 */
export function balancedLines(text: string, capacity: number): string[] {
  const chars = [...text];
  // at[i]: the width of the first i characters.
  const at = [0];
  for (const w of charWidths(text)) at.push((at.at(-1) as number) + w);
  const total = at[chars.length] as number;
  if (total <= capacity) return [text];
  const widthOf = (line: string) => textWidthChars(line);
  // Breaking at the best places can leave the last line too long: then one line more.
  for (let count = Math.ceil(total / capacity); count < chars.length; count++) {
    const lines = splitInto(chars, at, capacity, count);
    if (lines.every((l) => widthOf(l) <= capacity)) return lines;
  }
  return chars;
}

/** 期数 under the mark: 2026年第7期. */
export function issueNumberLine(line: string): BodyBlock {
  return paragraph({ style: STYLE.plain, spacing: { before: GRID.linePitch }, align: 'center' }, [text(line)]);
}

/**
 * The issuer on the left and the date on the right, one character in from each side, with the
 * red separator 4 mm under them, as wide as the 版心 (§7.2.5).
 */
export function issuerLine(issuer: string, date: string): BodyBlock {
  return paragraph(
    {
      style: STYLE.plain,
      borderBottom: { size: 18, color: RED, space: 11 },
      rightTab: TEXT_WIDTH - CHAR,
      indent: { left: CHAR, right: CHAR },
    },
    [text(issuer), text(`\t${date}`)],
  );
}

/** The title: 2号小标宋 in balanced lines, two lines under the red line, one line above the text;
 * tight (sheets, where every row counts) leaves out both. */
export function title(value: string, options: { first?: boolean; tight?: boolean } = {}): BodyBlock {
  const lines = balancedLines(value, Math.floor(TEXT_WIDTH / (SIZE.erHao * 10)));
  return paragraph(
    {
      style: STYLE.title,
      spacing: {
        before: options.tight ? 0 : options.first ? mmToTwip(10) : 2 * GRID.linePitch,
        after: options.tight ? 0 : GRID.linePitch,
      },
    },
    lines.map((line, i) => ({ text: line, ...(i > 0 ? { break: true } : {}) })),
  );
}

export function body(content: string | readonly Inline[], options: { keepNext?: boolean } = {}): BodyBlock {
  return paragraph(
    { style: STYLE.body, ...(options.keepNext ? { keepNext: true } : {}) },
    typeof content === 'string' ? [text(content)] : content,
  );
}

/** "一、…" in 黑体, "（一）…" in 楷体 — the numbers are written out, so Word and WPS print them alike. */
export function heading(level: 1 | 2, value: string): BodyBlock {
  return paragraph({ style: level === 1 ? STYLE.level1 : STYLE.level2 }, [text(value)]);
}

export function blankLine(): BodyBlock {
  return paragraph({ style: STYLE.plain });
}

/** A bold lead-in ("决议：") followed by the text, in one 正文 paragraph. */
export function leadParagraph(lead: string, value: string): BodyBlock {
  return body([text(lead, { font: font(FONT.heiTi) }), text(value)]);
}

/**
 * §10.3: "出席：" in 3号黑体 two characters in, then 单位+姓名 in 仿宋 separated by 、; wrapped lines
 * start under the first name, right after the full-width colon (a hanging indent).
 */
export function labelledList(label: string, items: readonly string[]): BodyBlock {
  const lead = `${label}：`;
  const leadChars = Math.ceil(textWidthChars(lead));
  return paragraph({ style: STYLE.plain, indent: { left: (2 + leadChars) * CHAR, hanging: leadChars * CHAR } }, [
    text(lead, { font: font(FONT.heiTi) }),
    text(items.join('、')),
  ]);
}

/**
 * 落款 without a seal (§7.3.5.2): the issuer two characters from the right, the date under it
 * starting two characters further right — or, when the date is the longer, the date two from the
 * right and the issuer moved left to match.
 */
export function signOff(issuer: string, date: string): BodyBlock[] {
  const issuerChars = textWidthChars(issuer);
  const dateChars = textWidthChars(date);
  const dateRight = Math.max(2, issuerChars - dateChars);
  const issuerRight = dateRight === 2 ? 4 + dateChars - issuerChars : 2;
  const line = (value: string, right: number, before = 0) =>
    paragraph(
      {
        style: STYLE.plain,
        keepNext: before > 0,
        spacing: { before },
        indent: { right: Math.round(right * CHAR) },
        align: 'right',
      },
      [text(value)],
    );
  return issuer
    ? [line(issuer, Math.max(2, issuerRight), 2 * GRID.linePitch), line(date, dateRight)]
    : [line(date, 2, 2 * GRID.linePitch)];
}

/** A small note line (小四), for captions under tables and the fingerprint. */
export function smallNote(
  value: string,
  options: { mono?: boolean; center?: boolean; before?: number } = {},
): BodyBlock {
  return paragraph(
    {
      style: STYLE.table,
      ...(options.before ? { spacing: { before: options.before } } : {}),
      align: options.center ? 'center' : 'left',
    },
    [text(value, options.mono ? { font: { ...font(FONT.mono), eastAsia: FONT.fangSong }, size: 16 } : undefined)],
  );
}

/** Like labelledList, one entry per paragraph: every entry after the first starts under the first. */
export function labelledLines(label: string, lines: readonly string[]): BodyBlock[] {
  const leadChars = Math.ceil(textWidthChars(`${label}：`));
  return lines.map((line, i) =>
    i === 0
      ? labelledList(label, [line])
      : paragraph({ style: STYLE.plain, indent: { left: (2 + leadChars) * CHAR } }, [text(line)]),
  );
}

/** A picture on a line of its own: single (auto) line spacing, since an exact line height crops it. */
export function imageParagraph(picture: PictureInline, options: { center?: boolean } = {}): BodyBlock {
  return paragraph(
    { style: STYLE.table, spacing: { line: 240, lineRule: 'auto' }, align: options.center ? 'center' : 'left' },
    [picture],
  );
}

/**
 * The 版记 (§7.4): the 印发机关 one character in on the left and "2026年7月16日印发" one character in
 * on the right, in 4号仿宋 between two thick lines (0.35 mm) as wide as the 版心, set at the foot of
 * the 版心 on the last page, so its lower line lies on the 版心's lower edge wherever the text ends.
 */
export function imprint(issuer: string, date: string): BodyBlock[] {
  const oneChar = SIZE.siHao * 10; // one 4号 character, in twips
  const thick = { size: 8, color: '000000', space: 1 }; // 1 pt
  const size = { size: SIZE.siHao };
  const framed = paragraph(
    {
      style: STYLE.plain,
      atPageBottom: { width: TEXT_WIDTH },
      borderTop: thick,
      borderBottom: thick,
      leftTab: oneChar,
      rightTab: TEXT_WIDTH - oneChar,
      spacing: { before: 0, after: 0, line: GRID.linePitch, lineRule: 'exact' },
    },
    [text(`\t${issuer}`, size), text(`\t${date}印发`, size)],
  );
  // LibreOffice anchors a framed paragraph to the paragraph after it: this 1 pt line keeps the
  // frame on the 纪要's last page when a 签字页 follows on a new page.
  const anchor = paragraph({ style: STYLE.plain, spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' } });
  return [framed, anchor];
}
