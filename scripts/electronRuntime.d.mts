export const DOMESTIC_ELECTRON_MIRROR: string;

export type ElectronRuntime =
  { found: true; executable: string } | { found: false; reason: 'package-missing' | 'binary-missing'; checked: string };

export interface RuntimeFs {
  existsSync(file: string): boolean;
  readFileSync(file: string, encoding: 'utf8'): string;
}

export function platformExecutable(platform: string): string;
export function findElectronRuntime(
  rootDir: string,
  options?: { fs?: RuntimeFs; env?: Record<string, string | undefined>; platform?: string },
): ElectronRuntime;
export function runtimeMissingMessage(result: { checked?: string }): string;
