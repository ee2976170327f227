import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { debounce } from './debounce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('debounce with a ceiling', () => {
  it('runs once after a quiet period, not once per call', () => {
    const run = vi.fn();
    const debounced = debounce(run, 150, 750);
    for (let i = 0; i < 5; i++) {
      debounced.schedule();
      vi.advanceTimersByTime(50);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at least every maxWait while calls keep coming', () => {
    const run = vi.fn();
    const debounced = debounce(run, 150, 750);
    for (let elapsed = 0; elapsed < 2_000; elapsed += 100) {
      debounced.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(run.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('flushes a pending run now, and cancel drops it', () => {
    const run = vi.fn();
    const debounced = debounce(run, 150, 750);
    debounced.flush();
    expect(run).not.toHaveBeenCalled();
    debounced.schedule();
    debounced.flush();
    expect(run).toHaveBeenCalledTimes(1);
    debounced.schedule();
    debounced.cancel();
    vi.advanceTimersByTime(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
