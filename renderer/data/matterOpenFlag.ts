import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { withOpenFlag } from '../../shared/domain/matter';

/**
 * Every matter written through the database gets its `open` flag from its closedAt and mergedInto
 * (shared/domain/matter.ts withOpenFlag): registration, triage, closing, merging, import, restore
 * and any write to come. The flag is never set by hand, so the [open+path+orgUnitId] index cannot
 * drift from the rows. Above Dexie's own middlewares (default level), so live queries see the
 * flagged rows.
 */
export const matterOpenFlag: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'matterOpenFlag',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'matters') return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          req.type === 'add' || req.type === 'put'
            ? table.mutate({ ...req, values: req.values.map(withOpenFlag) })
            : table.mutate(req),
      };
    },
  }),
};
