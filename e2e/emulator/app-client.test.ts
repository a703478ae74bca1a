// The app's own provider adapters and stream runner against the emulator: proves the two agree.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModelInfo, StreamFrame } from '../../shared/domain';
import { adapters } from '../../electron/core/providers/registry';
import { runStream, type StreamOutcome } from '../../electron/core/stream/runner';
import { startEmulator, type Emulator, type EmuProvider, type Step } from './index';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

async function catalog(p: EmuProvider): Promise<ModelInfo[]> {
  return adapters[p].fetchCatalog({ baseUrl: emu.bases[p], key: emu.keys[p], fetch });
}

async function send(p: EmuProvider, modelId: string, thinking = false, steps: Step[] = []): Promise<{ outcome: StreamOutcome; frames: StreamFrame[] }> {
  if (steps.length) emu.script(p, steps);
  const models = await catalog(p);
  const model = models.find((m) => m.id === modelId) ?? null;
  const adapter = adapters[p];
  const built = adapter.buildChatRequest({
    provider: { id: p, kind: p, name: p, baseUrl: emu.bases[p], defaultModel: null, builtIn: true, options: {} },
    modelId,
    model,
    messages: [{ role: 'user', content: 'Hello app' }],
    thinking: { enabled: thinking, effort: 'low' },
  });
  const frames: StreamFrame[] = [];
  const outcome = await runStream({
    url: `${emu.bases[p]}/chat/completions`,
    headers: { 'content-type': 'application/json', ...adapter.authHeaders(emu.keys[p]), ...built.headers },
    body: JSON.stringify(built.body),
    adapter,
    requestedModel: modelId,
    signal: new AbortController().signal,
    onFrame: (f) => frames.push(f),
    timeouts: { backoffMs: 10, idleMs: 2000 },
  });
  return { outcome, frames };
}

const text = (frames: StreamFrame[], type: 'content' | 'reasoning') =>
  frames
    .filter((f) => f.type === type)
    .map((f) => (f as { text: string }).text)
    .join('');

describe('app adapters against the emulator', () => {
  it('every catalog parses, unpriced models stay unknown', async () => {
    for (const p of ['near', 'nanogpt', 'llmbase', 'openai'] as const) {
      const models = await catalog(p);
      expect(models.length, p).toBeGreaterThan(2);
      expect(models.some((m) => m.pricing.input === null), p).toBe(true);
    }
    const near = await catalog('near');
    expect(near.find((m) => m.id === 'deepseek-ai/DeepSeek-V3.1')?.privacy).toBe('private');
    expect(near.find((m) => m.id === 'anthropic/claude-sonnet-4-5')?.privacy).toBe('anonymised');
  });

  it('thinking replies stream reasoning, content and usage on every provider', async () => {
    for (const [p, model] of [
      ['near', 'deepseek-ai/DeepSeek-V3.1'],
      ['nanogpt', 'deepseek/deepseek-v3.2:thinking'],
      ['llmbase', 'openai/gpt-oss-120b'],
    ] as const) {
      const { outcome, frames } = await send(p, model, true);
      expect(outcome, p).toBe('done');
      expect(text(frames, 'reasoning').length, p).toBeGreaterThan(0);
      expect(text(frames, 'content'), p).toMatch(/^Echo: Hello app/);
      expect(frames.some((f) => f.type === 'usage'), p).toBe(true);
    }
  });

  it('429 then success; mid-stream errors; cut streams', async () => {
    const retried = await send('near', 'Qwen/Qwen3-30B-A3B-Instruct-2507', false, [{ kind: 'http-error', status: 429, retryAfter: 0 }]);
    expect(retried.outcome).toBe('done');
    expect(retried.frames.some((f) => f.type === 'retry')).toBe(true);
    const mid = await send('nanogpt', 'deepseek/deepseek-v3.2', false, [{ kind: 'midstream-error', afterChars: 6 }]);
    expect(mid.outcome).toBe('error');
    expect(text(mid.frames, 'content')).toBe('Echo: He'); // cut at the first chunk boundary at or past afterChars
    const cut = await send('near', 'Qwen/Qwen3-30B-A3B-Instruct-2507', false, [{ kind: 'no-done' }]);
    expect(cut.outcome).toBe('cut');
    const reset = await send('near', 'Qwen/Qwen3-30B-A3B-Instruct-2507', false, [{ kind: 'reset', afterChars: 4 }]);
    expect(reset.outcome).toBe('error');
    const utf8 = await send('llmbase', 'qwen/qwen3-coder', false, [{ kind: 'split-utf8' }]);
    expect(text(utf8.frames, 'content')).toBe('héllo wörld — 日本語 🎉');
  });

  it('LLMBase fallback reaches the app as a meta frame', async () => {
    const { outcome, frames } = await send('llmbase', 'moonshotai/kimi-k2.6');
    expect(outcome).toBe('done');
    const meta = frames.find((f) => f.type === 'meta' && f.fallback);
    expect(meta && meta.type === 'meta' ? meta.fallback?.served : null).toBe('moonshotai/kimi-k2.5');
  });
});
