import { describe, expect, it, vi } from 'vitest';
import { searchWarmer } from './searchWarmUp';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('warming the search worker', () => {
  it('opens the connection every time and searches only the first time', async () => {
    const opened = vi.fn(() => Promise.resolve('db'));
    const search = vi.fn(() => Promise.resolve([]));
    const warm = searchWarmer(opened, search);
    warm();
    warm();
    await settled();
    warm();
    await settled();
    expect(opened).toHaveBeenCalledTimes(3);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('db');
  });

  it('tries again after a failed search or connection, and never throws', async () => {
    const opened = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('refused')).mockResolvedValue('db');
    const search = vi
      .fn<(db: string) => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('gone'))
      .mockResolvedValue([]);
    const warm = searchWarmer(opened, search);
    warm();
    await settled();
    expect(search).not.toHaveBeenCalled();
    warm();
    await settled();
    warm();
    await settled();
    warm();
    await settled();
    expect(search).toHaveBeenCalledTimes(2);
  });
});
