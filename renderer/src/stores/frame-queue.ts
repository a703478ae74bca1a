// Stream frames arrive several times a frame; a reply renders once per frame, at the start of
// the frame that will show it (rendering as each event lands would not show text any sooner).
//
// When text floods in (more than FLOOD_CHARS since the last render: tens of thousands of
// tokens a second, a replayed backlog, far past reading speed), renders are spaced
// FLOOD_INTERVAL_MS apart instead. Each one would re-lay out a screenful of new text that
// nobody can read yet, and on a small machine that work takes the CPU the stream itself
// needs. Ordinary fast models (a few thousand tokens a second) stay far below the threshold.
import type { StreamFrame } from '../../../shared/domain';

export const FLOOD_CHARS = 2_000;
export const FLOOD_INTERVAL_MS = 100;
/** rAF pauses in a hidden window; the store (and a later chat.done) must not wait for it to show. */
const HIDDEN_FALLBACK_MS = 100;

export interface Queued {
  conversationId: string;
  frames: StreamFrame[];
}

export interface Scheduler {
  frame(cb: () => void): void;
  after(ms: number, cb: () => void): void;
  now(): number;
}

const browserScheduler: Scheduler = {
  frame: (cb) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : setTimeout(cb, 0)),
  after: (ms, cb) => setTimeout(cb, ms),
  now: () => performance.now(),
};

const textOf = (frames: StreamFrame[]) => {
  let n = 0;
  for (const f of frames) if (f.type === 'content' || f.type === 'reasoning') n += f.text.length;
  return n;
};

/** Collects frames per message and hands them to `apply` in one batch per render. */
export function createFrameQueue(apply: (batch: Map<string, Queued>) => void, scheduler: Scheduler = browserScheduler) {
  let queued = new Map<string, Queued>();
  let scheduled = false;
  let generation = 0;
  let flooding = false;
  let lastFlushAt = -Infinity;

  function flush(gen: number) {
    if (!scheduled || gen !== generation) return;
    scheduled = false;
    const batch = queued;
    queued = new Map();
    let chars = 0;
    for (const q of batch.values()) chars += textOf(q.frames);
    flooding = chars > FLOOD_CHARS;
    lastFlushAt = scheduler.now();
    apply(batch);
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    const gen = ++generation;
    const wait = flooding ? FLOOD_INTERVAL_MS - (scheduler.now() - lastFlushAt) : 0;
    if (wait > 0) {
      // The flush still lands at the start of a frame, as an ordinary one does.
      scheduler.after(wait, () => scheduler.frame(() => flush(gen)));
      scheduler.after(wait + HIDDEN_FALLBACK_MS, () => flush(gen));
      return;
    }
    scheduler.frame(() => flush(gen));
    scheduler.after(HIDDEN_FALLBACK_MS, () => flush(gen));
  }

  return {
    push(messageId: string, conversationId: string, frames: StreamFrame[]) {
      const q = queued.get(messageId);
      if (q) q.frames.push(...frames);
      else queued.set(messageId, { conversationId, frames: [...frames] });
      schedule();
    },
    /** Drops what is queued for these messages (e.g. they were deleted). */
    drop(ids: Iterable<string>) {
      for (const id of ids) queued.delete(id);
    },
    /** Drops what is queued for a conversation's messages (it was deleted or unloaded). */
    dropConversation(conversationId: string) {
      for (const [id, q] of queued) if (q.conversationId === conversationId) queued.delete(id);
    },
    /** Whether the last render was of flooded text (renders are spaced out meanwhile). */
    get flooding() {
      return flooding;
    },
  };
}
