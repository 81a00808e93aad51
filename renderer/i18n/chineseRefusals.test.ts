import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A refusal written as a Chinese sentence in the data layer or the rules reaches an English
 * screen in Chinese. Refusals are codes (shared/codedRefusal.ts) worded per locale; this scan finds
 * the Chinese sentences still thrown, returned as a message or given to a schema as its message.
 * The matters register (repositories, rules, import, disputes, photos) has none left; the list
 * below is what remains elsewhere (or is not a refusal: dates in Chinese, schema fallbacks), and may
 * only shrink — a new Chinese refusal fails here and is written as a code instead.
 */
const STILL_CHINESE: Record<string, number> = {
  'renderer/data/repos/followupRepo.ts': 1,
  'shared/bridge.ts': 6,
  'shared/dates.ts': 4,
  'shared/settings.ts': 1,
  'shared/domain/meeting.ts': 2,
  'shared/domain/org.ts': 1,
  'shared/domain/person.ts': 6,
  'shared/domain/vote.ts': 1,
  'shared/escalation/ladder.ts': 4,
  'shared/escalation/standing.ts': 2,
  'shared/evidence/attachment.ts': 10,
  'shared/filing/review.ts': 1,
  'shared/followup/access.ts': 2,
  'shared/followup/board.ts': 1,
  'shared/followup/state.ts': 1,
  // Schema messages of 当事人 / 调解 fields and of points (shown through firstIssueMessage).
  'shared/matters/disputes.ts': 4,
  'shared/matters/points.ts': 2,
  'shared/meeting/file.ts': 1,
  'shared/meeting/schedule.ts': 1,
  'shared/meeting/startDay.ts': 1,
  'shared/publicity/evaluation.ts': 1,
  'shared/publicity/notice.ts': 7,
  'shared/publicity/satisfaction.ts': 2,
  'shared/signing/keyProtection.ts': 2,
  'shared/validation/difference.ts': 2,
  'shared/validation/json.ts': 6,
  'shared/validation/messages.ts': 10,
};

const CJK = '[\\u4e00-\\u9fff]';
const TEXT = '[`\'"][^`\'"]*' + CJK;
const REFUSING = [
  new RegExp(`throw new \\w+\\(\\s*${TEXT}`),
  new RegExp(`new MatterRefused\\(\\s*${TEXT}`),
  new RegExp(`\\bmessage:\\s*${TEXT}`),
  new RegExp(`\\breturn\\s+${TEXT}`),
  new RegExp(`\\.(min|max|length|regex|refine|superRefine|int|positive|nonnegative)\\([^;]*,\\s*${TEXT}`),
];
// Official documents, demo data and amendment sentences are Chinese in every locale.
const CHINESE_BY_DESIGN = /^shared\/(documents|demo|fixtures)\/|changeWords\.ts$/;

const root = path.resolve(__dirname, '../..');
function sources(): string[] {
  return ['renderer/data', 'shared']
    .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !CHINESE_BY_DESIGN.test(f))
    .sort();
}

function chineseRefusals(file: string): number {
  return readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*)/.test(line) && REFUSING.some((p) => p.test(line))).length;
}

describe('Chinese refusals left in the data layer and the rules', () => {
  it('finds what it looks for (a Chinese throw, message and schema message)', () => {
    expect(REFUSING.some((p) => p.test("throw new MatterRefused('请写明上报原因');"))).toBe(true);
    expect(REFUSING.some((p) => p.test("    return { ok: false, message: '请先选择照片或文件' };"))).toBe(true);
    expect(REFUSING.some((p) => p.test("  name: z.string().min(1, '请填写姓名'),"))).toBe(true);
    expect(REFUSING.some((p) => p.test("throw new MatterRefused(matterRefusal('matterMissing'));"))).toBe(false);
  });

  it('has none in the matters register and only the known ones elsewhere', () => {
    const found = Object.fromEntries(sources().flatMap((f) => (chineseRefusals(f) ? [[f, chineseRefusals(f)]] : [])));
    expect(found).toEqual(STILL_CHINESE);
  });
});
