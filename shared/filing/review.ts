import { z } from 'zod';
import { canonicalJson } from '../meeting/fingerprint';
import { defaultSubtle, type Subtle } from '../signing/webcrypto';
import { fromBase64, toBase64 } from '../signing/bytes';
import { importPublicKey, type SigningKey } from '../signing/sign';
import { keyIdOf, keyIdSchema, SIGNATURE_BYTES } from '../signing/statement';
import { MAX_PACKAGE_PARTS, PACKAGE_PART_CHARS } from './packageParts';

/**
 * 审阅: what the reviewer's installation keeps of each filing it accepted (table `filings`), its
 * 审阅意见, and the small signed response file (审阅结果) the community imports to see the outcome
 * (kept there in table `filingResponses`).
 */

const text = (max: number) => z.string().min(1).max(max);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const REVIEW_OUTCOMES = ['reviewed', 'returned'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const reviewOpinionSchema = z
  .object({
    /** 已审阅 / 退回补正. */
    outcome: z.enum(REVIEW_OUTCOMES),
    /** Why it is returned (required then), or a remark. */
    reasons: z.string().trim().max(1000),
    at: text(40),
  })
  .strict()
  .refine((o) => o.outcome === 'reviewed' || o.reasons.length > 0, {
    message: '退回补正须写明理由',
    path: ['reasons'],
  });
export type ReviewOpinion = z.infer<typeof reviewOpinionSchema>;

export const filedMeetingSummarySchema = z
  .object({
    meetingId: text(200),
    title: text(100),
    date: z.string().max(10),
    issueYear: z.number().int(),
    issueNo: z.number().int(),
    fingerprint: hex64,
  })
  .strict();

/** A filing the reviewer accepted: the package itself (base64) and what the list shows of it. */
export const filingRowSchema = z
  .object({
    /** The filing's content id (verify.ts contentIdOf): a second copy of the same filing is the same row. */
    id: hex64,
    orgUnitId: text(200),
    orgName: text(200),
    periodKind: z.enum(['meeting', 'month']),
    /** YYYY-MM: the filed month, or the single meeting's month. */
    month: z.string().regex(/^\d{4}-\d{2}$/),
    meetings: z.array(filedMeetingSummarySchema).min(1).max(200),
    leftOut: z.number().int().min(0),
    signerKeyId: keyIdSchema,
    signerPublicKey: text(100),
    createdAt: text(40),
    importedAt: text(40),
    fileName: z.string().max(200),
    review: reviewOpinionSchema.optional(),
  })
  .strict();
export type FilingRow = z.infer<typeof filingRowSchema>;

/**
 * The package as received (base64), so it is verified again and viewed exactly as filed: its
 * first part, and how many parts it has when more than one (./packageParts.ts). A row without
 * `parts` holds the whole package (every row stored before schema 11).
 */
export const filingPackageRowSchema = z
  .object({
    id: hex64,
    base64: z.string().max(600_000_000),
    parts: z.number().int().min(2).max(MAX_PACKAGE_PARTS).optional(),
  })
  .strict();
export type FilingPackageRow = z.infer<typeof filingPackageRowSchema>;

/** A later part of a package: keyed `<package id>.<NNN>`, NNN from 001. */
export const filingPackagePartRowSchema = z
  .object({ id: z.string().regex(/^[0-9a-f]{64}\.\d{3}$/), base64: z.string().max(PACKAGE_PART_CHARS) })
  .strict();
export type FilingPackagePartRow = z.infer<typeof filingPackagePartRowSchema>;

export const RESPONSE_FORMAT = 'yishi-filing-response';
export const RESPONSE_VERSION = 1;

const responseBodySchema = z
  .object({
    format: z.literal(RESPONSE_FORMAT),
    version: z.literal(RESPONSE_VERSION),
    filingId: hex64,
    community: z.object({ orgUnitId: text(200), orgName: text(200) }).strict(),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    meetings: z.array(filedMeetingSummarySchema).min(1).max(200),
    opinion: reviewOpinionSchema,
    reviewer: z.object({ orgName: text(200), keyId: keyIdSchema, publicKey: text(100) }).strict(),
  })
  .strict();
export type ResponseBody = z.infer<typeof responseBodySchema>;

const responseFileSchema = z.object({ body: z.unknown(), signature: text(200) }).strict();

/** The response file's text: the body and an Ed25519 signature over its canonical JSON. */
export async function responseFileText(
  body: ResponseBody,
  key: SigningKey,
  subtle: Subtle = defaultSubtle(),
): Promise<string> {
  const data = new TextEncoder().encode(canonicalJson(body));
  const signature = toBase64(await subtle.sign({ name: 'Ed25519' }, key.privateKey, data));
  return `${JSON.stringify({ body, signature }, null, 2)}\n`;
}

export type ResponseProblem = 'tooLarge' | 'notJson' | 'notAResponse' | 'newerVersion' | 'invalid' | 'badSignature';
export type ResponseReading = { ok: true; body: ResponseBody } | { ok: false; problem: ResponseProblem };

/** Reads a response file; the signature must verify under the key the body names. Never throws. */
export async function readResponseFile(textValue: string, subtle: Subtle = defaultSubtle()): Promise<ResponseReading> {
  if (textValue.length > 2_000_000) return { ok: false, problem: 'tooLarge' };
  let value: unknown;
  try {
    value = JSON.parse(textValue.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const file = responseFileSchema.safeParse(value);
  const header = z.object({ format: z.literal(RESPONSE_FORMAT), version: z.number() }).safeParse(file.data?.body);
  if (!file.success || !header.success) return { ok: false, problem: 'notAResponse' };
  if (header.data.version > RESPONSE_VERSION) return { ok: false, problem: 'newerVersion' };
  const body = responseBodySchema.safeParse(file.data.body);
  if (!body.success) return { ok: false, problem: 'invalid' };
  const { keyId, publicKey } = body.data.reviewer;
  const key = await importPublicKey(publicKey, subtle);
  const signature = fromBase64(file.data.signature);
  if (!key || !signature || signature.length !== SIGNATURE_BYTES || (await keyIdOf(publicKey, subtle)) !== keyId)
    return { ok: false, problem: 'badSignature' };
  // What was signed is the body as read back: any change to it, or to the signature, fails here.
  const data = new TextEncoder().encode(canonicalJson(file.data.body));
  const valid = await subtle.verify({ name: 'Ed25519' }, key, signature, data).catch(() => false);
  return valid ? { ok: true, body: body.data } : { ok: false, problem: 'badSignature' };
}

/** What the community keeps of a response it imported (table `filingResponses`). */
export const filingResponseRowSchema = z
  .object({
    /** The filing and the moment of the opinion: a newer opinion on the same filing is another row. */
    id: text(120),
    filingId: hex64,
    meetingIds: z.array(text(200)).min(1).max(200),
    outcome: z.enum(REVIEW_OUTCOMES),
    reasons: z.string().max(1000),
    reviewedAt: text(40),
    reviewerOrg: text(200),
    reviewerKeyId: keyIdSchema,
    importedAt: text(40),
  })
  .strict();
export type FilingResponseRow = z.infer<typeof filingResponseRowSchema>;

export function responseRowOf(body: ResponseBody, importedAt: string): FilingResponseRow {
  return {
    id: `${body.filingId}@${body.opinion.at}`,
    filingId: body.filingId,
    meetingIds: body.meetings.map((m) => m.meetingId),
    outcome: body.opinion.outcome,
    reasons: body.opinion.reasons,
    reviewedAt: body.opinion.at,
    reviewerOrg: body.reviewer.orgName,
    reviewerKeyId: body.reviewer.keyId,
    importedAt,
  };
}
