import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

// The renderer as `vite build` makes it (both passes, not written): what the window fetches
// before its first screen. Issue 14: a few files, and none of the libraries of later screens.
const root = path.resolve(__dirname, '../../..');
type Chunk = Rolldown.OutputChunk;

/** Libraries that belong to screens opened later (the editor, charts, Word, spreadsheets, zips, pinyin, QR, signing pad, drag and drop). */
const LATER = [
  '@tiptap',
  'prosemirror',
  'echarts',
  'zrender',
  'docx',
  'exceljs',
  'jszip',
  'fflate',
  'pinyin-pro',
  'qrcode',
  'signature_pad',
  '@dnd-kit',
];

let chunks: Chunk[] = [];

/** The chunk's file and every chunk it imports statically, transitively. */
function loadedWith(first: Chunk): Chunk[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Map<string, Chunk>();
  const stack = [first];
  while (stack.length) {
    const chunk = stack.pop()!;
    if (seen.has(chunk.fileName)) continue;
    seen.set(chunk.fileName, chunk);
    for (const file of chunk.imports) stack.push(byFile.get(file)!);
  }
  return [...seen.values()];
}

function screenChunk(pattern: RegExp): Chunk {
  const found = chunks.find((c) => c.moduleIds.some((id) => pattern.test(id)));
  if (!found) throw new Error(`no chunk holds ${pattern}`);
  return found;
}

describe('the start-up bundle', () => {
  beforeAll(async () => {
    // As `npm run build` runs it: under vitest NODE_ENV is "test", and React's JSX would be its development runtime.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const output = await build({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { write: false, minify: false, sourcemap: false },
    }).finally(() => {
      process.env.NODE_ENV = nodeEnv;
    });
    chunks = (Array.isArray(output) ? output : [output])
      .flatMap((o) => (o as Rolldown.RolldownOutput).output)
      .filter((part): part is Chunk => part.type === 'chunk');
  }, 120_000);

  const firstScreens = () => {
    const entry = chunks.find((c) => c.isEntry)!;
    const main = screenChunk(/renderer[\\/]main\.tsx$/);
    // A screen drawn with antd's components loads antd's providers with it (app/screens.ts).
    const antd = screenChunk(/renderer[\\/]app[\\/]antd[\\/]AntdProviders\.tsx$/);
    return {
      工作台: [entry, main, antd, screenChunk(/features[\\/]workbench[\\/]index\.ts$/)],
      会议: [entry, main, screenChunk(/features[\\/]meetings[\\/]MeetingsPage\.tsx$/)],
    };
  };

  it('fetches each first screen in at most six files', () => {
    for (const [screen, starts] of Object.entries(firstScreens())) {
      const files = new Set(starts.flatMap(loadedWith).map((c) => c.fileName));
      expect(files.size, `${screen}: ${[...files].join(', ')}`).toBeLessThanOrEqual(6);
    }
  });

  it('leaves the libraries of later screens out of the first screens', () => {
    for (const [screen, starts] of Object.entries(firstScreens())) {
      const modules = starts.flatMap(loadedWith).flatMap((c) => c.moduleIds);
      const early = modules.filter((id) => LATER.some((lib) => id.includes(`node_modules/${lib}`)));
      expect(early, screen).toEqual([]);
    }
  });

  it('draws the meeting list without antd: no antd component, style or provider before it', () => {
    const modules = firstScreens()
      .会议.flatMap(loadedWith)
      .flatMap((c) => c.moduleIds);
    // antd's prebuilt stylesheet is expected: its rules draw the plain parts.
    const antd = modules.filter(
      (id) => /node_modules[\\/](antd|@rc-component|@ant-design[\\/]cssinjs)[\\/]/.test(id) && !id.endsWith('.css'),
    );
    expect(antd).toEqual([]);
    // The plain frame and list are there, with antd's icons (plain SVG components).
    expect(modules.some((id) => id.includes('app/plain/PlainMenu'))).toBe(true);
  });

  it('keeps the editor, charts and Word export in chunks of their own', () => {
    const all = chunks.flatMap((c) => c.moduleIds);
    for (const lib of ['@tiptap', 'echarts', 'docx'])
      expect(all.some((id) => id.includes(`node_modules/${lib}`))).toBe(true);
  });
});
