import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { withRosterKeys } from '../../shared/roster/rosterKeys';
import type { Person } from '../../shared/domain/person';

/**
 * Every write of a person — the form, the import, the demo data, a restore, an upgrade — goes
 * through here, and gets its roster keys (sortKey, rosterKeys) worked out from the row itself:
 * the roster's indexes can never disagree with the rows they find (shared/roster/rosterKeys.ts).
 */
export const rosterKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rosterKeys',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'people') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            return table.mutate({ ...req, values: req.values.map((v) => withRosterKeys(v as Person)) });
          },
        };
      },
    };
  },
};
