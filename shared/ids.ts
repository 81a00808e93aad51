/** Random ids for records; crypto.randomUUID exists in browsers, Electron and Node 20. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
