/**
 * Finds a key given twice within one table. A backup writes each table's rows in key order, so
 * while every key sorts after the one before, none can repeat, and the keys are only kept in a
 * list (a set of 1.6 million keys cost a ten-year backup's check ~0.5 s). The first key out of
 * order (a file written by hand, or crafted) turns the list into a set, and every key from then
 * on is looked up there: the answer is the same for any order.
 */
export class RepeatedKeys {
  private last: string | null = null;
  private inOrder: string[] = [];
  private seen: Set<string> | null = null;

  /** True when the key was given before; the key counts as given either way. */
  repeats(key: string): boolean {
    if (!this.seen) {
      if (this.last === null || key > this.last) {
        this.inOrder.push(key);
        this.last = key;
        return false;
      }
      this.seen = new Set(this.inOrder);
      this.inOrder = [];
    }
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    return false;
  }
}
