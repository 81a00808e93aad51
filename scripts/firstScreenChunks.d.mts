export interface Layer {
  name: string;
  roots: RegExp[];
  shared?: boolean;
}

export interface ChunkInfo {
  fileName: string;
  facadeModuleId: string | null;
  imports: readonly string[];
  moduleIds: readonly string[];
}

export interface LayerGroup {
  name: string;
  priority: number;
  includeDependenciesRecursively: boolean;
  test: (id: string) => boolean;
}

export function layerModules(chunks: readonly ChunkInfo[], layers: readonly Layer[]): Map<string, Set<string>>;

export function layerGroups(modules: Map<string, Set<string>>, layers: readonly Layer[]): LayerGroup[];

export function startUpGroups(firstPass: () => Promise<unknown>, layers: readonly Layer[]): Promise<LayerGroup[]>;
