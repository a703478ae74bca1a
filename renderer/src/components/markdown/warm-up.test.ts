import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpMarkdown } from './Markdown';

afterEach(() => vi.useRealTimers());

describe('warmUpMarkdown', () => {
  it('loads the Markdown stack a few seconds after start, and not while a reply streams', async () => {
    vi.useFakeTimers();
    let streaming = true;
    const load = vi.fn(() => Promise.resolve());
    const stop = warmUpMarkdown(() => streaming, load);
    await vi.advanceTimersByTimeAsync(2900);
    expect(load).not.toHaveBeenCalled();
    // Due, but a reply is streaming: it waits, and tries again later.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(load).not.toHaveBeenCalled();
    streaming = false;
    await vi.advanceTimersByTimeAsync(3100);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(load).toHaveBeenCalledTimes(1);
    stop();
  });

  it('does nothing once stopped (the window went away first)', async () => {
    vi.useFakeTimers();
    const load = vi.fn(() => Promise.resolve());
    warmUpMarkdown(() => false, load)();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(load).not.toHaveBeenCalled();
  });

  it('a load that fails is not an unhandled rejection', async () => {
    vi.useFakeTimers();
    const load = vi.fn(() => Promise.reject(new Error('chunk gone')));
    warmUpMarkdown(() => false, load);
    await vi.advanceTimersByTimeAsync(3100);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
