// Writes one planned reply as SSE, applying the scripted step's misbehaviour (cut, reset, stall, …).
import type { ServerResponse } from 'node:http';
import { chunk, roleFrame, tailFrames, textFrames, type ReplyPlan } from './reply';
import { SseWriter, sleep } from './sse-writer';
import type { CompletionRecord, Step } from './types';

export interface StreamJob {
  res: ServerResponse;
  plan: ReplyPlan;
  step: Step;
  record: CompletionRecord;
  tokensPerSecond: number;
  timestamps: boolean;
  headers: Record<string, string>;
}

export const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' };

export const SPLIT_UTF8_TEXT = 'héllo wörld — 日本語 🎉';

/** Cuts `buf` right after the lead byte of every multi-byte UTF-8 character. */
export function splitInsideChars(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if ((buf[i] ?? 0) >= 0xc0) {
      out.push(buf.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

export async function streamReply(job: StreamJob): Promise<void> {
  const { res, plan, step, record } = job;
  res.writeHead(200, { ...SSE_HEADERS, ...job.headers });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  const keepAlive = 'keepAlive' in step && step.keepAlive === true;
  const w = new SseWriter(res, record.responseChunks, { timestamps: job.timestamps, keepAlive });
  const tps = ('tokensPerSecond' in step ? step.tokensPerSecond : undefined) ?? job.tokensPerSecond;
  const delay = tps > 0 ? 1000 / tps : 0;
  const finish = () => {
    record.clientDisconnected = w.closed;
    if (!res.destroyed) res.end();
    record.complete = !w.closed;
  };

  // One leading comment on every stream: clients must ignore SSE comments.
  await w.raw(': keep-alive\n\n');
  if (!(await w.frame(roleFrame(plan).obj))) return finish();

  if (step.kind === 'huge') return streamHuge(job, w, finish);
  if (step.kind === 'split-utf8') {
    for (const f of [...textFrames(plan), ...tailFrames(plan)]) {
      for (const piece of splitInsideChars(w.encode(f.obj))) {
        if (!(await w.raw(piece))) return finish();
        await sleep(step.writeDelayMs ?? 5);
      }
    }
    await w.done();
    return finish();
  }

  const text = textFrames(plan);
  const cutAt = step.kind === 'midstream-error' || step.kind === 'reset' || step.kind === 'stall' ? step.afterChars : Infinity;
  const junkAt = step.kind === 'malformed-chunk' || step.kind === 'not-json-chunk' ? Math.floor(text.length / 2) : -1;
  let sent = 0;
  // Paced against a fixed schedule, not a sleep per chunk: timers overshoot by a millisecond
  // or more, which at 200 chunks/s would fall well short of the rate asked for.
  const paceFrom = performance.now();
  for (let i = 0; i <= text.length; i++) {
    if (sent >= cutAt || (i === text.length && cutAt !== Infinity)) return cut(job, w, finish);
    if (i === text.length) break;
    if (i === junkAt) await w.raw(step.kind === 'malformed-chunk' ? 'data: {not json\n\n' : 'data: hello world\n\n');
    const wait = delay ? paceFrom + (i + 1) * delay - performance.now() : 0;
    if (wait > 0) await sleep(wait);
    const f = text[i]!;
    if (!(await w.frame(f.obj))) return finish();
    sent += f.chars;
  }
  if (step.kind === 'no-done') return finish();
  for (const f of tailFrames(plan)) if (!(await w.frame(f.obj))) return finish();
  await w.done();
  finish();
}

async function cut(job: StreamJob, w: SseWriter, finish: () => void): Promise<void> {
  const { step, plan, res } = job;
  if (step.kind === 'reset') {
    await sleep(10);
    const s = res.socket;
    if (s && typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
    else s?.destroy();
    job.record.clientDisconnected = false;
    return;
  }
  if (step.kind === 'stall') {
    await w.untilClosed();
    return finish();
  }
  if (step.kind === 'midstream-error') {
    const message = step.message ?? 'Upstream model server error';
    if ((step.form ?? plan.dialect.midstreamForm) === 'nanogpt') await w.frame(chunk(plan, {}, 'error', { error: { status: 503, message, code: 'service_unavailable' } }));
    else await w.frame({ error: { message, type: 'server_error' } });
    await w.done();
  }
  finish();
}

const FILLER = 'All work and no play makes a very long reply. ';

async function streamHuge(job: StreamJob, w: SseWriter, finish: () => void): Promise<void> {
  const step = job.step as Extract<Step, { kind: 'huge' }>;
  const block = FILLER.repeat(Math.ceil(65536 / FILLER.length)).slice(0, 65536);
  let left = Math.max(0, step.bytes);
  let total = 0;
  while (left > 0) {
    const piece = left >= block.length ? block : block.slice(0, left);
    if (!(await w.frame(chunk(job.plan, { content: piece })))) return finish();
    left -= piece.length;
    total += piece.length;
  }
  const u = job.plan.usage;
  const plan = u ? { ...job.plan, usage: { ...u, completion: Math.ceil(total / 4) } } : job.plan;
  for (const f of tailFrames(plan)) if (!(await w.frame(f.obj))) return finish();
  await w.done();
  finish();
}
