/**
 * A small WordprocessingML writer for the body of the app's documents: paragraphs, runs, ruled
 * tables and inline pictures, written straight to XML text.
 *
 * Why not docx's own objects for the body: docx builds an object tree per element and prepares
 * it for XML in several passes, which made a long 纪要 cost three times a plain document of the
 * same size. docx still writes the package around the body (styles, settings, theme, footers,
 * properties); see document.ts for how the two are put together.
 *
 * Element order inside pPr, rPr, tblPr and tcPr follows the schema (wml.xsd); the schema test
 * validates every document the app writes.
 */

/** Body XML (paragraphs and tables) with what it needs from the package: pictures and lists. */
export interface BodyBlock {
  readonly xml: string;
  readonly images?: readonly ImagePart[];
  readonly lists?: readonly ListDefinition[];
}

/** A picture in the package; `key` stands in for its relationship id until the package is packed. */
export interface ImagePart {
  readonly key: string;
  readonly type: 'png' | 'jpg';
  readonly bytes: Uint8Array;
}

/** One list in the text: its own w:num, numbered from `start` (ordered) or bulleted. */
export interface ListDefinition {
  readonly numId: number;
  readonly ordered: boolean;
  readonly start: number;
  /** A space between number and text, for a list whose items begin with digits: 1. 12月20日前, not 1.12月20日前. */
  readonly separated?: boolean;
}

