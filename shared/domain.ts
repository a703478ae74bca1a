// Domain records shared by main and renderer. Zod schemas are the single source:
// the types are inferred from them, and the router strips unknown fields on the way out.
import { z } from 'zod';

export const ProviderKind = z.enum(['near', 'nanogpt', 'llmbase', 'openai']);
export type ProviderKind = z.infer<typeof ProviderKind>;

export const Privacy = z.enum(['private', 'anonymised', 'standard']);
export type Privacy = z.infer<typeof Privacy>;

const id = z.string().min(1).max(200);

/**
 * Text a provider wrote (an error, a fallback reason, a model's blurb), cut to fit with an
 * ellipsis. A limit it broke must not fail the record that holds it: one 5,000-character
 * error made its whole conversation unreadable, and its backup unimportable.
 */
export const providerText = (max: number) => z.string().transform((s) => clipText(s, max));
export const clipText = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** A provider's list, cut to its first `max` entries. */
const providerList = <T extends z.ZodType>(item: T, max: number) => z.array(item).transform((a) => a.slice(0, max));

/** A configured provider as the renderer sees it: never a key, only whether one is stored. */
export const Provider = z.object({
  id,
  kind: ProviderKind,
  name: z.string().min(1).max(100),
  baseUrl: z.string().max(2000),
  defaultModel: z.string().max(300).nullable(),
  builtIn: z.boolean(),
  hasKey: z.boolean(),
  options: z.object({
    /** LLMBase: send `X-LLMBase-Fallback: off`. */
    fallbackOff: z.boolean().optional(),
    /** A custom endpoint's models see images: most such endpoints publish no capabilities, so the user says. */
    modelsSeeImages: z.boolean().optional(),
  }),
});
export type Provider = z.infer<typeof Provider>;

/** USD per 1M tokens; null = the provider publishes no price (never treated as 0). */
export const Pricing = z.object({
  input: z.number().nonnegative().nullable(),
  output: z.number().nonnegative().nullable(),
  cachedInput: z.number().nonnegative().nullable(),
});
export type Pricing = z.infer<typeof Pricing>;

export const ModelInfo = z.object({
  provider: id,
  id: z.string().min(1).max(300),
  name: providerText(300),
  description: providerText(5000).nullable(),
  contextLength: z.number().int().positive().nullable(),
  maxOutput: z.number().int().positive().nullable(),
  pricing: Pricing,
  capabilities: z.object({
    reasoning: z.boolean(),
    vision: z.boolean(),
    tools: z.boolean(),
    structuredOutput: z.boolean(),
    pdf: z.boolean(),
  }),
  inputModalities: z.array(z.string().max(50)).max(20),
  privacy: Privacy,
  /** False for image generators, OCR and other models a conversation cannot use. */
  chat: z.boolean(),
  /** How thinking is requested, when the model reasons. */
  thinking: z.enum(['none', 'effort', 'template-thinking', 'template-enable-thinking', 'model-suffix']),
  supportedParameters: z.array(z.string().max(100)).max(100).nullable(),
  /** Provider-published facts for the details pane (quantization, category, …). */
  extra: z.record(z.string().max(100), providerText(2000)),
  source: z.enum(['bundled', 'live']),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

export const Usage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  cachedTokens: z.number().int().nonnegative().nullable(),
  reasoningTokens: z.number().int().nonnegative().nullable(),
  /** True when counted locally with a tokenizer because the provider sent none. */
  estimated: z.boolean(),
});
export type Usage = z.infer<typeof Usage>;

export const Cost = z.object({
  /** The figure to show and total; null = unknown (no price). */
  usd: z.number().nonnegative().nullable(),
  /** Our own price × tokens figure. */
  computedUsd: z.number().nonnegative().nullable(),
  /** What the provider said it billed, where it says. */
  reportedUsd: z.number().nonnegative().nullable(),
  estimated: z.boolean(),
  /** The model whose prices billed the reply, when another model than the requested one served it (fallback). */
  billedModel: providerText(300).nullable().optional(),
});
export type Cost = z.infer<typeof Cost>;

