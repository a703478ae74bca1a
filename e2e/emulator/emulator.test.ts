import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChunkNormaliser } from '../../electron/core/stream/normalise';
import { SseDecoder } from '../../electron/core/stream/sse';
import { computeUsage, EmulatorClient, modelPrices, nanoGptCost, SPLIT_UTF8_TEXT, startEmulator, type Emulator, type EmuProvider } from './index';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A NEAR model that reasons only when asked. */
const PLAIN = 'Qwen/Qwen3-30B-A3B-Instruct-2507';
const MSGS = [{ role: 'user', content: 'Hello emulator' }];

function chat(provider: EmuProvider, body: Json, headers: Record<string, string> = {}, signal?: AbortSignal) {
  const auth: Record<string, string> = provider === 'nanogpt' ? { 'x-api-key': emu.keys.nanogpt } : { authorization: `Bearer ${emu.keys[provider]}` };
  return fetch(`${emu.bases[provider]}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth, ...headers },
    body: JSON.stringify({ messages: MSGS, stream: true, ...body }),
    signal,
    redirect: 'manual',
  });
}

/** Reads the whole body: raw reads, the `data:` payloads, and parsed chunks. */
async function readSse(res: Response) {
  const reads: Uint8Array[] = [];
  const reader = res.body!.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    reads.push(value);
  }
  const text = Buffer.concat(reads).toString('utf8');
  const data = text
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => l.slice(6));
  const chunks = data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as Json);
  return { reads, text, data, chunks };
}

const joinField = (chunks: Json[], field: string) => chunks.map((c) => c.choices?.[0]?.delta?.[field] ?? '').join('');

describe('catalogs', () => {
  it('NEAR /models and paginated /model/list', async () => {
    const list = (await (await fetch(`${emu.bases.near}/models`)).json()) as Json;
    const glm = list.data.find((m: Json) => m.id === 'zai-org/GLM-4.7');
    expect(glm.pricing).toEqual({ input: 0.85, output: 3.3, prompt: '0.00000085', completion: '0.0000033', input_cache_read: '0.00000017' });
    expect(glm).toMatchObject({ context_length: 131072, max_output_length: 131072, input_modalities: ['text'], quantization: 'fp8' });
    expect(list.data.find((m: Json) => m.id === 'black-forest-labs/FLUX.2-klein-4B').output_modalities).toEqual(['image']);
    expect(list.data.some((m: Json) => m.pricing === undefined)).toBe(true);

    const page = (await (await fetch(`${emu.bases.near}/model/list?limit=3&offset=2`)).json()) as Json;
    expect(page).toMatchObject({ limit: 3, offset: 2, total: list.data.length });
    expect(page.models).toHaveLength(3);
    expect(page.models[0].modelId).toBe(list.data[2].id);
    const all = (await (await fetch(`${emu.bases.near}/model/list?limit=100&offset=0`)).json()) as Json;
    const ds = all.models.find((m: Json) => m.modelId === 'deepseek-ai/DeepSeek-V3.1');
    expect(ds.inputCostPerToken).toEqual({ amount: 1050, scale: 9, currency: 'USD' });
    expect(ds.metadata).toMatchObject({ verifiable: true, providerType: 'vllm', modelDisplayName: 'DeepSeek V3.1' });
    expect(all.models.find((m: Json) => m.modelId === 'anthropic/claude-sonnet-4-5').metadata).toMatchObject({ verifiable: false, providerType: 'external' });
  });

  it('NanoGPT detailed, sorted, subscription and paid lists', async () => {
    const basic = (await (await fetch(`${emu.bases.nanogpt}/models`)).json()) as Json;
    expect(Object.keys(basic.data[0]).sort()).toEqual(['created', 'id', 'object', 'owned_by']);
    const detailed = (await (await fetch(`${emu.bases.nanogpt}/models?detailed=true`)).json()) as Json;
    const ids = detailed.data.map((m: Json) => m.id);
    expect(ids).toContain('deepseek/deepseek-v3.2:thinking');
    const gpt = detailed.data.find((m: Json) => m.id === 'openai/gpt-5.2');
    expect(gpt).toMatchObject({ capabilities: { vision: true }, pricing: { prompt: 2.5, completion: 10, unit: 'per_million_tokens' }, max_output_tokens: 16384 });
    expect(detailed.data.some((m: Json) => m.pricing === undefined)).toBe(true);
    const sorted = (await (await fetch(`${emu.bases.nanogpt}/models?detailed=true&sort=mostused`)).json()) as Json;
    expect(sorted.data[0].id).toBe('zai-org/glm-4.7:thinking');
    expect(sorted.data).toHaveLength(detailed.data.length);
    const sub = (await (await fetch(`${emu.url}/nanogpt/api/subscription/v1/models`)).json()) as Json;
    const paid = (await (await fetch(`${emu.url}/nanogpt/api/paid/v1/models`)).json()) as Json;
    expect(sub.data.length + paid.data.length).toBe(ids.length);
    expect(sub.data.map((m: Json) => m.id)).toContain('deepseek/deepseek-v3.2');
    expect(paid.data.map((m: Json) => m.id)).toContain('openai/gpt-5.2');
  });

  it('LLMBase basic and metadata lists', async () => {
    const basic = (await (await fetch(`${emu.bases.llmbase}/models`)).json()) as Json;
    expect(basic.data[0].pricing).toBeUndefined();
    const meta = (await (await fetch(`${emu.bases.llmbase}/models?metadata=true`)).json()) as Json;
    const oss = meta.data.find((m: Json) => m.id === 'openai/gpt-oss-120b');
    expect(oss.pricing).toEqual({ prompt: 0.00000009, completion: 0.00000036 });
    expect(oss.supported_parameters).toContain('reasoning_effort');
    const coder = meta.data.find((m: Json) => m.id === 'qwen/qwen3-coder');
    expect(coder.pricing.prompt).toBe('0.0000004');
    expect(coder.supported_parameters).not.toContain('reasoning_effort');
    expect(meta.data.some((m: Json) => m.pricing === undefined)).toBe(true);
  });

  it('OpenAI-compatible list', async () => {
    const list = (await (await fetch(`${emu.bases.openai}/models`)).json()) as Json;
    expect(list.object).toBe('list');
    expect(list.data[0]).toHaveProperty('id');
  });
});

describe('auth and errors', () => {
  it('rejects missing and wrong keys in each provider shape', async () => {
    const missing = await fetch(`${emu.bases.near}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: PLAIN, messages: MSGS }) });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as Json).error.type).toBe('missing_auth_header');
    const wrong = await chat('near', { model: PLAIN }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as Json).error.type).toBe('invalid_api_key');
    const nanoBearer = await chat('nanogpt', { model: 'deepseek/deepseek-v3.2' }, { 'x-api-key': '', authorization: `Bearer ${emu.keys.nanogpt}` });
    expect(nanoBearer.status).toBe(200);
    await nanoBearer.body?.cancel();
    const llm = await chat('llmbase', { model: 'z-ai/glm-5' }, { authorization: 'Bearer bad' });
    expect(llm.status).toBe(401);
    expect(((await llm.json()) as Json).error.type).toBe('authentication_error');
  });

  it('unknown model → 404; NanoGPT 402 has a string error', async () => {
    const r = await chat('near', { model: 'nope/nope' });
    expect(r.status).toBe(404);
    expect(((await r.json()) as Json).error.code).toBe('model_not_found');
    emu.script('nanogpt', [{ kind: 'http-error', status: 402 }]);
    const p = await chat('nanogpt', { model: 'deepseek/deepseek-v3.2' });
    expect(p.status).toBe(402);
    expect(await p.json()).toMatchObject({ error: 'Insufficient balance', status: 402 });
  });

  it('scripted 429 with Retry-After, then success', async () => {
    emu.script('near', [{ kind: 'http-error', status: 429, retryAfter: 2 }]);
    const first = await chat('near', { model: PLAIN });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(((await first.json()) as Json).error.type).toBe('rate_limit_exceeded');
    const second = await chat('near', { model: PLAIN });
    expect(second.status).toBe(200);
    const { data } = await readSse(second);
    expect(data.at(-1)).toBe('[DONE]');
  });

  it('redirect and HTML error page', async () => {
    emu.script('openai', [{ kind: 'redirect', status: 307, location: 'https://evil.example/v1/chat/completions' }, { kind: 'html-error' }]);
    const r = await chat('openai', { model: 'gpt-4o-mini' });
    expect(r.status).toBe(307);
    expect(r.headers.get('location')).toBe('https://evil.example/v1/chat/completions');
    const h = await chat('openai', { model: 'gpt-4o-mini' });
    expect(h.status).toBe(502);
    expect(h.headers.get('content-type')).toContain('text/html');
    expect(await h.text()).toContain('<title>502 Bad Gateway</title>');
  });
});

