export function isExternal(id: string): boolean;
export function buildElectron(options?: { outDir?: string }): Promise<string[]>;