export const MessageStatus = z.enum(['streaming', 'complete', 'stopped', 'interrupted', 'error']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const ApiErrorInfo = z.object({
  code: providerText(100),
  message: providerText(4000),
  status: z.number().int().nullable().optional(),
  /** Seconds, from Retry-After. */
  retryAfter: z.number().nonnegative().nullable().optional(),
});
export type ApiErrorInfo = z.infer<typeof ApiErrorInfo>;

export const Timings = z.object({
  startedAt: z.number(),
  firstTokenAt: z.number().nullable(),
  reasoningStartedAt: z.number().nullable(),
  contentStartedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
});
export type Timings = z.infer<typeof Timings>;

export const Fallback = z.object({
  requested: providerText(300).nullable(),
  served: providerText(300).nullable(),
  reason: providerText(1000).nullable(),
  chain: providerList(providerText(300), 20),
});
export type Fallback = z.infer<typeof Fallback>;

/** TEE verification of a Private reply (NEAR AI Cloud signature + attestation report). */
export const VerificationStatus = z.enum(['verified', 'failed', 'not_verifiable']);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/** What was checked, for the details panel; null where a step was not reached. Hashes and addresses are lowercase hex. */
export const VerificationEvidence = z.object({
  completionId: providerText(300).nullable(),
  model: providerText(300).nullable(),
  /** The text the provider signed: `MODEL:REQ_HASH:RESP_HASH` or `REQ_HASH:RESP_HASH`. */
  signedText: providerText(2000).nullable(),
  signature: providerText(300).nullable(),
  signedModel: providerText(300).nullable(),
  /** The hashes inside the signed text. */
  requestHash: providerText(200).nullable(),
  responseHash: providerText(200).nullable(),
  /** SHA-256 of the exact bytes this app sent and received. */
  expectedRequestHash: providerText(200).nullable(),
  expectedResponseHash: providerText(200).nullable(),
  /** Address recovered from the signature, and the one the provider claims signed. */
  signer: providerText(200).nullable(),
  signingAddress: providerText(200).nullable(),
  signatureKind: providerText(100).nullable(),
  /** The fresh nonce this app sent with the attestation request, and the one the report says it answered. */
  nonce: providerText(200).nullable(),
  requestNonce: providerText(200).nullable(),
  attestedAddresses: providerList(providerText(200), 100),
  reportData: providerText(1000).nullable(),
  expectedReportData: providerText(1000).nullable(),
  reportFetchedAt: z.number().nullable(),
});
export type VerificationEvidence = z.infer<typeof VerificationEvidence>;

export const VerificationResult = z.object({
  status: VerificationStatus,
  /** Plain words: what passed, or which check failed. */
  reason: providerText(2000),
  checkedAt: z.number(),
  evidence: VerificationEvidence,
  /** What this app does not check itself (always shown). */
  notChecked: z.string().max(1000),
});
export type VerificationResult = z.infer<typeof VerificationResult>;

/**
 * A file sent with a user message (an image, or a PDF for models that take documents).
 * The bytes live in the data folder (checked by content in main); the message keeps this
 * reference, and its `content` stays the text part, so text-only code paths are unchanged.
 */
export const ATTACHMENT_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export const AttachmentMime = z.enum(ATTACHMENT_MIMES);
export type AttachmentMime = z.infer<typeof AttachmentMime>;
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
export const AttachmentRef = z.object({
  id,
  kind: z.enum(['image', 'file']),
  mime: AttachmentMime,
  /** The name it had on the user's disk (display only; never a path). */
  name: z.string().min(1).max(255),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const Message = z.object({
  id,
  conversationId: id,
  seq: z.number().int(),
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string(),
  reasoning: z.string().nullable(),
  status: MessageStatus,
  providerId: z.string().nullable(),
  modelRequested: z.string().nullable(),
  modelServed: z.string().nullable(),
  privacy: Privacy.nullable(),
  error: ApiErrorInfo.nullable(),
  usage: Usage.nullable(),
  cost: Cost.nullable(),
  /** Prices of the model at send time, so later price changes never rewrite old costs. */
  pricing: Pricing.nullable(),
  timings: Timings.nullable(),
  fallback: Fallback.nullable(),
  /** TEE verification of a Private reply; null when not checked (or not a Private reply). */
  verification: VerificationResult.nullable(),
  /** Images and documents sent with a user message; [] for every other message (and all older ones). */
  attachments: z.array(AttachmentRef).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
  createdAt: z.number(),
});
export type Message = z.infer<typeof Message>;

export const ThinkingSetting = z.object({
  enabled: z.boolean(),
  effort: z.enum(['low', 'medium', 'high']),
});
export type ThinkingSetting = z.infer<typeof ThinkingSetting>;

export const Conversation = z.object({
  id,
  title: z.string().max(500),
  providerId: z.string().nullable(),
  modelId: z.string().nullable(),
  pinned: z.boolean(),
  privateOnly: z.boolean(),
  thinking: ThinkingSetting,
  budgetUsd: z.number().nonnegative().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Conversation = z.infer<typeof Conversation>;

/** What a stream produces, normalised across providers. */
export const StreamFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content'), text: z.string() }),
  z.object({ type: z.literal('reasoning'), text: z.string() }),
  z.object({ type: z.literal('usage'), usage: Usage, reportedCostUsd: z.number().nullable() }),
  z.object({
    type: z.literal('meta'),
    completionId: z.string().nullable(),
    servedModel: z.string().nullable(),
    fallback: Fallback.nullable(),
  }),
  z.object({ type: z.literal('error'), error: ApiErrorInfo }),
  z.object({ type: z.literal('retry'), attempt: z.number().int(), inSeconds: z.number(), error: ApiErrorInfo }),
  z.object({ type: z.literal('done'), finishReason: z.string().nullable() }),
]);
export type StreamFrame = z.infer<typeof StreamFrame>;
