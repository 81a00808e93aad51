import { raiserName, type Matter, type MatterPath } from '../domain/matter';
import { isOpenStage, type MatterStage } from '../domain/matterStage';

/**
 * The 说事登记 list (issue #12), a page at a time: ten years of a district hold ~117,000 matters,
 * and the screen shows twenty.
 */
export const MATTER_PAGE_SIZE = 20;

export interface MatterListFilter {
  /** A unit and everything under it. */
  unitId?: string;
  stage?: MatterStage;
  path?: MatterPath;
  category?: string;
  channel?: string;
  openOnly?: boolean;
  /** Words of the title, description, address or a raiser's name. */
  text?: string;
}

/** A matter with its stage (shared/domain/matterStage.ts). */
export interface StagedMatter {
  matter: Matter;
  stage: MatterStage;
}

export interface MatterCounts {
  total: number;
  open: number;
  untriaged: number;
}

/** No filter at all: the whole register, newest first (read from the raisedAt index a page at a time). */
export function isWholeRegister(f: MatterListFilter): boolean {
  return !f.unitId && !f.stage && !f.path && !f.category && !f.channel && !f.openOnly && !f.text?.trim();
}

/** Does a matter contain the text searched for (title, description, address, raisers)? */
function matchesText(m: Matter, text: string): boolean {
  if (!text) return true;
  const raisers = [m.raisedBy, ...m.alsoRaisedBy].map(raiserName).join(' ');
  return [m.title, m.description ?? '', m.address ?? '', raisers].some((s) => s.includes(text));
}

/** Whether a staged matter passes the filter; `units` is the filter's unit with all under it. */
export function passesMatterFilter(row: StagedMatter, f: MatterListFilter, units: ReadonlySet<string> | null): boolean {
  const m = row.matter;
  return (
    (!units || units.has(m.orgUnitId)) &&
    (!f.stage || row.stage === f.stage) &&
    (!f.path || m.path === f.path) &&
    (!f.category || m.category === f.category) &&
    (!f.channel || m.channel === f.channel) &&
    (!f.openOnly || isOpenStage(row.stage)) &&
    matchesText(m, f.text?.trim() ?? '')
  );
}

/** Newest raised first; of one day, the one registered last first. */
export function newestRaisedFirst(a: StagedMatter, b: StagedMatter): number {
  if (a.matter.raisedAt !== b.matter.raisedAt) return a.matter.raisedAt < b.matter.raisedAt ? 1 : -1;
  return a.matter.createdAt < b.matter.createdAt ? 1 : a.matter.createdAt > b.matter.createdAt ? -1 : 0;
}

export function countsOf(rows: readonly StagedMatter[]): MatterCounts {
  return {
    total: rows.length,
    open: rows.filter((r) => isOpenStage(r.stage)).length,
    untriaged: rows.filter((r) => r.stage === 'untriaged').length,
  };
}

/** A page number within the pages `total` rows make (the last when it is beyond them). */
export function clampMatterPage(page: number, total: number): number {
  const last = Math.max(0, Math.ceil(total / MATTER_PAGE_SIZE) - 1);
  return Math.min(Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)), last);
}
