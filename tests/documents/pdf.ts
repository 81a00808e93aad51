import { run } from './tools';

/** Pages and positioned words of a PDF, from poppler's pdftotext -bbox-layout. */

export interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function readPages(pdfFile: string): Page[] {
  const { status, stdout, stderr } = run('pdftotext', ['-bbox-layout', pdfFile, '-']);
  if (status !== 0) throw new Error(`pdftotext failed: ${stderr}`);
  return [...stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    words: [
      ...(m[3] as string).matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((w) => ({
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: decode(w[5] as string),
    })),
  }));
}

/** Text without the spaces the PDF's layout puts between CJK characters, digits and lines. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A page's text in reading order (top to bottom, then left to right), without spaces. */
export function pageText(page: Page, filter: (w: Word) => boolean = () => true): string {
  const words = page.words.filter(filter);
  words.sort((a, b) => (Math.abs(a.y0 - b.y0) < 2 ? a.x0 - b.x0 : a.y0 - b.y0));
  return squash(words.map((w) => w.text).join(''));
}

export function pageSizes(pdfFile: string): string[] {
  const { stdout } = run('pdfinfo', ['-f', '1', '-l', '9999', pdfFile]);
  return [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+ pts)/g)].map((m) => m[1] as string);
}
