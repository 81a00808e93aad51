import JSZip from 'jszip';

/** Reading the parts of a .docx in tests: enough XML handling for assertions, no DOM needed. */

export interface Docx {
  names: string[];
  xml(name: string): Promise<string>;
}

export async function openDocx(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    names: Object.keys(zip.files),
    async xml(name) {
      const file = zip.file(name);
      if (!file) throw new Error(`${name} is not in the document`);
      return file.async('string');
    },
  };
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of a piece of WordprocessingML: every w:t, a line break for every w:br. */
export function textOf(xml: string): string {
  const parts = xml.match(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>|<w:br\/>/g) ?? [];
  return parts.map((p) => (p === '<w:br/>' ? '\n' : decode(p.replace(/<[^>]+>/g, '')))).join('');
}

/** Top-level elements of a kind, nested ones kept inside their parent (w:tbl within w:tc and so on). */
export function elements(xml: string, tag: 'w:p' | 'w:tbl' | 'w:tr' | 'w:tc'): string[] {
  const out: string[] = [];
  const open = new RegExp(`<${tag}(?=[\\s>/])`, 'g');
  const any = new RegExp(`<${tag}(?=[\\s>/])|</${tag}>`, 'g');
  let match: RegExpExecArray | null;
  while ((match = open.exec(xml))) {
    any.lastIndex = match.index;
    let depth = 0;
    let m: RegExpExecArray | null;
    while ((m = any.exec(xml))) {
      depth += m[0].startsWith('</') ? -1 : 1;
      if (depth === 0) break;
    }
    const end = m ? m.index + m[0].length : xml.length;
    out.push(xml.slice(match.index, end));
    open.lastIndex = end;
  }
  return out;
}

export interface ParagraphInfo {
  style: string | undefined;
  text: string;
  xml: string;
}

/** The body's paragraphs outside tables, in order, with their style ids. */
export function paragraphs(documentXml: string): ParagraphInfo[] {
  const body = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return elements(body, 'w:p').map((p) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1],
    text: textOf(p),
    xml: p,
  }));
}

export function attribute(xml: string, element: string, name: string): string | undefined {
  return new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];
}
