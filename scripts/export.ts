// The logic of `npm run export` (scripts/export.mjs loads it through Vite, which runs TypeScript):
// meeting files in, Word documents out, built by the same shared/documents functions as the app.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DOCUMENT_KINDS,
  buildDocument,
  documentFileName,
  documentKindsFor,
  type DocumentKind,
} from '../shared/documents/index';
import type { MeetingStatus } from '../shared/domain/meeting';
import { readMeetingFile, type MeetingFileProblem } from '../shared/meeting/file';
import { fingerprintDifference } from '../shared/meeting/fingerprint';

export const USAGE = `用法 / Usage: npm run export -- <会议文件.json ...> [--out 目录] [--all]
  把议事厅导出的会议文件（yishi-meeting）生成 Word 文档。
  Writes Word documents from 议事厅 meeting files (format "yishi-meeting").
  --out DIR  写到该目录（默认：与会议文件同一目录） / write into DIR (default: next to each file)
  --all      另写会议通知、签到表、签字页、决议公示 / also the notice, sign-in sheet, signature sheet and resolution notice
  只写会议当前状态下可以出具的文档（与议事厅的“导出文件”菜单相同）：签字页和决议公示要在定稿之后。
  Writes only the documents the meeting's state allows (as the app's export menu does): the
  signature sheet and the resolution notice once the record is finalised.`;

export interface ExportArgs {
  files: string[];
  out?: string;
  all: boolean;
}

export function parseArgs(argv: readonly string[]): { ok: true; args: ExportArgs } | { ok: false; message: string } {
  const files: string[] = [];
  let out: string | undefined;
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--all') all = true;
    else if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg === '--out' ? argv[++i] : arg.slice('--out='.length);
      if (!out) return { ok: false, message: '--out 后面要写目录 / --out needs a directory' };
    } else if (arg === '--help' || arg === '-h') return { ok: false, message: '' };
    else if (arg.startsWith('-')) return { ok: false, message: `不认识的选项 / unknown option: ${arg}` };
    else files.push(arg);
  }
  if (files.length === 0) return { ok: false, message: '请给出至少一个会议文件 / give at least one meeting file' };
  return { ok: true, args: { files, ...(out ? { out } : {}), all } };
}

/** Why a file is refused, in Chinese for the secretary and English for everyone else. */
export function problemMessage(problem: MeetingFileProblem): string {
  switch (problem.code) {
    case 'tooLarge':
      return `文件超过 ${problem.maxMb} MB / the file is larger than ${problem.maxMb} MB`;
    case 'notJson':
      return '不是 JSON 文件 / not a JSON file';
    case 'notAMeetingFile':
      return '不是议事厅的会议文件 / not a 议事厅 meeting file (format "yishi-meeting")';
    case 'newerFormat':
      return `文件来自更新版本的议事厅（格式第 ${problem.formatVersion} 版），请先升级 / written by a newer 议事厅 (format ${problem.formatVersion}): update first`;
    case 'invalid':
      return `内容不符合格式：${problem.message} / invalid content at ${problem.path.join('.') || '(root)'}`;
    case 'notCanonical':
      return `已签署的记录不是规范的形式：${problem.message} / the signed record is not in its validated form at ${problem.path.join('.')}`;
    case 'tampered':
      return tamperedMessage(problem.stored, problem.computed);
    case 'malformed':
      return `文件内容有误：${problem.message} / malformed content (nesting, a number too large, or a noncharacter)`;
    case 'foreignExtras':
      return `签名或办理记录不属于这个会议：${problem.message} / signatures or follow-up rows of another meeting`;
    case 'attachmentDamaged':
      return `佐证材料“${problem.fileName}”已损坏 / the evidence file "${problem.fileName}" is damaged`;
  }
}

const KIND_NAMES: Record<DocumentKind, string> = {
  minutes: '纪要 / minutes',
  signatureSheet: '签字页 / signature sheet',
  notice: '会议通知 / notice',
  signInSheet: '签到表 / sign-in sheet',
  resolutionNotice: '决议公示 / resolution notice',
};

const STATUS_NAMES: Record<MeetingStatus, string> = {
  draft: '尚未开始 / not started',
  live: '正在进行 / in progress',
  closed: '已结束、尚未定稿 / closed, not finalised',
  finalised: '已定稿 / finalised',
  signed: '已签字 / signed',
  cancelled: '已取消 / cancelled',
};
/** Both fingerprints in full: cut short, two that differ further on would look the same. */
function tamperedMessage(stored: string, computed: string): string {
  const d = fingerprintDifference(stored, computed);
  if (d.from === 0)
    return '已签署的记录的修订链接不上，可能被改动过 / the amendments of the signed record do not chain up: it may have been altered';
  return [
    '已签署的记录与校验码不符，可能被改动过 / the signed record does not match its fingerprint: it may have been altered',
    `  文件中的校验码 / stored:   ${d.stored || '（无 / none）'}`,
    `  按内容计算   / computed: ${d.computed}`,
    `  从第 ${d.from} 位起不同 / they differ from character ${d.from}`,
  ].join('\n');
}

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

async function exportOne(file: string, args: ExportArgs, out: Output): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    out.error(`✗ ${file}：无法读取 / cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return false;
  }
  const reading = await readMeetingFile(text);
  if (!reading.ok) {
    out.error(`✗ ${file}：已拒绝 / refused — ${problemMessage(reading.problem)}`);
    return false;
  }
  const dir = args.out ?? path.dirname(file);
  await mkdir(dir, { recursive: true });
  const wanted: readonly DocumentKind[] = args.all ? DOCUMENT_KINDS : ['minutes'];
  const status = reading.record.meeting.status;
  const allowed = documentKindsFor(status);
  const note = reading.verification === 'unsigned' ? '（未签署 / unsigned）' : '（校验码一致 / fingerprint verified）';
  out.log(`${file} ${note}`);
  for (const kind of wanted.filter((k) => !allowed.includes(k)))
    out.log(
      `  未写出 / not written: ${KIND_NAMES[kind]} — 会议${STATUS_NAMES[status]}，此时不出具 / not issued at this stage`,
    );
  for (const kind of allowed.filter((k) => wanted.includes(k))) {
    const target = path.join(dir, documentFileName(reading.record, kind));
    await writeFile(target, await buildDocument(reading.record, kind));
    out.log(`  已写出 / wrote ${target}`);
  }
  return true;
}

/** Returns the exit code: 0 all written, 1 some file refused or unreadable, 2 a usage error. */
export async function main(
  argv: readonly string[],
  out: Output = { log: console.log, error: console.error },
): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.message) out.error(parsed.message);
    out.error(USAGE);
    return parsed.message ? 2 : 0;
  }
  let failed = 0;
  for (const file of parsed.args.files) if (!(await exportOne(file, parsed.args, out))) failed += 1;
  if (failed > 0) out.error(`${failed} 个文件未能导出 / ${failed} file(s) not exported`);
  return failed > 0 ? 1 : 0;
}
