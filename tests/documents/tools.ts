import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the external tools and data of the document tests are, and why a test must skip. */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The machine's shared folder (schemas, fonts) sits beside the repository: ../shared. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const schemaFile = path.join(sharedDir, 'ooxml-schemas', 'microsoft', 'wml-2010.xsd');
/** ECMA-376's schemas of docProps/app.xml and docProps/custom.xml. */
export const propertySchemas = {
  app: path.join(sharedDir, 'ooxml-schemas', 'ISO-IEC29500-4_2016', 'shared-documentPropertiesExtended.xsd'),
  custom: path.join(sharedDir, 'ooxml-schemas', 'ISO-IEC29500-4_2016', 'shared-documentPropertiesCustom.xsd'),
};
export const fontsConf = path.join(sharedDir, 'fonts', 'fonts.conf');

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** Null when everything is there, else the reason to skip, printed so CI logs say why. */
export function missing(what: Array<{ command?: string; file?: string }>): string | null {
  const gone = what.flatMap((w) =>
    w.command && !hasCommand(w.command) ? [w.command] : w.file && !existsSync(w.file) ? [w.file] : [],
  );
  if (gone.length === 0) return null;
  const reason = `skipped: ${gone.join(', ')} not found`;
  console.log(reason);
  return reason;
}

export function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
