import { z } from 'zod';
import { ROSTER_ROLES, rosterRoleSchema, type RosterRole } from './roles';

/** Removes the spaces and dashes people type into phone numbers. */
export function normalizePhone(raw: string): string {
  // Full-width digits (１３９…) come from Chinese input methods.
  const ascii = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return ascii.replace(/[\s\-－—()（）]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/; // area code + number, e.g. 0546 + 8123456
const LOCAL = /^\d{7,8}$/;

/** A mainland mobile number, a landline with area code, or a local landline number. */
export function isValidPhone(raw: string): boolean {
  const phone = normalizePhone(raw);
  return MOBILE.test(phone) || LANDLINE.test(phone) || LOCAL.test(phone);
}

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const personSchema = z.object({
  id: z.string().min(1),
  name: z
    .string()
    .trim()
    .min(1, '姓名不能为空')
    .max(30, '姓名不能超过30个字')
    .refine((s) => !/[<>{}\\]/.test(s), '姓名含有不允许的字符'),
  gender: z.enum(GENDERS).optional(),
  phone: z
    .string()
    .trim()
    .optional()
    .refine((p) => p === undefined || p === '' || isValidPhone(p), '电话号码格式不正确（手机号11位，座机请带区号）'),
  unit: z.string().trim().max(60, '单位不能超过60个字').optional(),
  orgUnitId: z.string().min(1).optional(),
  roles: z.array(rosterRoleSchema).max(7),
  isGridWorker: z.boolean(),
  isMediator: z.boolean(),
  isPartyMember: z.boolean(),
  note: z.string().max(500, '备注不能超过500个字').optional(),
  /** Lower-case pinyin initials of the name, derived when saved, for search. */
  initials: z.string().max(60),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

/** Case-insensitive match on name, pinyin initials or phone digits. */
export function personMatches(person: Pick<Person, 'name' | 'initials' | 'phone' | 'unit'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (person.name.includes(q)) return true;
  if (person.initials.startsWith(q) || person.initials.includes(q)) return true;
  if (person.unit && person.unit.includes(q)) return true;
  if (/^\d{3,}$/.test(q) && person.phone && normalizePhone(person.phone).includes(q)) return true;
  return false;
}

/** Two roster entries are the same person when the name matches and the phones do not differ. */
export function duplicateKey(person: { name: string; phone?: string | undefined }): string {
  return `${person.name.trim()}|${person.phone ? normalizePhone(person.phone) : ''}`;
}

function firstRoleRank(roles: readonly RosterRole[]): number {
  const ranks = roles.map((r) => ROSTER_ROLES.indexOf(r));
  return ranks.length > 0 ? Math.min(...ranks) : ROSTER_ROLES.length;
}

/** Sign-in sheet order: by 6+N category (书记 first, 利益相关方 last), then by pinyin. */
export function byRosterOrder(
  a: Pick<Person, 'roles' | 'initials' | 'name'>,
  b: Pick<Person, 'roles' | 'initials' | 'name'>,
): number {
  return (
    firstRoleRank(a.roles) - firstRoleRank(b.roles) ||
    a.initials.localeCompare(b.initials) ||
    a.name.localeCompare(b.name, 'zh-CN')
  );
}

/**
 * The roster in sign-in sheet order, with each person's sort key computed once: sorting tens of
 * thousands with byRosterOrder would recompute ranks and collate on every comparison.
 */
export function sortForRoster<T extends Pick<Person, 'roles' | 'initials' | 'name'>>(people: readonly T[]): T[] {
  const keyed = people.map((p) => ({ p, rank: firstRoleRank(p.roles) }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.p.initials < b.p.initials ? -1 : a.p.initials > b.p.initials ? 1 : 0) ||
      (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0),
  );
  return keyed.map((k) => k.p);
}
