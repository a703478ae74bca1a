// The one contract between main and renderer: every call and event, declared once.
// Both transports (Electron IPC and the browser-mode WebSocket) and the preload's
// allowlist are derived from this object, so they cannot drift.
import { z } from 'zod';
import {
  Conversation,
  Message,
  ModelInfo,
  Provider,
  ProviderKind,
  StreamFrame,
  ThinkingSetting,
} from './domain';

const id = z.string().min(1).max(200);
const apiKey = z
  .string()
  .trim()
  .min(1, 'API key is empty')
  .max(4096, 'API key is too long')
  .regex(/^[\x21-\x7e]+$/, 'API key may contain only printable ASCII without spaces');
const baseUrl = z
  .string()
  .trim()
  .max(2000)
  .url('Base URL must be a full URL such as https://api.example.com/v1')
  .refine((u) => /^https?:\/\//i.test(u), 'Base URL must start with http:// or https://');

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const Settings = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  textSize: z.enum(['small', 'medium', 'large']),
  autoVerify: z.boolean(),
  notifications: z.boolean(),
  defaultBudgetUsd: z.number().nonnegative().nullable(),
  sidebarWidth: z.number().int().min(180).max(600),
  lastConversationId: z.string().max(200).nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const CatalogSource = z.object({
  providerId: id,
  source: z.enum(['bundled', 'live']),
  /** When the live list was fetched, or the date of the bundled list (ms). */
  asOf: z.number(),
  error: z.string().max(2000).nullable(),
});
export type CatalogSource = z.infer<typeof CatalogSource>;

export const SearchHit = z.object({
  conversationId: id,
  conversationTitle: z.string(),
  messageId: id,
  role: z.string(),
  /** Snippet with matches wrapped in \u0001 … \u0002 markers (rendered as <mark>). */
  snippet: z.string(),
  createdAt: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const calls = {
  'app.info': call(
    Empty,
    z.object({ version: z.string(), mode: z.enum(['electron', 'web']), dataDir: z.string() }),
  ),

  'settings.get': call(Empty, Settings),
  'settings.update': call(Settings.partial().strict(), Settings),

  'providers.list': call(Empty, z.array(Provider)),
  'providers.save': call(
    z
      .object({
        /** Absent: create a custom OpenAI-compatible provider. */
        id: id.optional(),
        kind: ProviderKind.default('openai'),
        name: z.string().trim().min(1, 'Name is required').max(100),
        baseUrl,
        defaultModel: z.string().trim().max(300).nullable().optional(),
        /** Stored in the OS keychain, never returned. */
        apiKey: apiKey.optional(),
        options: Provider.shape.options.optional(),
      })
      .strict(),
    Provider,
  ),
  'providers.remove': call(z.object({ id }).strict(), Ok),

  'keys.set': call(z.object({ providerId: id, apiKey }).strict(), z.object({ hasKey: z.boolean() })),
  'keys.remove': call(z.object({ providerId: id }).strict(), z.object({ hasKey: z.boolean() })),
  'keys.has': call(z.object({ providerId: id }).strict(), z.object({ hasKey: z.boolean() })),

  'catalog.list': call(Empty, z.object({ models: z.array(ModelInfo), sources: z.array(CatalogSource) })),
  'catalog.refresh': call(
    z.object({ providerId: id.optional() }).strict(),
    z.object({ models: z.array(ModelInfo), sources: z.array(CatalogSource) }),
  ),

  'conversations.list': call(Empty, z.array(Conversation)),
  'conversations.create': call(
    z
      .object({ providerId: z.string().max(200).nullable().optional(), modelId: z.string().max(300).nullable().optional() })
      .strict(),
    Conversation,
  ),
  'conversations.update': call(
    z
      .object({
        id,
        title: z.string().trim().min(1).max(500).optional(),
        pinned: z.boolean().optional(),
        providerId: z.string().max(200).nullable().optional(),
        modelId: z.string().max(300).nullable().optional(),
        privateOnly: z.boolean().optional(),
        thinking: ThinkingSetting.optional(),
        budgetUsd: z.number().nonnegative().max(1e6).nullable().optional(),
      })
      .strict(),
    Conversation,
  ),
  'conversations.delete': call(z.object({ id }).strict(), Ok),

  'messages.list': call(z.object({ conversationId: id }).strict(), z.array(Message)),

  'chat.send': call(
    z
      .object({
        conversationId: id,
        text: z.string().trim().min(1, 'Message is empty').max(1_000_000, 'Message is too long (1,000,000 characters at most)'),
      })
      .strict(),
    z.object({ user: Message, assistant: Message }),
  ),
  'chat.stop': call(z.object({ messageId: id }).strict(), Ok),

  'history.search': call(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    z.array(SearchHit),
  ),
} as const;

export const events = {
  /** Coalesced frames of a streaming reply (about one batch per animation frame). */
  'chat.stream': z.object({ messageId: id, conversationId: id, frames: z.array(StreamFrame) }),
  /** A reply reached its final state; the message as stored. */
  'chat.done': z.object({ message: Message }),
  'conversations.changed': z.object({ conversation: Conversation.nullable(), deletedId: z.string().nullable() }),
  'catalog.updated': z.object({ sources: z.array(CatalogSource) }),
  /** Something the user must know that belongs to no call (e.g. the disk became read-only). */
  'app.alert': z.object({ level: z.enum(['warning', 'error']), message: z.string() }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** What every call resolves to on the wire: never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
export type ApiError = { code: string; message: string; issues?: { path: string; message: string }[] };

/** The object the renderer talks to (window.api in Electron, a WebSocket client in browser mode). */
export interface Bridge {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<ApiResult<CallOutput<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}