describe('usage placement', () => {
  it('NEAR: only with include_usage, in an extra choices:[] chunk', async () => {
    const without = await readSse(await chat('near', { model: PLAIN }));
    expect(without.chunks.every((c) => c.usage === null)).toBe(true);
    const withUsage = await readSse(await chat('near', { model: PLAIN, stream_options: { include_usage: true } }));
    const last = withUsage.chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    const content = joinField(withUsage.chunks, 'content');
    expect(content.startsWith('Echo: Hello emulator')).toBe(true);
    const u = computeUsage(MSGS, content, '');
    expect(last.usage).toEqual({ prompt_tokens: u.prompt, completion_tokens: u.completion, total_tokens: u.prompt + u.completion });
    expect(withUsage.chunks.at(-2)!.choices[0].finish_reason).toBe('stop');
  });

  it('NanoGPT: with include_usage, on the finish chunk with x_nanogpt_pricing', async () => {
    const none = await readSse(await chat('nanogpt', { model: 'zai-org/glm-4.7' }));
    expect(none.chunks.some((c) => c.usage)).toBe(false);
    emu.script('nanogpt', [{ kind: 'reply', text: 'Short answer.', cachedTokens: 2 }]);
    const res = await readSse(await chat('nanogpt', { model: 'zai-org/glm-4.7', stream_options: { include_usage: true } }));
    const fin = res.chunks.at(-1)!;
    expect(fin.choices[0].finish_reason).toBe('stop');
    const u = computeUsage(MSGS, 'Short answer.', '', 2);
    expect(fin.usage).toMatchObject({ prompt_tokens: u.prompt, completion_tokens: u.completion, prompt_tokens_details: { cached_tokens: 2 } });
    expect(fin.x_nanogpt_pricing).toEqual(nanoGptCost(modelPrices('nanogpt', 'zai-org/glm-4.7')!, u));
    expect(fin.x_nanogpt_pricing.cost).toBeGreaterThan(0);
  });

  it('NanoGPT: no x_nanogpt_pricing for an unpriced model', async () => {
    const res = await readSse(await chat('nanogpt', { model: 'qwen/qwen3-coder-next', stream_options: { include_usage: true } }));
    expect(res.chunks.at(-1)!.usage).toBeTruthy();
    expect(res.chunks.at(-1)!.x_nanogpt_pricing).toBeUndefined();
  });

  it('LLMBase: always on the finish chunk, with fallback-applied false headers', async () => {
    const r = await chat('llmbase', { model: 'z-ai/glm-5.1' });
    expect(r.headers.get('x-llmbase-fallback-applied')).toBe('false');
    expect(r.headers.get('x-llmbase-served-model')).toBe('z-ai/glm-5.1');
    const res = await readSse(r);
    expect(res.chunks.at(-1)!.choices[0].finish_reason).toBe('stop');
    expect(res.chunks.at(-1)!.usage.completion_tokens).toBeGreaterThan(0);
  });

  it('OpenAI-compatible keyless mount streams', async () => {
    const r = await fetch(`${emu.bases.local}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: MSGS, stream: true }) });
    expect(r.status).toBe(200);
    expect((await readSse(r)).data.at(-1)).toBe('[DONE]');
  });
});

describe('thinking', () => {
  it('NEAR chat_template_kwargs → reasoning_content, counted in reasoning_tokens', async () => {
    const res = await readSse(await chat('near', { model: 'deepseek-ai/DeepSeek-V3.1', chat_template_kwargs: { thinking: true }, stream_options: { include_usage: true } }));
    const reasoning = joinField(res.chunks, 'reasoning_content');
    expect(reasoning.length).toBeGreaterThan(10);
    expect(res.chunks.at(-1)!.usage.reasoning_tokens).toBe(computeUsage(MSGS, '', reasoning).reasoning);
    const firstContent = res.chunks.findIndex((c) => c.choices?.[0]?.delta?.content);
    const lastReasoning = res.chunks.findLastIndex((c) => c.choices?.[0]?.delta?.reasoning_content);
    expect(lastReasoning).toBeLessThan(firstContent);
  });

  it('NEAR GLM thinks by default; enable_thinking false turns it off', async () => {
    const on = await readSse(await chat('near', { model: 'zai-org/GLM-4.7' }));
    expect(joinField(on.chunks, 'reasoning_content').length).toBeGreaterThan(0);
    const off = await readSse(await chat('near', { model: 'zai-org/GLM-4.7', chat_template_kwargs: { enable_thinking: false } }));
    expect(joinField(off.chunks, 'reasoning_content')).toBe('');
    const plain = await readSse(await chat('near', { model: PLAIN, chat_template_kwargs: { enable_thinking: true } }));
    expect(joinField(plain.chunks, 'reasoning_content')).toBe('');
  });

  it('NanoGPT :thinking → delta.reasoning; plain id → none', async () => {
    const t = await readSse(await chat('nanogpt', { model: 'deepseek/deepseek-v3.2:thinking' }));
    expect(joinField(t.chunks, 'reasoning').length).toBeGreaterThan(0);
    const p = await readSse(await chat('nanogpt', { model: 'deepseek/deepseek-v3.2' }));
    expect(joinField(p.chunks, 'reasoning')).toBe('');
  });

  it('LLMBase reasoning_effort: streamed when supported, 400 when not advertised', async () => {
    const ok = await readSse(await chat('llmbase', { model: 'openai/gpt-oss-120b', reasoning_effort: 'low' }));
    expect(joinField(ok.chunks, 'reasoning_content').length).toBeGreaterThan(0);
    const bad = await chat('llmbase', { model: 'qwen/qwen3-coder', reasoning_effort: 'low' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error).toMatchObject({ type: 'invalid_request_error', param: 'reasoning_effort' });
    const lp = await chat('llmbase', { model: 'z-ai/glm-5.1', logprobs: true });
    expect(lp.status).toBe(400);
  });

  it('scripted think-tags and reasoning_details', async () => {
    emu.script('openai', [
      { kind: 'reply', reasoning: 'deep thought', text: 'answer', reasoningField: 'think-tags' },
      { kind: 'reply', reasoning: 'deep thought', text: 'answer', reasoningField: 'reasoning_details' },
    ]);
    const a = await readSse(await chat('openai', { model: 'gpt-4o-mini' }));
    expect(joinField(a.chunks, 'content')).toBe('<think>deep thought</think>answer');
    const b = await readSse(await chat('openai', { model: 'gpt-4o-mini' }));
    expect(b.chunks.flatMap((c) => c.choices?.[0]?.delta?.reasoning_details ?? []).map((d: Json) => d.text).join('')).toBe('deep thought');
  });
});

describe('stream misbehaviour', () => {
  it('split UTF-8: characters arrive split across reads and decode intact', async () => {
    emu.script('near', [{ kind: 'split-utf8' }]);
    const res = await readSse(await chat('near', { model: PLAIN }));
    expect(joinField(res.chunks, 'content')).toBe(SPLIT_UTF8_TEXT);
    const strict = new TextDecoder('utf-8', { fatal: true });
    const brokenReads = res.reads.filter((r) => {
      try {
        strict.decode(r);
        return false;
      } catch {
        return true;
      }
    });
    expect(brokenReads.length).toBeGreaterThan(3);
  });

  it('midstream error in NEAR and NanoGPT forms', async () => {
    emu.script('near', [{ kind: 'midstream-error', afterChars: 8 }]);
    const n = await readSse(await chat('near', { model: PLAIN }));
    expect(n.chunks.at(-1)).toEqual({ error: { message: 'Upstream model server error', type: 'server_error' } });
    expect(n.data.at(-1)).toBe('[DONE]');
    expect(joinField(n.chunks, 'content')).toBe('Echo: He');
    emu.script('nanogpt', [{ kind: 'midstream-error', afterChars: 4 }]);
    const g = await readSse(await chat('nanogpt', { model: 'zai-org/glm-4.7' }));
    expect(g.chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: 'error' }], error: { status: 503, code: 'service_unavailable' } });
  });

  it('malformed, not-json and no-done', async () => {
    emu.script('near', [{ kind: 'malformed-chunk' }, { kind: 'not-json-chunk' }, { kind: 'no-done', text: 'cut here' }]);
    const m = await (await chat('near', { model: PLAIN })).text();
    expect(m).toContain('data: {not json\n\n');
    expect(m.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(await (await chat('near', { model: PLAIN })).text()).toContain('data: hello world\n\n');
    const nd = await (await chat('near', { model: PLAIN })).text();
    expect(nd).not.toContain('[DONE]');
    expect(nd).not.toContain('finish_reason":"stop"');
  });

  it('reset destroys the socket mid-stream', async () => {
    emu.script('near', [{ kind: 'reset', afterChars: 8 }]);
    const r = await chat('near', { model: PLAIN });
    await expect(readSse(r)).rejects.toThrow();
  });

  it('stall keeps the connection open; never-respond sends no headers', async () => {
    emu.script('near', [{ kind: 'stall', afterChars: 4 }, { kind: 'never-respond' }]);
    const ac = new AbortController();
    const r = await chat('near', { model: PLAIN }, {}, ac.signal);
    const reader = r.body!.getReader();
    const got: string[] = [];
    const timeout = new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), 300));
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === 'timeout') break;
      if (next.done) throw new Error('stream ended during a stall');
      got.push(Buffer.from(next.value).toString());
    }
    expect(got.join('')).toContain('"content":"Echo"');
    ac.abort();
    const ac2 = new AbortController();
    setTimeout(() => ac2.abort(), 300);
    await expect(chat('near', { model: PLAIN }, {}, ac2.signal)).rejects.toThrow();
  });

  it('paces chunks at tokensPerSecond', async () => {
    emu.script('near', [{ kind: 'reply', text: 'abcdefghijklmnopqrst', chunkSize: 2, tokensPerSecond: 50 }]);
    const t0 = performance.now();
    const res = await readSse(await chat('near', { model: PLAIN }));
    expect(joinField(res.chunks, 'content')).toBe('abcdefghijklmnopqrst');
    expect(performance.now() - t0).toBeGreaterThan(170); // 10 chunks × 20 ms
  });

  it('close() ends stalled and never-answered requests', async () => {
    const other = await startEmulator();
    other.script('near', [{ kind: 'stall', afterChars: 4 }, { kind: 'never-respond' }]);
    const post = () =>
      fetch(`${other.bases.near}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${other.keys.near}` },
        body: JSON.stringify({ model: PLAIN, messages: MSGS, stream: true }),
      });
    const stalled = await post();
    const pending = post().catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await other.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    await expect(stalled.text()).rejects.toThrow();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('huge reply, keep-alives and timestamps', async () => {
    emu.script('near', [{ kind: 'huge', bytes: 1_000_000 }, { kind: 'reply', keepAlive: true, text: 'abcdefgh' }]);
    const h = await readSse(await chat('near', { model: PLAIN }));
    expect(joinField(h.chunks, 'content').length).toBe(1_000_000);
    const k = await chat('near', { model: PLAIN }, { 'x-emulator-timestamps': '1' });
    const kr = await readSse(k);
    expect(kr.text.split(': keep-alive').length).toBeGreaterThan(4);
    expect(typeof kr.chunks[1]!.x_emulator_ts).toBe('number');
  });

  it('LLMBase fallback: headers and served model; off → 503', async () => {
    const r = await chat('llmbase', { model: 'moonshotai/kimi-k2.6' });
    expect(r.headers.get('x-llmbase-fallback-applied')).toBe('true');
    expect(r.headers.get('x-llmbase-served-model')).toBe('moonshotai/kimi-k2.5');
    expect(r.headers.get('x-llmbase-fallback-chain')).toBe('moonshotai/kimi-k2.6,moonshotai/kimi-k2.5');
    expect((await readSse(r)).chunks[0]!.model).toBe('moonshotai/kimi-k2.5');
    const off = await chat('llmbase', { model: 'moonshotai/kimi-k2.6' }, { 'x-llmbase-fallback': 'off' });
    expect(off.status).toBe(503);
    await off.body?.cancel();
    emu.script('llmbase', [{ kind: 'fallback', served: 'deepseek/deepseek-v3.2', reason: 'capacity' }]);
    const s = await chat('llmbase', { model: 'z-ai/glm-5.1' });
    expect(s.headers.get('x-llmbase-fallback-reason')).toBe('capacity');
    await s.body?.cancel();
  });
});

describe('control and records', () => {
  it('HTTP control: info, script, requests, reset', async () => {
    const c = new EmulatorClient(emu.url);
    expect((await c.info()).keys).toEqual(emu.keys);
    await c.script('near', [{ kind: 'http-error', status: 500 }]);
    const r = await chat('near', { model: PLAIN });
    expect(r.status).toBe(500);
    await r.body?.cancel();
    const reqs = await c.requests();
    expect(reqs.at(-1)).toMatchObject({ method: 'POST', path: '/near/v1/chat/completions', provider: 'near', json: { model: PLAIN } });
    expect(reqs.at(-1)!.headers.authorization).toBe(`Bearer ${emu.keys.near}`);
    await c.reset();
    expect(await c.requests()).toEqual([]);
  });

  it('keeps exact request and response bytes per completion id', async () => {
    const r = await chat('near', { model: PLAIN });
    const raw = Buffer.from(await r.arrayBuffer());
    const id = (JSON.parse(raw.toString().split('\n').find((l) => l.startsWith('data: {'))!.slice(6)) as Json).id as string;
    const rec = emu.completions.get(id)!;
    expect(Buffer.concat(rec.responseChunks).equals(raw)).toBe(true);
    expect(rec.requestBody.toString()).toBe(emu.requests.at(-1)!.body);
    expect((await new EmulatorClient(emu.url).completion(id)).complete).toBe(true);
  });

  it("the app's own normaliser reads every provider's stream", async () => {
    for (const [provider, model] of [
      ['near', 'deepseek-ai/DeepSeek-V3.1'],
      ['nanogpt', 'deepseek/deepseek-v3.2:thinking'],
      ['llmbase', 'openai/gpt-oss-120b'],
    ] as const) {
      emu.script(provider, [{ kind: 'reply', text: 'Hi ✓ there', reasoning: 'hmm', cachedTokens: 1 }]);
      const res = await chat(provider, { model, stream_options: { include_usage: true } });
      const sse = new SseDecoder();
      const norm = new ChunkNormaliser();
      const frames = [];
      for await (const b of res.body as unknown as AsyncIterable<Uint8Array>) for (const d of sse.push(b)) frames.push(...norm.push(d));
      expect(frames.filter((f) => f.type === 'content').map((f) => (f as { text: string }).text).join('')).toBe('Hi ✓ there');
      expect(frames.filter((f) => f.type === 'reasoning').map((f) => (f as { text: string }).text).join('')).toBe('hmm');
      const usage = frames.find((f) => f.type === 'usage');
      expect(usage).toBeTruthy();
      expect(norm.sawDone).toBe(true);
    }
  });
});
