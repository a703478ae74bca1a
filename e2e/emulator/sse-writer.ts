// Writes SSE frames to one response, honouring backpressure and recording every byte (for TEE hashes).
import type { ServerResponse } from 'node:http';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class SseWriter {
  closed = false;

  constructor(
    private readonly res: ServerResponse,
    /** Receives every byte written for the body. */
    private readonly record: Buffer[],
    private readonly opts: { timestamps: boolean; keepAlive: boolean },
  ) {
    res.on('close', () => {
      this.closed = true;
    });
  }

  /** Writes bytes as one socket write; false once the client has gone. */
  async raw(data: string | Buffer): Promise<boolean> {
    if (this.closed || this.res.destroyed) return false;
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.record.push(buf);
    if (!this.res.write(buf)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.res.off('drain', done);
          this.res.off('close', done);
          resolve();
        };
        this.res.on('drain', done);
        this.res.on('close', done);
      });
    }
    return !this.closed;
  }

  /** The bytes of one `data:` frame (timestamp added now when asked). */
  encode(obj: object): Buffer {
    const o = this.opts.timestamps ? { ...obj, x_emulator_ts: performance.timeOrigin + performance.now() } : obj;
    return Buffer.from(`data: ${JSON.stringify(o)}\n\n`, 'utf8');
  }

  async frame(obj: object): Promise<boolean> {
    if (this.opts.keepAlive && !(await this.comment())) return false;
    return this.raw(this.encode(obj));
  }

  /** A keep-alive comment followed by a stray blank line; both must be ignored by the client. */
  comment(): Promise<boolean> {
    return this.raw(': keep-alive\n\n\n');
  }

  done(): Promise<boolean> {
    return this.raw('data: [DONE]\n\n');
  }

  /** Resolves when the client closes the connection. */
  untilClosed(): Promise<void> {
    if (this.closed || this.res.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.res.on('close', () => resolve()));
  }
}
