// Public types of the provider emulator: providers, scripted steps, recorded requests.

export type EmuProvider = 'near' | 'nanogpt' | 'llmbase' | 'openai';
export const PROVIDERS: readonly EmuProvider[] = ['near', 'nanogpt', 'llmbase', 'openai'];

/** Where reasoning goes in the stream. Default per provider: NEAR/LLMBase/openai `reasoning_content`, NanoGPT `reasoning`. */
export type ReasoningField = 'reasoning_content' | 'reasoning' | 'reasoning_details' | 'think-tags';

/** How a streamed reply is shaped; shared by every step that streams. */
export interface StreamOptions {
  /** Content text; default `Echo: <last user text>` + a short markdown paragraph. */
  text?: string;
  /** Reasoning text; default: generated only when thinking was requested the provider's way. '' forces none. */
  reasoning?: string;
  reasoningField?: ReasoningField;
  /** Code points per content/reasoning chunk (default 4). */
  chunkSize?: number;
  /** Chunks per second (each chunk counts as one token for pacing); 0 = no delay. Default: the emulator's. */
  tokensPerSecond?: number;
  /** Delay before the response headers (time to first byte), ms. */
  latencyMs?: number;
  /** Interleave `: keep-alive` comments and blank lines between every frame. */
  keepAlive?: boolean;
}

export interface UsageOverride {
  prompt_tokens?: number;
  completion_tokens?: number;
  reasoning_tokens?: number;
  cached_tokens?: number;
}

export type Step =
  /** A normal reply (the default when nothing is queued). */
  | ({
      kind: 'reply';
      usage?: UsageOverride;
      /** Prompt tokens reported as cache reads (billed at the cache-read price). */
      cachedTokens?: number;
      /** Send no usage at all, even where the provider always does. */
      omitUsage?: boolean;
      /** NanoGPT: override x_nanogpt_pricing.cost; null omits x_nanogpt_pricing. */
      reportedCost?: number | null;
      finishReason?: string;
    } & StreamOptions)
  /** Answer with an HTTP error before any stream. Body defaults to the provider's shape for that status. */
  | { kind: 'http-error'; status: 400 | 401 | 402 | 403 | 404 | 429 | 500 | 502 | 503; retryAfter?: number; body?: object | string; message?: string }
  /** Stream until at least `afterChars` characters (reasoning + content; cut at the next chunk boundary) were sent, then an in-stream error and [DONE]. `form` defaults to the provider's (NanoGPT: finish_reason "error" + top-level error; others: {"error":{message,type:"server_error"}}). */
  | ({ kind: 'midstream-error'; afterChars: number; message?: string; form?: 'near' | 'nanogpt' } & StreamOptions)
  /** A `data: {not json` frame halfway through, then the rest of the reply. */
  | ({ kind: 'malformed-chunk' } & StreamOptions)
  /** A `data: hello world` frame halfway through, then the rest. */
  | ({ kind: 'not-json-chunk' } & StreamOptions)
  /** Content only: no finish_reason, no usage, no [DONE]; the body just ends. */
  | ({ kind: 'no-done' } & StreamOptions)
  /** Destroy the socket (TCP reset) after `afterChars` characters. */
  | ({ kind: 'reset'; afterChars: number } & StreamOptions)
  /** Stop sending after `afterChars` characters but keep the connection open until the client (or close()) ends it. */
  | ({ kind: 'stall'; afterChars: number } & StreamOptions)
  /** Accept the request and never send headers. */
  | { kind: 'never-respond' }
  /** A reply whose content totals about `bytes` bytes, in 64 KiB chunks, then finishes normally. */
  | { kind: 'huge'; bytes: number }
  /** Multi-byte text ("héllo wörld — 日本語 🎉" by default) with every multi-byte character split across socket writes. */
  | { kind: 'split-utf8'; text?: string; writeDelayMs?: number }
  /** A redirect with a Location header and no body. */
  | { kind: 'redirect'; status: 301 | 302 | 307 | 308; location: string }
  /** An HTML error page (content-type text/html). */
  | { kind: 'html-error'; status?: 200 | 500 | 502 | 503 }
  /** Ignore stream:true and answer with one JSON chat.completion. */
  | ({ kind: 'json-reply' } & StreamOptions)
  /** LLMBase smart fallback: another model serves (headers + chunk `model`). On other providers: a plain reply with `model` = served. */
  | ({ kind: 'fallback'; served: string; reason?: string; chain?: string[] } & StreamOptions);

export interface RecordedRequest {
  method: string;
  /** Full path without the query, e.g. /near/v1/chat/completions. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  /** Parsed JSON body, or null when the body is empty or not JSON. */
  json: unknown;
  /** Which mount answered, or null (control/unknown). */
  provider: EmuProvider | null;
  /** ms since epoch. */
  at: number;
}

/** Exact bytes of one chat completion, kept for TEE signing (keyed by completion id). */
export interface CompletionRecord {
  id: string;
  provider: EmuProvider;
  /** The model the client asked for and the one that served. */
  model: string;
  servedModel: string;
  requestBody: Buffer;
  /** Every byte written for the response body so far (ends with the final blank line when complete). */
  responseChunks: Buffer[];
  /** True once the emulator finished writing the whole response. */
  complete: boolean;
  /** True when the client went away before the end. */
  clientDisconnected: boolean;
}

/** Switches that make the emulated NEAR TEE verification fail on purpose (all off by default; reset() clears them). */
export interface TeeTamper {
  /** Sign a response hash over bytes with one byte flipped (not what was sent). */
  responseByte?: boolean;
  /** Sign the hash of a different request body than the one received. */
  requestBody?: boolean;
  /** Sign with a key that no attestation report lists. */
  foreignKey?: boolean;
  /** Answer attestation reports with another nonce than the one asked for. */
  staleNonce?: boolean;
  /** 404 every signature lookup. */
  signatureNotFound?: boolean;
  /** Sign the two-part text `REQ_HASH:RESP_HASH` instead of `MODEL:REQ_HASH:RESP_HASH`. */
  twoPart?: boolean;
  /** 'gateway': sign with the gateway key (two-part text), attested by gateway_attestation. */
  signatureKind?: 'provider_tee' | 'gateway';
}

export interface EmulatorInfo {
  url: string;
  port: number;
  keys: Record<EmuProvider, string>;
  /** Base URLs to configure in the app, per provider; `local` is a keyless OpenAI-compatible mount. */
  bases: Record<EmuProvider | 'local', string>;
}

export interface EmulatorOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /** Default pacing in chunks per second; 0 (default) = no delay. */
  tokensPerSecond?: number;
  /** Fix some keys instead of random ones. */
  keys?: Partial<Record<EmuProvider, string>>;
  /** Embed `x_emulator_ts` (send time, performance.timeOrigin + performance.now()) in every streamed frame, as the `x-emulator-timestamps: 1` request header does (the benchmark: the app never sends that header). */
  timestamps?: boolean;
}

export interface Emulator extends EmulatorInfo {
  close(): Promise<void>;
  requests: RecordedRequest[];
  completions: Map<string, CompletionRecord>;
  script(provider: EmuProvider, steps: Step[]): void;
  reset(): void;
  info(): EmulatorInfo;
  /** NEAR TEE signing: test key addresses and tampering switches. */
  tee: { addresses(): { model: string; gateway: string; foreign: string }; tamper(t: TeeTamper): void };
}
