// Coalesces stream frames to about one event per animation frame: per-token events
// would make the renderer do per-token work. Adjacent text frames are merged.
import type { StreamFrame } from '../../../shared/domain';

export class FrameBatcher {
  private pending: StreamFrame[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flushTo: (frames: StreamFrame[]) => void,
    private readonly intervalMs = 16,
  ) {}

  push(frame: StreamFrame): void {
    const last = this.pending[this.pending.length - 1];
    if (last && (frame.type === 'content' || frame.type === 'reasoning') && last.type === frame.type) {
      this.pending[this.pending.length - 1] = { type: frame.type, text: last.text + frame.text };
    } else {
      this.pending.push(frame);
    }
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const frames = this.pending;
    this.pending = [];
    this.flushTo(frames);
  }
}
