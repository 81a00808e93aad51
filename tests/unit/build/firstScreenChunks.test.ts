import { describe, expect, it } from 'vitest';
import { layerGroups, layerModules, startUpGroups, type ChunkInfo } from '../../../scripts/firstScreenChunks.mjs';

// The bundler's own chunks of a small app: an entry that loads the app's code dynamically, two
// screens that share a table, and a dialog that the list loads on a click.
const chunk = (
  fileName: string,
  moduleIds: string[],
  imports: string[] = [],
  facadeModuleId: string | null = null,
) => ({
  fileName,
  facadeModuleId,
  imports,
  moduleIds,
});
const CHUNKS: ChunkInfo[] = [
  chunk('index.js', ['/app/entry.ts', '/app/screens.ts'], ['react.js'], '/app/index.html'),
  chunk('react.js', ['/nm/react/index.js']),
  chunk('main.js', ['/app/main.tsx', '/app/shell.tsx'], ['react.js', 'index.js', 'antd-core.js'], '/app/main.tsx'),
  chunk('antd-core.js', ['/nm/antd/button.js']),
  chunk('table.js', ['/nm/antd/table.js', '/nm/antd/pagination.js'], ['antd-core.js']),
  chunk(
    'workbench.js',
    ['/app/workbench/index.ts', '/app/workbench/Due.tsx'],
    ['table.js', 'main.js'],
    '/app/workbench/index.ts',
  ),
  // The list is also imported statically by another screen: no chunk of its own has it as facade.
  chunk('List-x.js', ['/app/meetings/List.tsx', '/app/meetings/listRepo.ts'], ['table.js', 'main.js']),
  chunk('dialog.js', ['/app/filing/Dialog.tsx', '/nm/fflate/index.js'], ['antd-core.js'], '/app/filing/Dialog.tsx'),
];
const WORKBENCH = /workbench[\\/]index\.ts$/;
const LIST = /meetings[\\/]List\.tsx$/;
const LAYERS = [
  { name: 'boot', roots: [/index\.html$/] },
  { name: 'app', roots: [/main\.tsx$/] },
  { name: 'screens', roots: [WORKBENCH, LIST], shared: true },
  { name: 'workbench', roots: [WORKBENCH] },
  { name: 'list', roots: [LIST] },
];
const sorted = (set: Set<string> | undefined) => [...(set ?? [])].sort();

describe('layerModules', () => {
  const layers = layerModules(CHUNKS, LAYERS);

  it('gives each start-up file the modules its root loads before running, less earlier files', () => {
    expect(sorted(layers.get('boot'))).toEqual(['/app/entry.ts', '/app/screens.ts', '/nm/react/index.js']);
    expect(sorted(layers.get('app'))).toEqual(['/app/main.tsx', '/app/shell.tsx', '/nm/antd/button.js']);
  });

  it('puts what both first screens load in one file, and leaves each screen its own', () => {
    expect(sorted(layers.get('screens'))).toEqual(['/nm/antd/pagination.js', '/nm/antd/table.js']);
    expect(sorted(layers.get('workbench'))).toEqual(['/app/workbench/Due.tsx', '/app/workbench/index.ts']);
    // Found by the chunk holding it, though it is no chunk's facade.
    expect(sorted(layers.get('list'))).toEqual(['/app/meetings/List.tsx', '/app/meetings/listRepo.ts']);
  });

  it('leaves out what is loaded later (dynamic imports)', () => {
    const all = [...layers.values()].flatMap((s) => [...s]);
    expect(all).not.toContain('/app/filing/Dialog.tsx');
    expect(all).not.toContain('/nm/fflate/index.js');
    expect(new Set(all).size).toBe(all.length); // no module in two files
  });

  it('refuses a root no chunk holds (a screen renamed), naming the file', () => {
    expect(() => layerModules(CHUNKS, [...LAYERS, { name: 'statistics', roots: [/StatisticsPage\.tsx$/] }])).toThrow(
      /"statistics".*StatisticsPage/,
    );
  });
});

describe('layerGroups and startUpGroups', () => {
  it('gives the bundler one group per layer, earlier layers first', async () => {
    const output = {
      output: [...CHUNKS.map((c) => ({ type: 'chunk', ...c })), { type: 'asset', fileName: 'app.css' }],
    };
    for (const passOutput of [output, [output]]) {
      const groups = await startUpGroups(async () => passOutput, LAYERS);
      expect(groups.map((g) => g.name)).toEqual(['boot', 'app', 'screens', 'workbench', 'list']);
      expect(groups.map((g) => g.priority)).toEqual([5, 4, 3, 2, 1]);
      const screens = groups.find((g) => g.name === 'screens')!;
      expect(screens.test('/nm/antd/table.js')).toBe(true);
      expect(screens.test('/app/workbench/Due.tsx')).toBe(false);
    }
  });

  it('captures nothing for a layer it does not know', () => {
    const [group] = layerGroups(new Map(), [{ name: 'app', roots: [/main/] }]);
    expect(group!.test('/app/main.tsx')).toBe(false);
  });
});
