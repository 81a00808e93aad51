import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../shared/bridge';

// The real package would try to download the Electron binary; the preload only needs these two.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => 'reply'), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

let exposed: Record<string, unknown>;

beforeAll(async () => {
  await import('./preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
  expect(key).toBe('yishi');
  exposed = api;
});

describe('preload', () => {
  it('exposes exactly the bridge methods, all functions', () => {
    expect(Object.keys(exposed).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or its methods', () => {
    for (const value of Object.values(exposed)) {
      expect(value).not.toBe(electron.ipcRenderer);
      expect(value).not.toBe(electron.ipcRenderer.invoke);
      expect(value).not.toBe(electron.ipcRenderer.send);
    }
  });

  it.each(Object.entries(BRIDGE_CHANNELS))('%s invokes %s with at most its one argument', async (method, channel) => {
    electron.ipcRenderer.invoke.mockClear();
    const fn = exposed[method] as (...args: unknown[]) => Promise<unknown>;
    await expect(fn({ probe: true }, 'smuggled')).resolves.toBe('reply');
    const call = electron.ipcRenderer.invoke.mock.calls[0] ?? [];
    expect(call[0]).toBe(channel);
    expect(call.length).toBeLessThanOrEqual(2);
    expect(call).not.toContain('smuggled');
  });
});
