// A provider is data plus a few hooks; everything else (HTTP, SSE, persistence) is shared.
import type { ApiErrorInfo, Fallback, ModelInfo, ProviderKind, ThinkingSetting } from '../../../shared/domain';
import type { ProviderRecord } from '../history/providers-repo';
import type { WirePart } from '../attachments/wire';

export interface WireMessage {
  role: 'user' | 'assistant' | 'system';
  /** The text (what tokenizers and text-only paths read). */
  content: string;
  /** When the message carries attachments: the content parts sent instead of `content` (text part first). */
  parts?: WirePart[];
}

export interface ChatRequestInput {
  provider: ProviderRecord;
  modelId: string;
  /** The catalog entry, when the model is known; decides which parameters may be sent. */
  model: ModelInfo | null;
  messages: WireMessage[];
  thinking: ThinkingSetting;
}

export interface BuiltChatRequest {
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** Why something the user asked for was not sent (e.g. a parameter the model does not advertise). */
  notes: string[];
}

export interface CatalogContext {
  baseUrl: string;
  key: string | null;
  fetch: typeof fetch;
  signal?: AbortSignal;
}

export interface ProviderAdapter {
  kind: ProviderKind;
  /** Display name of the built-in provider (custom providers carry their own). */
  label: string;
  defaultBaseUrl: string;
  /** Built-in clouds need a key; a local OpenAI-compatible server often does not. */
  keyRequired: boolean;
  /** Where a person gets a key (opened in the system browser). */
  keyPageUrl: string | null;
  authHeaders(key: string | null): Record<string, string>;
  buildChatRequest(input: ChatRequestInput): BuiltChatRequest;
  /** Facts carried in response headers (LLMBase fallback). */
  readResponseHeaders(headers: Headers, requestedModel: string): Fallback | null;
  fetchCatalog(ctx: CatalogContext): Promise<ModelInfo[]>;
  /** Turns a non-2xx body into a sentence a person understands. */
  mapHttpError(status: number, body: unknown, headers: Headers): ApiErrorInfo;
}