// Characters XML 1.0 does not allow, which must never reach document.xml: C0 controls but tab, LF
// and CR; U+FFFE/U+FFFF; and lone surrogate halves (pasted text sometimes carries them).
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A string with what XML cannot hold taken out: for text handed to others to write (docx's core.xml). */
export function xmlSafe(value: string): string {
  return value.replace(INVALID_XML, '');
}

export function escapeText(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A whole number as the schema's decimal types want it: rounded, within [min, max], and never in
 * exponent form (String(1e23) is "1e+23", which no reader accepts). Anything not a finite number
 * gives `min` clamped to 0.
 */
export function decimal(value: number, min = -2147483648, max = 2147483647): string {
  if (!Number.isFinite(value)) return String(Math.min(Math.max(0, min), max));
  return String(Math.min(Math.max(Math.round(value), min), max));
}

export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

export interface FontSpec {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  hint?: 'eastAsia';
}

export interface RunProps {
  font?: FontSpec;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  underline?: boolean;
  vertAlign?: 'superscript' | 'subscript';
}

/** Text in one formatting; "\n" is a line break and "\t" a tab. A `break` starts it on a new line. */
export interface TextInline {
  text: string;
  props?: RunProps;
  break?: boolean;
}

export interface PictureInline {
  picture: ImagePart;
  /** Size on the page in pixels at 96 dpi, as Word counts them. */
  width: number;
  height: number;
  name: string;
  description: string;
  title: string;
}

export type Inline = TextInline | PictureInline;

export function text(value: string, props?: RunProps): TextInline {
  return props ? { text: value, props } : { text: value };
}

function rPr(p: RunProps | undefined): string {
  if (!p) return '';
  let x = '';
  if (p.font) {
    const f = p.font;
    x += `<w:rFonts w:ascii="${escapeAttr(f.ascii)}" w:cs="${escapeAttr(f.cs)}" w:eastAsia="${escapeAttr(f.eastAsia)}" w:hAnsi="${escapeAttr(f.hAnsi)}"${f.hint ? ` w:hint="${f.hint}"` : ''}/>`;
  }
  if (p.bold) x += '<w:b/><w:bCs/>';
  if (p.italics) x += '<w:i/><w:iCs/>';
  if (p.strike) x += '<w:strike/>';
  if (p.color) x += `<w:color w:val="${escapeAttr(p.color)}"/>`;
  if (p.size) x += `<w:sz w:val="${decimal(p.size, 2, 3276)}"/><w:szCs w:val="${decimal(p.size, 2, 3276)}"/>`;
  if (p.underline) x += '<w:u w:val="single"/>';
  if (p.vertAlign) x += `<w:vertAlign w:val="${p.vertAlign}"/>`;
  return x ? `<w:rPr>${x}</w:rPr>` : '';
}

/** The run content of a text: w:t pieces with w:br for "\n" and w:tab for "\t". */
function runContent(value: string): string {
  let x = '';
  for (const [i, line] of value.split('\n').entries()) {
    if (i > 0) x += '<w:br/>';
    for (const [j, piece] of line.split('\t').entries()) {
      if (j > 0) x += '<w:tab/>';
      if (piece) x += `<w:t xml:space="preserve">${escapeText(piece)}</w:t>`;
    }
  }
  return x;
}

function textRun(inline: TextInline): string {
  const content = runContent(inline.text);
  return `<w:r>${rPr(inline.props)}${inline.break ? '<w:br/>' : ''}${content || (inline.break ? '' : '<w:t xml:space="preserve"></w:t>')}</w:r>`;
}

const EMU_PER_PIXEL = 9525;

/** An inline picture as Word writes one (DrawingML); docPr ids are numbered when the package is packed. */
function pictureRun(p: PictureInline): string {
  // ST_PositiveCoordinate: at most 27273042316900 EMU.
  const cx = decimal(p.width * EMU_PER_PIXEL, 0, 27273042316900);
  const cy = decimal(p.height * EMU_PER_PIXEL, 0, 27273042316900);
  const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    `<wp:docPr id="${DOCPR_ID}" name="${escapeAttr(p.name)}" descr="${escapeAttr(p.description)}" title="${escapeAttr(p.title)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${a}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="${escapeAttr(p.name)}"/>` +
    `<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${imageToken(p.picture.key)}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/**
 * Stand-ins the packer replaces: a control character cannot come from escaped user text, so these
 * can never be confused with what someone typed.
 */
export const DOCPR_ID = '\u0001docPr\u0001';
// eslint-disable-next-line no-control-regex -- the stand-in is made of a control character on purpose
export const IMAGE_TOKEN = /\u0001img:([^\u0001]+)\u0001/g;
function imageToken(key: string): string {
  return `\u0001img:${key}\u0001`;
}

export type Align = 'left' | 'center' | 'right' | 'both';

/** A paragraph border line: size in eighths of a point, space in points. */
export interface BorderSpec {
  size: number;
  color: string;
  space: number;
}

export interface ParagraphProps {
  style: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  numbering?: { numId: number; level: number };
  borderTop?: BorderSpec;
  borderBottom?: BorderSpec;
  /** Set in a frame this wide at the foot of the 版心 on the page where it falls, text kept clear of it. */
  atPageBottom?: { width: number };
  /** Tab stops: `left` ones, then the right-aligned one. */
  leftTab?: number;
  rightTab?: number;
  spacing?: { before?: number; after?: number; line?: number; lineRule?: 'auto' | 'exact' | 'atLeast' };
  indent?: { left?: number; right?: number; hanging?: number; firstLine?: number; firstLineChars?: number };
  align?: Align;
}

function attrs(values: Record<string, number | string | undefined>): string {
  let x = '';
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) x += ` w:${name}="${typeof value === 'number' ? decimal(value) : escapeAttr(value)}"`;
  return x;
}

function pPr(p: ParagraphProps): string {
  let x = `<w:pStyle w:val="${escapeAttr(p.style)}"/>`;
  if (p.keepNext) x += '<w:keepNext/>';
  if (p.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (p.atPageBottom)
    x += `<w:framePr w:w="${decimal(p.atPageBottom.width, 0)}" w:wrap="around" w:vAnchor="margin" w:hAnchor="margin" w:xAlign="center" w:yAlign="bottom"/>`;
  if (p.numbering)
    x += `<w:numPr><w:ilvl w:val="${decimal(p.numbering.level, 0, 8)}"/><w:numId w:val="${decimal(p.numbering.numId, 0)}"/></w:numPr>`;
  if (p.borderTop || p.borderBottom) {
    const line = (side: string, b: BorderSpec | undefined) =>
      b
        ? `<w:${side} w:val="single" w:color="${escapeAttr(b.color)}" w:sz="${decimal(b.size, 2, 96)}" w:space="${decimal(b.space, 0, 31)}"/>`
        : '';
    x += `<w:pBdr>${line('top', p.borderTop)}${line('bottom', p.borderBottom)}</w:pBdr>`;
  }
  if (p.leftTab !== undefined || p.rightTab !== undefined) {
    const tab = (kind: string, pos: number | undefined) =>
      pos === undefined ? '' : `<w:tab w:val="${kind}" w:pos="${decimal(pos)}"/>`;
    x += `<w:tabs>${tab('left', p.leftTab)}${tab('right', p.rightTab)}</w:tabs>`;
  }
  if (p.spacing) x += `<w:spacing${attrs(p.spacing)}/>`;
  if (p.indent) x += `<w:ind${attrs(p.indent)}/>`;
  if (p.align) x += `<w:jc w:val="${p.align}"/>`;
  return `<w:pPr>${x}</w:pPr>`;
}

/** The XML of one paragraph, for table cells and for joining into a block. */
export function paragraphXml(props: ParagraphProps, inlines: readonly Inline[]): string {
  let runs = '';
  for (const inline of inlines) runs += 'picture' in inline ? pictureRun(inline) : textRun(inline);
  return `<w:p>${pPr(props)}${runs}</w:p>`;
}

function picturesOf(inlines: readonly Inline[]): ImagePart[] | undefined {
  const pictures = inlines.flatMap((i) => ('picture' in i ? [i.picture] : []));
  return pictures.length > 0 ? pictures : undefined;
}

export function paragraph(props: ParagraphProps, inlines: readonly Inline[] = []): BodyBlock {
  const images = picturesOf(inlines);
  return images ? { xml: paragraphXml(props, inlines), images } : { xml: paragraphXml(props, inlines) };
}

/** What some blocks need from the package (their pictures and lists), without their XML. */
export function partsOf(blocks: readonly BodyBlock[]): Omit<BodyBlock, 'xml'> {
  const images: ImagePart[] = [];
  const lists: ListDefinition[] = [];
  for (const b of blocks) {
    if (b.images) images.push(...b.images);
    if (b.lists) lists.push(...b.lists);
  }
  return { ...(images.length ? { images } : {}), ...(lists.length ? { lists } : {}) };
}

/** Several blocks as one: their XML in order, and everything they need. */
export function joinBlocks(blocks: readonly BodyBlock[]): BodyBlock {
  let xml = '';
  for (const b of blocks) xml += b.xml;
  return { xml, ...partsOf(blocks) };
}
