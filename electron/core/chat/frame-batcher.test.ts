import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamFrame } from '../../../shared/domain';
import { FrameBatcher } from './frame-batcher';

const text = (t: string): StreamFrame => ({ type: 'content', text: t });

describe('FrameBatcher', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  function batcher(intervalMs = 16) {
    const sent: { at: number; frames: StreamFrame[] }[] = [];
    const b = new FrameBatcher((frames) => sent.push({ at: performance.now(), frames }), intervalMs);
    return { b, sent };
  }

  it('sends the first frames after an idle interval at once, all of one read together, merged', () => {
    const { b, sent } = batcher();
    const t0 = performance.now();
    b.push(text('a'));
    b.push(text('b'));
    b.push({ type: 'reasoning', text: 'r' });
    b.push(text('c'));
    expect(sent).toHaveLength(0); // not inside push: the rest of the read joins
    vi.advanceTimersByTime(0); // the immediate, before any timer
    expect(sent).toEqual([{ at: t0, frames: [text('ab'), { type: 'reasoning', text: 'r' }, text('c')] }]);
  });

  it('holds frames arriving within the interval until it ends, then sends them as one event', () => {
    const { b, sent } = batcher(40);
    b.push(text('1'));
    vi.advanceTimersByTime(0);
    for (const t of ['2', '3', '4']) {
      vi.advanceTimersByTime(5);
      b.push(text(t));
    }
    vi.advanceTimersByTime(20); // 35 ms after the first send
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(5);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ at: sent[0]!.at + 40, frames: [text('234')] });
    // Idle for a whole interval again: the next frame goes at once.
    vi.advanceTimersByTime(100);
    b.push(text('5'));
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(3);
  });

  it('flush() sends what is pending now and cancels the scheduled send', () => {
    const { b, sent } = batcher();
    b.push(text('x'));
    b.flush();
    expect(sent.map((s) => s.frames)).toEqual([[text('x')]]);
    b.flush();
    vi.advanceTimersByTime(50);
    expect(sent).toHaveLength(1);
  });
});
