// The code the window needs before its first screen, in a few files instead of ~70 (issue 14).
//
// Left to itself the bundler cuts the start-up code into one chunk per set of screens sharing it:
// 68 files for the meeting list. A browser fetches at most six files at a time from a server, so
// `npm run web` and the bench spent ~300 ms of a ~830 ms start fetching them in rounds, and the
// app's code ran only after the last one came.
//
// What a screen needs is known only after tree-shaking (`import { Button } from 'antd'` names
// antd's whole index), so the build runs twice: a quick unminified pass whose chunks say which
// modules each start-up file needs, then the real build with those modules grouped. Screens
// opened later keep their own chunks, as before.

/**
 * @typedef {{ name: string, roots: RegExp[], shared?: boolean }} Layer
 * A layer is one start-up file: the modules of the chunk built from (or else holding) the module
 * matching each root and of every chunk it statically imports, less those of earlier layers.
 * `shared`: only the modules every root reaches (what two first screens have in common).
 *
 * @typedef {{ fileName: string, facadeModuleId: string | null, imports: readonly string[], moduleIds: readonly string[] }} ChunkInfo
 */

/**
 * The modules of the chunks `root`'s chunk loads before it runs.
 * @param {readonly ChunkInfo[]} chunks
 * @param {RegExp} root
 * @param {string} layer
 * @returns {Set<string>}
 */
function reachedFrom(chunks, root, layer) {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const first =
    chunks.find((c) => c.facadeModuleId !== null && root.test(c.facadeModuleId)) ??
    chunks.find((c) => c.moduleIds.some((id) => root.test(id)));
  if (!first) throw new Error(`start-up chunk "${layer}": no chunk holds a module matching ${root}`);
  const modules = new Set();
  const seen = new Set();
  const stack = [first.fileName];
  while (stack.length) {
    const file = /** @type {string} */ (stack.pop());
    const chunk = byFile.get(file);
    if (seen.has(file) || !chunk) continue;
    seen.add(file);
    stack.push(...chunk.imports);
    for (const id of chunk.moduleIds) modules.add(id);
  }
  return modules;
}

/**
 * The modules of each layer, in order: a module belongs to the first layer that reaches it.
 * Throws when no chunk holds a layer's root (a screen renamed): the grouping would otherwise be
 * lost without anyone noticing.
 * @param {readonly ChunkInfo[]} chunks
 * @param {readonly Layer[]} layers
 * @returns {Map<string, Set<string>>}
 */
export function layerModules(chunks, layers) {
  const taken = new Set();
  const result = new Map();
  for (const layer of layers) {
    const reached = layer.roots.map((root) => reachedFrom(chunks, root, layer.name));
    const candidates = layer.shared
      ? [...reached[0]].filter((id) => reached.every((r) => r.has(id)))
      : reached.flatMap((r) => [...r]);
    const own = new Set(candidates.filter((id) => !taken.has(id)));
    for (const id of own) taken.add(id);
    result.set(layer.name, own);
  }
  return result;
}

/**
 * The bundler's groups (`build.rolldownOptions.output.codeSplitting.groups`) for these layers,
 * earlier layers first. Each takes exactly its layer's modules: left to include their
 * dependencies, the 工作台's file took 144 modules of the meeting list's (antd's index names
 * them all), and the meeting list then loaded both screens.
 * @param {Map<string, Set<string>>} modules
 * @param {readonly Layer[]} layers
 */
export function layerGroups(modules, layers) {
  return layers.map((layer, i) => ({
    name: layer.name,
    priority: layers.length - i,
    includeDependenciesRecursively: false,
    /** @param {string} id */
    test: (id) => modules.get(layer.name)?.has(id) ?? false,
  }));
}

/**
 * Runs the quick first pass of the build (`firstPass`: Vite's build with this config, not
 * written, not minified) and returns the groups for the real one.
 * @param {() => Promise<unknown>} firstPass
 * @param {readonly Layer[]} layers
 */
export async function startUpGroups(firstPass, layers) {
  const output = await firstPass();
  const outputs = /** @type {{ output: { type: string }[] }[]} */ (Array.isArray(output) ? output : [output]);
  const chunks = /** @type {ChunkInfo[]} */ (
    /** @type {unknown} */ (outputs.flatMap((o) => o.output.filter((part) => part.type === 'chunk')))
  );
  return layerGroups(layerModules(chunks, layers), layers);
}
