import Dexie from 'dexie';

type ZoneApi = { PSD: unknown; usePSD<T>(zone: unknown, fn: () => T): T };

/**
 * Binds functions to the Dexie zone current now, so they run in its transaction wherever they
 * are called from. Code that follows a few awaits of its own promises leaves Dexie's zone (its
 * zone echoes run out): a Dexie call there would open a transaction of its own, and the one
 * meant for it would commit early. Dexie.Promise.PSD and usePSD are how Dexie itself carries
 * the zone over.
 */
export function bindToCurrentZone(): <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R {
  const zones = Dexie.Promise as unknown as ZoneApi;
  const zone = zones.PSD;
  return (fn) =>
    (...args) =>
      zones.usePSD(zone, () => fn(...args));
}
