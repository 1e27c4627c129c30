import { describe, expect, it, vi } from 'vitest';
import { retryingImport } from './retrying-import';

describe('retryingImport', () => {
  it('tries again after each failure, waiting longer each time, and resolves once a try works', async () => {
    const waits: number[] = [];
    const load = vi.fn().mockRejectedValueOnce(new Error('fetch failed')).mockRejectedValueOnce(new Error('fetch failed')).mockResolvedValue('chunk');
    await expect(retryingImport(load, [10, 20, 40], async (ms) => void waits.push(ms))).resolves.toBe('chunk');
    expect(load).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([10, 20]);
  });

  it('passes the last failure on once every try has failed', async () => {
    const load = vi.fn().mockRejectedValue(new Error('still offline'));
    await expect(retryingImport(load, [1, 2], async () => undefined)).rejects.toThrow('still offline');
    expect(load).toHaveBeenCalledTimes(3);
  });
});
