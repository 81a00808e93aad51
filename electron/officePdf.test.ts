import { describe, expect, it } from 'vitest';
import { buildMinutesDocx } from '../shared/documents';
import { sampleSignedRedBenchRecord } from '../shared/fixtures/testRecord';
import {
  conversionArgs,
  convertDocxToPdf,
  isPdf,
  nodeOfficeEffects,
  officeCandidates,
  type OfficeEffects,
} from './officePdf';

const PDF = new TextEncoder().encode('%PDF-1.7 fake');

/** Effects over a map of files; `convert` decides what the office leaves behind. */
function fakeEffects(office: string | null, convert: (files: string[]) => Record<string, Uint8Array>, ok = true) {
  const files = new Map<string, Uint8Array>();
  const calls: { executable: string; args: readonly string[] }[] = [];
  let removed = 0;
  const effects: OfficeEffects = {
    findExecutable: async () => office,
    makeTempDir: async () => '/tmp/yishi-pdf-x',
    writeFile: async (f, b) => void files.set(f, b),
    readFile: async (f) => files.get(f) ?? null,
    removeDir: async () => void removed++,
    run: async (executable, args) => {
      calls.push({ executable, args });
      for (const [f, b] of Object.entries(convert(args.filter((a) => a.endsWith('.docx'))))) files.set(f, b);
      return { ok, output: ok ? '' : 'Error: source file could not be loaded' };
    },
  };
  return { effects, calls, files, removed: () => removed };
}

const toPdfs = (files: string[]) => Object.fromEntries(files.map((f) => [f.replace(/\.docx$/, '.pdf'), PDF]));

describe('the 纪要 as PDF through the desktop office suite', () => {
  it('converts every document in one start of the office, in order, and cleans up', async () => {
    const fake = fakeEffects('/usr/bin/soffice', toPdfs);
    const result = await convertDocxToPdf([new Uint8Array([1]), new Uint8Array([2])], fake.effects, ['soffice']);
    expect(result).toEqual({ status: 'converted', pdfs: [PDF, PDF] });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.args.filter((a) => a.endsWith('.docx'))).toEqual([
      '/tmp/yishi-pdf-x/minutes-001.docx',
      '/tmp/yishi-pdf-x/minutes-002.docx',
    ]);
    expect(fake.removed()).toBe(1);
  });

  it('says unavailable without an office suite, and when any document fails (never a partial set)', async () => {
    expect(await convertDocxToPdf([new Uint8Array([1])], fakeEffects(null, toPdfs).effects, ['soffice'])).toEqual({
      status: 'unavailable',
      reason: 'noOffice',
    });
    const oneMissing = fakeEffects('/usr/bin/soffice', (files) => toPdfs(files.slice(0, 1)));
    const result = await convertDocxToPdf([new Uint8Array([1]), new Uint8Array([2])], oneMissing.effects, ['soffice']);
    expect(result.status).toBe('unavailable');
    expect(oneMissing.removed()).toBe(1);
    const notPdf = fakeEffects('/usr/bin/soffice', (files) =>
      Object.fromEntries(files.map((f) => [f.replace(/\.docx$/, '.pdf'), new TextEncoder().encode('<html>')])),
    );
    expect((await convertDocxToPdf([new Uint8Array([1])], notPdf.effects, ['soffice'])).status).toBe('unavailable');
    const crashed = fakeEffects('/usr/bin/soffice', toPdfs, false);
    expect(await convertDocxToPdf([new Uint8Array([1])], crashed.effects, ['soffice'])).toMatchObject({
      status: 'unavailable',
      reason: 'failed',
    });
  });

  it('runs headless with its own profile, so an office the user has open is left alone', () => {
    const args = conversionArgs('/tmp/d', ['/tmp/d/minutes-001.docx']);
    expect(args).toEqual(expect.arrayContaining(['--headless', '-env:UserInstallation=file:///tmp/d/profile']));
    expect(conversionArgs('C:\\T\\d', [])).toContain('-env:UserInstallation=file:///C:/T/d/profile');
    expect(officeCandidates('win32', { ProgramFiles: 'D:\\Apps' })).toContain(
      'D:\\Apps\\LibreOffice\\program\\soffice.exe',
    );
    expect(officeCandidates('linux')[0]).toBe('soffice');
  });

  it('converts a real 纪要 with the LibreOffice of this machine', async (context) => {
    const effects = nodeOfficeEffects();
    const candidates = officeCandidates(process.platform);
    if (!(await effects.findExecutable(candidates))) {
      console.log('skipped: no LibreOffice (soffice) on this machine');
      context.skip();
    }
    const docx = await buildMinutesDocx(await sampleSignedRedBenchRecord());
    const result = await convertDocxToPdf([docx], effects, candidates);
    if (result.status !== 'converted') throw new Error(`not converted: ${JSON.stringify(result)}`);
    expect(isPdf(result.pdfs[0]!)).toBe(true);
    expect(result.pdfs[0]!.byteLength).toBeGreaterThan(5_000);
  }, 180_000);
});
