import { describe, expect, it } from 'vitest';
import type { StreamFrame } from '../../../shared/domain';
import { createFrameQueue, FLOOD_CHARS, FLOOD_INTERVAL_MS, type Queued, type Scheduler } from './frame-queue';

/** A scheduler whose clock, animation frames and timers the test drives. */
function manualScheduler() {
  let clock = 0;
  let frames: (() => void)[] = [];
  let timers: { at: number; cb: () => void }[] = [];
  const scheduler: Scheduler = {
    frame: (cb) => void frames.push(cb),
    after: (ms, cb) => void timers.push({ at: clock + ms, cb }),
    now: () => clock,
  };
  return {
    scheduler,
    /** Runs the animation frames requested so far. */
    frame() {
      const run = frames;
      frames = [];
      run.forEach((cb) => cb());
    },
    advance(ms: number) {
      clock += ms;
      const due = timers.filter((t) => t.at <= clock);
      timers = timers.filter((t) => t.at > clock);
      due.forEach((t) => t.cb());
    },
    get pendingFrames() {
      return frames.length;
    },
  };
}

const text = (n: number): StreamFrame => ({ type: 'content', text: 'x'.repeat(n) });

function setup() {
  const s = manualScheduler();
  const batches: Map<string, Queued>[] = [];
  const q = createFrameQueue((b) => batches.push(b), s.scheduler);
  return { s, q, batches };
}

describe('frame queue', () => {
  it('applies everything that arrived before a frame in one batch, at that frame', () => {
    const { s, q, batches } = setup();
    q.push('m1', 'c1', [text(4)]);
    q.push('m1', 'c1', [text(4), { type: 'usage', usage: { promptTokens: 1, completionTokens: 2, cachedTokens: null, reasoningTokens: null, estimated: false }, reportedCostUsd: null }]);
    q.push('m2', 'c2', [text(1)]);
    expect(batches).toHaveLength(0);
    s.frame();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.get('m1')!.frames).toHaveLength(3);
    expect(batches[0]!.get('m2')!.conversationId).toBe('c2');
    // The fallback timer of a flushed batch does nothing.
    s.advance(200);
    expect(batches).toHaveLength(1);
  });

  it('still delivers when animation frames are paused (a hidden window)', () => {
    const { s, q, batches } = setup();
    q.push('m1', 'c1', [text(4)]);
    s.advance(100);
    expect(batches).toHaveLength(1);
  });

  it('spaces renders out while text floods in, and returns to every frame when it slows', () => {
    const { s, q, batches } = setup();
    q.push('m1', 'c1', [text(FLOOD_CHARS + 1)]);
    s.frame();
    expect(batches).toHaveLength(1);
    expect(q.flooding).toBe(true);

    // More text a few ms later: no render at the next frame, one at the first frame after the interval.
    s.advance(5);
    q.push('m1', 'c1', [text(FLOOD_CHARS + 1)]);
    s.frame();
    expect(batches).toHaveLength(1);
    s.advance(FLOOD_INTERVAL_MS - 10);
    s.frame();
    expect(batches).toHaveLength(1);
    s.advance(5);
    expect(s.pendingFrames).toBe(1);
    s.frame();
    expect(batches).toHaveLength(2);

    // A trickle after the flood: the next batch is small, so the one after renders at once.
    q.push('m1', 'c1', [text(10)]);
    s.advance(FLOOD_INTERVAL_MS);
    s.frame();
    expect(batches).toHaveLength(3);
    expect(q.flooding).toBe(false);
    q.push('m1', 'c1', [text(10)]);
    s.frame();
    expect(batches).toHaveLength(4);
  });

  it('counts reasoning as text but not usage or metadata', () => {
    const { s, q } = setup();
    q.push('m1', 'c1', [{ type: 'reasoning', text: 'x'.repeat(FLOOD_CHARS + 1) }]);
    s.frame();
    expect(q.flooding).toBe(true);
    s.advance(FLOOD_INTERVAL_MS);
    q.push('m1', 'c1', [{ type: 'meta', completionId: 'a', servedModel: 'b', fallback: null }]);
    s.frame();
    expect(q.flooding).toBe(false);
  });

  it('drops what was queued for removed messages, or for a removed conversation', () => {
    const { s, q, batches } = setup();
    q.push('m1', 'c1', [text(4)]);
    q.push('m2', 'c1', [text(4)]);
    q.push('m3', 'c2', [text(4)]);
    q.drop(['m1']);
    s.frame();
    expect([...batches[0]!.keys()]).toEqual(['m2', 'm3']);
    q.push('m2', 'c1', [text(4)]);
    q.push('m3', 'c2', [text(4)]);
    q.dropConversation('c1');
    s.frame();
    expect([...batches[1]!.keys()]).toEqual(['m3']);
  });
});
