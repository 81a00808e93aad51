import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type Dexie from 'dexie';
import type { Decision } from '../../shared/domain/decision';
import {
  applyToTallyRows,
  isEmptyTallyRow,
  isSoundTallyRow,
  tallyKeyOf,
  type TalliedDecision,
  type TallyRow,
} from '../../shared/followup/tallyRows';
import { isCovered, zoned } from './searchIndex';

/**
 * 按责任人 / 按责任单位 kept by the database itself (issue 12): every write of a decision moves it
 * between the stored per-person and per-unit rows (shared/followup/tallyRows.ts) in the same
 * transaction, so the rows and the decisions never disagree.
 *
 * As with the search index, the decisions stored before the rows existed (the upgrade to version
 * 9) or written by a restore are counted later, in key order (`tallyPiece`), and the state's mark
 * says how far that has got: a write is counted here only when its key is within it. A restore
 * of ten years is thus not slowed by counting, and a crash between two pieces loses nothing.
 */

export const TALLY_STORES = ['decisionTallies', 'decisionTallyState'] as const;
const STATE_KEY = 'decisions';

export interface DecisionTallyState {
  key: typeof STATE_KEY;
  /** The last decision id counted so far, in key order. */
  after?: string;
  /** Every decision is counted (writes are counted as they happen). */
  complete?: true;
}

/** A new database: nothing to count, so every decision is counted as it is written. */
export const NEW_TALLY_STATE: DecisionTallyState = { key: STATE_KEY, complete: true };

/** Moves decisions out of (`removed`) and into (`added`) their stored rows, in the transaction given. */
export async function applyToStoredTally(
  core: DBCore,
  trans: DBCoreTransaction,
  removed: readonly TalliedDecision[],
  added: readonly TalliedDecision[],
): Promise<void> {
  if (removed.length === 0 && added.length === 0) return;
  const tallies = core.table('decisionTallies');
  const keys = [...new Set([...removed, ...added].map((d) => tallyKeyOf(d.responsible)))];
  const rows = new Map<string, TallyRow>();
  for (const row of (await tallies.getMany({ trans, keys })) as (TallyRow | undefined)[])
    if (row) rows.set(row.key, row);
  applyToTallyRows(rows, removed, -1);
  applyToTallyRows(rows, added, 1);
  const all = [...rows.values()];
  const kept = all.filter((r) => !isEmptyTallyRow(r));
  const gone = all.filter(isEmptyTallyRow).map((r) => r.key);
  await Promise.all([
    kept.length ? tallies.mutate({ type: 'put', trans, values: kept }) : undefined,
    gone.length ? tallies.mutate({ type: 'delete', trans, keys: gone }) : undefined,
  ]);
}

/** Empties the rows and their mark: nothing is counted until the background work counts again. */
async function forgetTally(core: DBCore, trans: DBCoreTransaction): Promise<void> {
  const all = { type: 3 /* DBCoreRangeType.Any */, lower: undefined, upper: undefined } as const;
  await Promise.all([
    core.table('decisionTallies').mutate({ type: 'deleteRange', trans, range: all }),
    core.table('decisionTallyState').mutate({ type: 'delete', trans, keys: [STATE_KEY] }),
  ]);
}

/** The keys a write names, as strings, in the order of its values. */
function keysOf(table: DBCoreTable, req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>): string[] {
  if (req.type === 'delete') return req.keys.map(String);
  return req.values.map((row) => String(table.schema.primaryKey.extractKey!(row)));
}

/** What a successful write took out of and put into the rows of the keys it covers. */
function movedBy(
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
  keys: string[],
  covered: ReadonlySet<string>,
  old: ReadonlyMap<string, Decision>,
  res: DBCoreMutateResponse,
): { removed: Decision[]; added: Decision[] } {
  const written = new Map<string, Decision | null>();
  keys.forEach((key, i) => {
    if (!covered.has(key) || res.failures?.[i]) return;
    // The last value of a key a write names twice is the one stored.
    written.set(key, req.type === 'delete' ? null : (req.values[i] as Decision));
  });
  const removed: Decision[] = [];
  const added: Decision[] = [];
  for (const [key, now] of written) {
    const was = old.get(key);
    if (was) removed.push(was);
    if (now) added.push(now);
  }
  return { removed, added };
}

