/**
 * The 纪要 as PDF, for the filing package "where the desktop can print one" (issue 13): through
 * the LibreOffice installed on this computer (Kylin and UOS ship it or WPS; Windows and macOS
 * where the user has it), so the PDF is the .docx as an office suite lays it out, not a second
 * rendering of the record. Without LibreOffice the package simply holds no PDF.
 *
 * Node only, no Electron: the effects are injected, and the real ones (nodeOfficeEffects) are
 * exercised by the tests where LibreOffice exists.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PdfConversion } from '../shared/bridge';

export interface OfficeEffects {
  /** The first of `candidates` that can be run: a bare name is looked up in PATH. */
  findExecutable(candidates: readonly string[]): Promise<string | null>;
  makeTempDir(): Promise<string>;
  writeFile(filePath: string, bytes: Uint8Array): Promise<void>;
  /** null when the file does not exist. */
  readFile(filePath: string): Promise<Uint8Array | null>;
  removeDir(dir: string): Promise<void>;
  run(executable: string, args: readonly string[], timeoutMs: number): Promise<{ ok: boolean; output: string }>;
}

/** Where LibreOffice's soffice is found on each platform, besides PATH. */
export function officeCandidates(platform: string, env: Record<string, string | undefined> = {}): string[] {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], 'C:\\Program Files', 'C:\\Program Files (x86)'];
    return [
      'soffice.exe',
      ...[...new Set(roots.filter((r): r is string => !!r))].map((r) => `${r}\\LibreOffice\\program\\soffice.exe`),
    ];
  }
  if (platform === 'darwin') return ['soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return [
    'soffice',
    'libreoffice',
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
  ];
}

/** A conversion of a month's 纪要 at once: one office start, a minute at most. */
export const CONVERSION_TIMEOUT_MS = 120_000;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function isPdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The office's arguments: headless, its own profile in the temporary folder (a LibreOffice the
 * user has open would otherwise take the request, or lock the profile), each document to PDF.
 */
export function conversionArgs(dir: string, files: readonly string[]): string[] {
  const profile = `file://${dir.startsWith('/') ? '' : '/'}${dir.replace(/\\/g, '/')}/profile`;
  return [
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--nodefault',
    `-env:UserInstallation=${profile}`,
    '--convert-to',
    'pdf',
    '--outdir',
    dir,
    ...files,
  ];
}

/** Each .docx as PDF, in order; every one converted, or none. */
export async function convertDocxToPdf(
  documents: readonly Uint8Array[],
  effects: OfficeEffects,
  candidates: readonly string[],
): Promise<PdfConversion> {
  if (documents.length === 0) return { status: 'converted', pdfs: [] };
  const office = await effects.findExecutable(candidates);
  if (!office) return { status: 'unavailable', reason: 'noOffice' };
  const dir = await effects.makeTempDir();
  try {
    // Numbered names: nothing of the record (titles, ids) becomes a path or an argument.
    const files = documents.map((_, i) => path.join(dir, `minutes-${String(i + 1).padStart(3, '0')}.docx`));
    await Promise.all(files.map((file, i) => effects.writeFile(file, documents[i]!)));
    const ran = await effects.run(office, conversionArgs(dir, files), CONVERSION_TIMEOUT_MS);
    const pdfs = await Promise.all(files.map((file) => effects.readFile(file.replace(/\.docx$/, '.pdf'))));
    if (!ran.ok || pdfs.some((pdf) => !pdf || !isPdf(pdf)))
      return { status: 'unavailable', reason: 'failed', detail: ran.output.slice(0, 500) };
    return { status: 'converted', pdfs: pdfs as Uint8Array[] };
  } finally {
    await effects.removeDir(dir).catch(() => undefined);
  }
}

/** The real effects, on Node's file system and processes. */
export function nodeOfficeEffects(env: NodeJS.ProcessEnv = process.env): OfficeEffects {
  const runnable = (file: string) =>
    access(file, constants.X_OK).then(
      () => true,
      () => false,
    );
  return {
    async findExecutable(candidates) {
      const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
      for (const candidate of candidates) {
        if (path.isAbsolute(candidate)) {
          if (await runnable(candidate)) return candidate;
          continue;
        }
        for (const dir of dirs) if (await runnable(path.join(dir, candidate))) return path.join(dir, candidate);
      }
      return null;
    },
    makeTempDir: () => mkdtemp(path.join(tmpdir(), 'yishi-pdf-')),
    writeFile: (file, bytes) => writeFile(file, bytes),
    readFile: (file) =>
      readFile(file).then(
        (b) => new Uint8Array(b),
        () => null,
      ),
    removeDir: (dir) => rm(dir, { recursive: true, force: true }),
    run: (executable, args, timeoutMs) =>
      new Promise((resolve) => {
        execFile(executable, [...args], { timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) =>
          resolve({ ok: !error, output: `${stdout}${stderr}${error ? ` ${error.message}` : ''}` }),
        );
      }),
  };
}
