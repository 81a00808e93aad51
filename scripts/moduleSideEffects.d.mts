export function ourModuleSideEffects(id: string): boolean | undefined;
