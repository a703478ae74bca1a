// Coalesces stream frames so a fast stream is not one event per token: at most one event
// every 4 ms (the renderer applies what arrived once per animation frame, so it never renders
// per token). Waiting a whole 16 ms frame here would add up to a frame of latency to every
// token on top of the renderer's own wait for the next frame. Adjacent text frames are merged.
//
// Leading edge: when nothing was sent for a whole interval, frames go out as soon as the
// current read has been handled (setImmediate: every frame of one network read in one
// event), not an interval later — a slow stream shows each token at once, and the first
// token of any stream costs no wait. Frames arriving sooner wait for the interval's end.
import type { StreamFrame } from '../../../shared/domain';

export class FrameBatcher {
  private pending: StreamFrame[] = [];
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private lastFlush = -Infinity;

  constructor(
    private readonly flushTo: (frames: StreamFrame[]) => void,
    private readonly intervalMs = 4,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(frame: StreamFrame): void {
    const last = this.pending[this.pending.length - 1];
    if (last && (frame.type === 'content' || frame.type === 'reasoning') && last.type === frame.type) {
      this.pending[this.pending.length - 1] = { type: frame.type, text: last.text + frame.text };
    } else {
      this.pending.push(frame);
    }
    if (this.timer || this.immediate) return;
    const wait = this.lastFlush + this.intervalMs - this.now();
    if (wait <= 0) this.immediate = setImmediate(() => this.flush());
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    if (this.pending.length === 0) return;
    const frames = this.pending;
    this.pending = [];
    this.lastFlush = this.now();
    this.flushTo(frames);
  }
}
