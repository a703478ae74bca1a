// Streaming: a user sends a message; the emulator streams `text` (chunkSize code points per
// token, at tokensPerSecond or as fast as the client reads). Every chunk carries the time it
// left the emulator; the page probe records how much of the reply each rendered frame shows.
// A chunk's latency is the first rendered frame showing all of its letters and digits,
// minus its send time (chunks adding none — spaces, newlines, marks — have no latency of their own).
import type { Page } from 'playwright-core';
import type { Emulator } from '../../e2e/emulator';
import { countAlnum, visibleCount } from './corpus';
import { readProbe, waitProbe } from './probe';
import { summary } from './stats';
import { startProfile, startTrace } from './profile';
import { cpuDelta, cpuSnapshot } from './cpu';

export interface StreamResult {
  label: string;
  chunks: number;
  chunksWithLatency: number;
  durationMs: number;
  rate: number;
  latency: ReturnType<typeof summary>;
  /** The same, timed at requestAnimationFrame of the frame showing the text (before its layout and paint). */
  latencyAtRaf: ReturnType<typeof summary>;
  longTasks: { count: number; maxMs: number; totalMs: number; list: { atMs: number; ms: number }[] };
  lastByteToFinalMs: number;
  lastTextToPaintMs: number;
  /** First frame sent → the whole text painted: how long the client took to consume the stream. */
  consumeMs: number;
  frames: number;
  /** CPU time (ms) per process, from the message being sent to the final paint being seen (polled every 50 ms). */
  cpuMs: Record<string, number>;
  /** Painted count at the end vs the source's (equal when the probe saw every character). */
  visibleExpected: number;
  visiblePainted: number;
  requestBody: Buffer;
}

interface SentChunk {
  ts: number;
  /** Visible characters of the reply once this chunk is in. */
  cum: number;
  text: string;
}

/** The exact frames the emulator wrote, with their embedded send times. */
function sentChunks(bytes: Buffer): { chunks: SentChunk[]; firstTs: number; lastTs: number } {
  const chunks: SentChunk[] = [];
  let firstTs = NaN;
  let lastTs = NaN;
  let done = 0;
  let line = '';
  const isFence = (l: string) => l.trimStart().startsWith('```');
  for (const event of bytes.toString('utf8').split('\n\n')) {
    if (!event.startsWith('data: ') || event === 'data: [DONE]') continue;
    const obj = JSON.parse(event.slice(6)) as { x_emulator_ts?: number; choices?: { delta?: { content?: string } }[] };
    const ts = obj.x_emulator_ts;
    if (typeof ts !== 'number') throw new Error('the emulator did not timestamp its frames (startEmulator({ timestamps: true }))');
    if (Number.isNaN(firstTs)) firstTs = ts;
    lastTs = ts;
    const text = obj.choices?.[0]?.delta?.content ?? '';
    if (!text) continue;
    for (const ch of text) {
      if (ch === '\n') {
        if (!isFence(line)) done += countAlnum(line);
        line = '';
      } else line += ch;
    }
    chunks.push({ ts, cum: done + (isFence(line) ? 0 : countAlnum(line)), text });
  }
  return { chunks, firstTs, lastTs };
}

export async function measureStream(page: Page, emu: Emulator, opts: { text: string; chunkSize: number; tokensPerSecond: number; label: string; profile?: string }): Promise<StreamResult> {
  const before = new Set(emu.completions.keys());
  emu.script('openai', [{ kind: 'reply', text: opts.text, chunkSize: opts.chunkSize, tokensPerSecond: opts.tokensPerSecond, omitUsage: false }]);
  const prompt = `Benchmark: write a long answer (${opts.label}).`;
  await page.evaluate(`window.__bench.streamStart(${JSON.stringify(prompt)})`);
  const cpu0 = cpuSnapshot();
  const profiler = opts.profile ? await (opts.profile.endsWith('.json') ? startTrace(page) : startProfile(page)) : null;
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(prompt);
  await box.press('Enter');
  const expectedMs = opts.tokensPerSecond ? (opts.text.length / opts.chunkSize / opts.tokensPerSecond) * 1000 : 0;
  await waitProbe(page, 'streamFinal', null, { timeout: expectedMs * 2 + 120_000, polling: 50 });
  const cpuMs = cpuDelta(cpu0, cpuSnapshot());
  const state = await readProbe(page);
  if (profiler && opts.profile) await profiler.stop(opts.profile);

  const id = [...emu.completions.keys()].find((k) => !before.has(k));
  const record = id ? emu.completions.get(id) : undefined;
  if (!record?.complete) throw new Error(`no complete emulator stream for the ${opts.label} run`);
  const { chunks, firstTs, lastTs } = sentChunks(Buffer.concat(record.responseChunks));

  // First time each painted count was reached (a frame can show less than an earlier one, e.g. plain text → Markdown).
  const samples = state.samples;
  const latencies: number[] = [];
  const atRaf: number[] = [];
  let j = 0;
  let prev = 0;
  let maxN = 0;
  for (const c of chunks) {
    if (c.cum === prev) continue;
    prev = c.cum;
    while (j < samples.length && samples[j]!.n < c.cum) j++;
    if (j >= samples.length) break;
    latencies.push(samples[j]!.t - c.ts);
    atRaf.push(samples[j]!.raf - c.ts);
  }
  for (const s of samples) maxN = Math.max(maxN, s.n);
  const expected = visibleCount(opts.text);
  const lastText = chunks[chunks.length - 1]!;
  const fullPaint = samples.find((s) => s.n >= expected);
  const finalAt = state.streamFinalAt!;
  const during = state.longTasks.filter((t) => t.start + t.duration >= firstTs && t.start <= finalAt);

  return {
    label: opts.label,
    chunks: chunks.length,
    chunksWithLatency: latencies.length,
    durationMs: lastTs - firstTs,
    rate: chunks.length / ((lastText.ts - firstTs) / 1000),
    latency: summary(latencies),
    latencyAtRaf: summary(atRaf),
    longTasks: {
      count: during.filter((t) => t.duration > 50).length,
      maxMs: Math.max(0, ...during.map((t) => t.duration)),
      totalMs: during.reduce((s, t) => s + t.duration, 0),
      list: during.map((t) => ({ atMs: Math.round(t.start - firstTs), ms: Math.round(t.duration) })),
    },
    lastByteToFinalMs: finalAt - lastTs,
    lastTextToPaintMs: fullPaint ? fullPaint.t - lastText.ts : NaN,
    consumeMs: fullPaint ? fullPaint.t - firstTs : NaN,
    frames: samples.length,
    cpuMs,
    visibleExpected: expected,
    visiblePainted: maxN,
    requestBody: record.requestBody,
  };
}
