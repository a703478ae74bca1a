// What a finished reply cost: the provider's usage (or a local count when it sent none),
// priced with the model that served it, the provider's own figure first where it has one.
import type { Cost, Fallback, MessageStatus, ModelInfo, Pricing, Usage } from '../../../shared/domain';
import { cheaperOf, costOf, type PricedModel } from '../../../shared/pricing';
import { countPromptTokens, countTokens } from './tokenizer';

export interface SettleInput {
  status: MessageStatus;
  usage: Usage | null;
  reportedCostUsd: number | null;
  providerId: string;
  requestedModel: string;
  /** Prices snapshotted at send time for the requested model. */
  requestedPricing: Pricing | null;
  /** The model named by the stream or the fallback headers. */
  servedModel: string | null;
  fallback: Fallback | null;
  /** The messages sent (for a local prompt count). */
  sent: readonly { content: string }[];
  content: string;
  reasoning: string;
  /** Any text or reasoning arrived. */
  receivedAny: boolean;
  /** The provider answered 2xx (it may bill from there). */
  accepted: boolean;
}

export interface Settled {
  usage: Usage | null;
  cost: Cost | null;
  /** The prices that billed the reply (stored on the message as its snapshot). */
  pricing: Pricing | null;
}

export type FindModel = (providerId: string, modelId: string) => ModelInfo | null;

/** Counted locally: prompt from the history sent, completion from the text received (reasoning included). */
export async function estimateUsage(sent: readonly { content: string }[], content: string, reasoning: string): Promise<Usage> {
  const reasoningTokens = await countTokens(reasoning);
  return {
    promptTokens: await countPromptTokens(sent),
    completionTokens: (await countTokens(content)) + reasoningTokens,
    cachedTokens: null,
    reasoningTokens: reasoning ? reasoningTokens : null,
    estimated: true,
  };
}

/** Which model's prices bill the reply. */
export function billingModel(input: Pick<SettleInput, 'providerId' | 'requestedModel' | 'requestedPricing' | 'servedModel' | 'fallback'>, usage: Usage | null, findModel: FindModel): PricedModel & { estimated: boolean } {
  const requested: PricedModel = { modelId: input.requestedModel, pricing: input.requestedPricing };
  const servedId = input.fallback?.served ?? input.servedModel;
  if (!servedId || servedId === input.requestedModel) return { ...requested, estimated: false };
  const served = findModel(input.providerId, servedId);
  // Smart fallback (LLMBase) bills the cheaper of requested and served.
  if (input.fallback) return cheaperOf(usage, requested, { modelId: servedId, pricing: served?.pricing ?? null });
  // Another name in the stream: bill at its prices when the catalog knows it (an alias it does not know keeps the snapshot).
  return served ? { modelId: servedId, pricing: served.pricing, estimated: false } : { ...requested, estimated: false };
}

export async function settleReply(input: SettleInput, findModel: FindModel): Promise<Settled> {
  let usage = input.usage;
  if (!usage && input.reportedCostUsd === null) {
    // Refused before anything streamed (HTTP error, no key…), or stopped before the provider
    // accepted the request (during a retry wait): nothing was billed.
    if (!input.receivedAny && (input.status === 'error' || !input.accepted)) return { usage: null, cost: null, pricing: input.requestedPricing };
    usage = await estimateUsage(input.sent, input.content, input.reasoning);
  }
  const billed = billingModel(input, usage, findModel);
  const cost = costOf(usage, billed.pricing, input.reportedCostUsd, {
    billedModel: billed.modelId !== input.requestedModel ? billed.modelId : null,
    estimated: billed.estimated,
  });
  return { usage, cost, pricing: billed.pricing };
}
