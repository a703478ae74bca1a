// Bytes → SSE → frames, with the input split at every possible byte boundary.
import { describe, expect, it } from 'vitest';
import type { StreamFrame } from '../../../shared/domain';
import { ChunkNormaliser } from './normalise';
import { SseDecoder } from './sse';

const enc = new TextEncoder();

function run(parts: Uint8Array[]): StreamFrame[] {
  const sse = new SseDecoder();
  const norm = new ChunkNormaliser();
  const frames: StreamFrame[] = [];
  for (const p of parts) for (const d of sse.push(p)) frames.push(...norm.push(d));
  if (!norm.sawDone) for (const d of sse.end()) frames.push(...norm.push(d));
  frames.push(...norm.end());
  return frames;
}

/** Merge adjacent text frames: how they are split is not observable to the user. */
function merged(frames: StreamFrame[]): StreamFrame[] {
  const out: StreamFrame[] = [];
  for (const f of frames) {
    const last = out[out.length - 1];
    if (last && (f.type === 'content' || f.type === 'reasoning') && last.type === f.type) out[out.length - 1] = { type: f.type, text: last.text + f.text };
    else out.push(f);
  }
  return out;
}

function everySplit(text: string, check: (frames: StreamFrame[]) => void) {
  const bytes = enc.encode(text);
  check(merged(run([bytes])));
  for (let i = 1; i < bytes.length; i++) check(merged(run([bytes.slice(0, i), bytes.slice(i)])));
  // And byte by byte.
  check(merged(run([...bytes].map((b) => Uint8Array.of(b)))));
}

const chunk = (delta: object, extra: object = {}) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;

describe('stream pipeline', () => {
  it('NEAR: reasoning_content, content with multi-byte text, usage in a choices:[] chunk', () => {
    const stream =
      ': keep-alive\n\n' +
      chunk({ role: 'assistant', content: '' }) +
      chunk({ reasoning_content: 'Think: 2+2 — ünïcødé 🤔' }) +
      chunk({ content: 'Vier: 4 ✓ 日本', reasoning_content: null }) +
      '\n' +
      `data: ${JSON.stringify({ id: 'c1', model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: null })}\n\n` +
      `data: ${JSON.stringify({ id: 'c1', model: 'm', choices: [], usage: { prompt_tokens: 13, completion_tokens: 81, total_tokens: 94, reasoning_tokens: 60 } })}\n\n` +
      'data: [DONE]\n\n';
    everySplit(stream, (frames) => {
      expect(frames).toEqual([
        { type: 'meta', completionId: 'c1', servedModel: 'm', fallback: null },
        { type: 'reasoning', text: 'Think: 2+2 — ünïcødé 🤔' },
        { type: 'content', text: 'Vier: 4 ✓ 日本' },
        { type: 'usage', usage: { promptTokens: 13, completionTokens: 81, cachedTokens: null, reasoningTokens: 60, estimated: false }, reportedCostUsd: null },
      ]);
    });
  });

  it('inline <think> tags split anywhere never leak into the answer', () => {
    const stream = chunk({ content: '<think>' }) + chunk({ content: 'plan it</th' }) + chunk({ content: 'ink>\n\nAnswer <b>' }) + 'data: [DONE]\n\n';
    everySplit(stream, (frames) => {
      const text = frames.filter((f) => f.type === 'content').map((f) => (f as { text: string }).text).join('');
      const thought = frames.filter((f) => f.type === 'reasoning').map((f) => (f as { text: string }).text).join('');
      expect(text).toBe('Answer <b>');
      expect(thought).toBe('plan it');
    });
  });

  it('NanoGPT: reasoning field, usage and billed cost on the finish chunk, reasoning_details', () => {
    const stream =
      chunk({ reasoning: 'a' }) +
      chunk({ reasoning_details: [{ type: 'reasoning.text', text: 'b' }, { type: 'reasoning.summary', summary: 'c' }, { type: 'reasoning.encrypted', data: 'xx' }] }) +
      chunk({ content: 'hi' }) +
      `data: ${JSON.stringify({
        id: 'c1', model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
        usage: { prompt_tokens: 123, completion_tokens: 20, total_tokens: 143, prompt_tokens_details: { cached_tokens: 5 }, completion_tokens_details: { reasoning_tokens: 12 } },
        x_nanogpt_pricing: { cost: 0.000169, inputTokens: 9, outputTokens: 20, cacheCost: 0, paymentSource: 'USD' },
      })}\n\n` +
      'data: [DONE]\n\n';
    everySplit(stream, (frames) => {
      expect(frames.slice(1)).toEqual([
        { type: 'reasoning', text: 'abc[hidden reasoning]' },
        { type: 'content', text: 'hi' },
        { type: 'usage', usage: { promptTokens: 123, completionTokens: 20, cachedTokens: 5, reasoningTokens: 12, estimated: false }, reportedCostUsd: 0.000169 },
      ]);
    });
  });

  it('reasoning sent in two fields of one delta (OpenRouter style, proxies) is shown once', () => {
    const stream =
      chunk({ reasoning: 'Let me ', reasoning_details: [{ type: 'reasoning.text', text: 'Let me ' }] }) +
      chunk({ reasoning: 'think.', reasoning_content: 'think.' }) +
      chunk({ reasoning: '', reasoning_content: null, reasoning_details: [{ type: 'reasoning.summary', summary: ' Done.' }] }) +
      chunk({ content: 'hi' }) +
      'data: [DONE]\n\n';
    everySplit(stream, (frames) => {
      expect(frames.slice(1)).toEqual([
        { type: 'reasoning', text: 'Let me think. Done.' },
        { type: 'content', text: 'hi' },
      ]);
    });
  });

  it('mid-stream error frames of NEAR and NanoGPT become error frames, text kept', () => {
    const near = chunk({ content: 'part' }) + 'data: {"error":{"message":"overloaded","type":"server_error"}}\n\n' + 'data: [DONE]\n\n';
    everySplit(near, (frames) => {
      expect(frames.some((f) => f.type === 'content' && f.text === 'part')).toBe(true);
      const err = frames.find((f) => f.type === 'error');
      expect(err && err.type === 'error' && err.error.message).toContain('overloaded');
    });
    const nano =
      chunk({ content: 'part' }) +
      `data: ${JSON.stringify({ id: 'c1', model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'error' }], error: { status: 503, message: 'upstream down', code: 'service_unavailable' } })}\n\n` +
      'data: [DONE]\n\n';
    everySplit(nano, (frames) => {
      const err = frames.find((f) => f.type === 'error');
      expect(err?.type === 'error' && err.error).toMatchObject({ code: 'service_unavailable', status: 503 });
    });
  });

  it('a malformed chunk is reported and the stream goes on', () => {
    const frames = merged(run([enc.encode(chunk({ content: 'a' }) + 'data: {not json\n\n' + chunk({ content: 'b' }) + 'data: [DONE]\n\n')]));
    expect(frames.filter((f) => f.type === 'error')).toHaveLength(1);
    expect(frames.filter((f) => f.type === 'content').map((f) => (f as { text: string }).text)).toEqual(['a', 'b']);
  });

  it('an unterminated last event is dropped, not half-parsed', () => {
    const frames = run([enc.encode(chunk({ content: 'a' }) + 'data: {"choices":[{"delta":{"content":"b')]);
    expect(frames.filter((f) => f.type === 'error')).toHaveLength(0);
    expect(frames.filter((f) => f.type === 'content')).toEqual([{ type: 'content', text: 'a' }]);
  });
});