function countedMutate(down: DBCore, table: DBCoreTable) {
  return (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
    const core = zoned(down);
    const { trans } = req;
    // Chained on the promises Dexie gives (see searchIndex.ts): its transaction zone goes with them.
    if (req.type === 'deleteRange') return table.mutate(req).then((res) => forgetTally(core, trans).then(() => res));
    return core
      .table('decisionTallyState')
      .get({ trans, key: STATE_KEY })
      .then((state: DecisionTallyState | undefined) => {
        const keys = keysOf(table, req);
        const covered = new Set(keys.filter((key) => isCovered(state, key)));
        if (covered.size === 0) return table.mutate(req);
        return core
          .table('decisions')
          .getMany({ trans, keys: [...covered] })
          .then((found: (Decision | undefined)[]) => {
            const old = new Map<string, Decision>();
            for (const d of found) if (d) old.set(d.id, d);
            return table.mutate(req).then((res) => {
              const { removed, added } = movedBy(req, keys, covered, old, res);
              return applyToStoredTally(core, trans, removed, added).then(() => res);
            });
          });
      });
  };
}

export function decisionTallyMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'decisionTally',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          // The rows are written in the same transaction as the decisions, so they must be in its scope.
          const widened =
            mode === 'readwrite' && stores.includes('decisions') ? [...new Set([...stores, ...TALLY_STORES])] : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return name === 'decisions' ? { ...table, mutate: countedMutate(down, table) } : table;
        },
      };
    },
  };
}

/**
 * Counts the next `limit` decisions the rows do not cover yet, and moves the mark past them, in
 * one transaction: true when every decision is counted. Runs in the board's worker (a plain
 * connection, without the middleware: it writes only the rows and the mark) or in the window.
 */
export async function tallyPiece(db: Dexie, limit: number): Promise<boolean> {
  return db.transaction('rw', ['decisions', ...TALLY_STORES], async (tx) => {
    const marks = db.table<DecisionTallyState, string>('decisionTallyState');
    const state = await marks.get(STATE_KEY);
    if (state?.complete) return true;
    const decisions = db.table<Decision, string>('decisions');
    const page = await (
      state?.after === undefined ? decisions.orderBy(':id') : decisions.where(':id').above(state.after)
    )
      .limit(limit)
      .toArray();
    const trans = (tx as unknown as { idbtrans: DBCoreTransaction }).idbtrans;
    await applyToStoredTally(zoned(db.core), trans, [], page);
    const complete = page.length < limit;
    await marks.put(complete ? NEW_TALLY_STATE : { key: STATE_KEY, after: page[page.length - 1]!.id });
    return complete;
  });
}

/**
 * The stored rows: null while they do not cover every decision (after the upgrade that added them,
 * or a restore), 'unsound' when a row holds a count no write could have left (then they are
 * counted afresh). 2,819 rows at ten years here, ~50 ms.
 */
export async function readStoredTally(db: Dexie): Promise<TallyRow[] | null | 'unsound'> {
  return db.transaction('r', [...TALLY_STORES], async () => {
    const state = await db.table<DecisionTallyState, string>('decisionTallyState').get(STATE_KEY);
    if (!state?.complete) return null;
    const rows = await db.table<TallyRow, string>('decisionTallies').toArray();
    return rows.every(isSoundTallyRow) ? rows : 'unsound';
  });
}

/** Whether the stored rows cover every decision (reads one small row). */
export async function isTallyComplete(db: Dexie): Promise<boolean> {
  return (await db.table<DecisionTallyState, string>('decisionTallyState').get(STATE_KEY))?.complete === true;
}

/** Empties the rows and their mark, to be counted again from the first decision. */
export async function resetStoredTally(db: Dexie): Promise<void> {
  await db.transaction('rw', [...TALLY_STORES], async () => {
    for (const table of TALLY_STORES) await db.table(table).clear();
  });
}
