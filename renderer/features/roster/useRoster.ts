import { useEffect, useRef, useState } from 'react';
import { RosterReader, watchPeople, type RosterFilter, type RosterView } from '../../data/repos/rosterQuery';
import type { YishiDb } from '../../data/db';
import type { Person } from '../../../shared/domain/person';
import { nextIdle } from '../../app/idle';

/**
 * A reader of the roster's indexes, new whenever the people table changes (a write anywhere:
 * this screen, an import, a restore, another window).
 */
export function useRosterReader(db: YishiDb): RosterReader {
  const [made, setMade] = useState(() => ({ db, reader: new RosterReader(db) }));
  useEffect(() => watchPeople(db, () => setMade({ db, reader: new RosterReader(db) })), [db]);
  return made.db === db ? made.reader : new RosterReader(db);
}

/** A page of the roster and the filter it was read for (the empty-table wording follows it). */
export interface ShownRoster extends RosterView {
  filter: RosterFilter;
}

/** How long typing must pause before a search's rows, shown at once, are counted. */
const COUNT_AFTER_PAUSE_MS = 150;

/** The same people in the same order (read by one reader: a write in between makes a new one). */
function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  return a.length === b.length && a.every((p, i) => p.id === b[i]?.id);
}

/**
 * The page of the roster for the filter, read when the filter, the page or the roster changes.
 * When one index range holds the page, its rows are shown first and the count and the roles
 * (which walk the whole range) follow once typing pauses; meanwhile the last count and coverage
 * stay. The last page read stays shown until the next one arrives (no blank table while typing);
 * a reply that a later keystroke has overtaken is dropped.
 */
export function useRosterView(
  reader: RosterReader,
  filter: RosterFilter,
  page: number,
  pageSize: number,
): ShownRoster | undefined {
  const [view, setView] = useState<ShownRoster>();
  // The filter the shown count belongs to: turning a page keeps it, a new search counts anew.
  const countedFor = useRef<RosterFilter | null>(null);
  useEffect(() => {
    let current = true;
    let countLater: ReturnType<typeof setTimeout> | undefined;
    const offset = (page - 1) * pageSize;
    let quickRows: Person[] | undefined;
    const readPage = () =>
      void reader.page(filter, offset, pageSize).then((v) => {
        if (!current) return;
        countedFor.current = filter;
        // The count and roles arrive for the rows already shown (the quick page): keeping their
        // array spares the table a second drawing per keystroke.
        const rows = quickRows && v.offset === offset && samePeople(quickRows, v.rows) ? quickRows : v.rows;
        setView({ ...v, rows, filter });
      });
    void reader.quickRows(filter, offset, pageSize).then(
      (quick) => {
        if (!current) return;
        if (!quick || quick.rows.length === 0) return readPage();
        quickRows = quick.rows;
        setView((before) => ({
          // Without the count the pager would have one page only and show page 1 as current
          // while page 2's rows are on screen.
          total: countedFor.current === filter ? (before?.total ?? null) : null,
          roles: quick.roles ?? before?.roles ?? null,
          offset,
          rows: quick.rows,
          filter,
        }));
        // Counting walks the whole range (thousands of entries for one letter): started while
        // the secretary is still typing, the next keystroke's page waited behind it in
        // IndexedDB (up to ~100 ms on a 30,000-person roster). So it waits for a pause.
        countLater = setTimeout(readPage, COUNT_AFTER_PAUSE_MS);
      },
      () => {
        if (current) readPage();
      },
    );
    return () => {
      current = false;
      clearTimeout(countLater);
    };
  }, [reader, filter, page, pageSize]);
  // What a first search or filter needs is read while the secretary looks at the first page.
  useEffect(() => {
    let stopped = false;
    const timer = setTimeout(
      () =>
        void reader.prefetch(
          pageSize,
          () => nextIdle(),
          () => stopped,
        ),
      300,
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [reader, pageSize]);
  return view;
}
