/**
 * A word nearly every community's records hold: searched once when the search worker is warmed,
 * its answer dropped. The first real search ran the search code for the first time and read
 * cold pages of the index: 23–33 ms at ×1 where the searches after it took 5–16 ms
 * (`YISHI_BENCH_PARTS=search`, session 33).
 */
export const WARM_UP_QUERY = '社区';

/**
 * Opens the connection at each call and, the first time it opens, runs one throw-away search.
 * A failed one is tried again at the next call; nothing is ever thrown to the caller.
 */
export function searchWarmer<Db>(opened: () => Promise<Db>, search: (db: Db) => Promise<unknown>): () => void {
  let state: 'cold' | 'warming' | 'warm' = 'cold';
  return () => {
    const connection = opened();
    if (state !== 'cold') return void connection.catch(() => undefined);
    state = 'warming';
    connection.then(search).then(
      () => (state = 'warm'),
      () => (state = 'cold'),
    );
  };
}
