// Calls of the cost domain: what a conversation cost, what a send may cost, where the money went.
// All USD figures are plain numbers rounded to 1e-12; null = unknown (no price), never 0.
import { z } from 'zod';
import { call, id } from './common';

const usd = z.number();
const count = z.number().int().nonnegative();

/** A sum over replies, with how many of them had no price (left out of usd) or were estimated (in usd, "≈"). */
export const CostTotal = z.object({
  /** Sum of the known costs (estimated ones included). */
  totalUsd: usd,
  /** Replies with no price: not in totalUsd; the UI says "+ unknown". */
  unknownCount: count,
  /** Replies whose cost is an estimate (counted locally, or an upper bound): the UI shows "≈". */
  estimatedCount: count,
  /** Billed replies in this group. */
  messages: count,
});
export type CostTotal = z.infer<typeof CostTotal>;

export const ModelTotal = CostTotal.extend({ providerId: z.string(), modelId: z.string() });
export type ModelTotal = z.infer<typeof ModelTotal>;

export const ProviderTotal = CostTotal.extend({ providerId: z.string(), providerName: z.string().nullable() });
export type ProviderTotal = z.infer<typeof ProviderTotal>;

export const DayTotal = CostTotal.extend({ /** YYYY-MM-DD in the caller's offset. */ day: z.string() });
export type DayTotal = z.infer<typeof DayTotal>;

export const ConversationCost = CostTotal.extend({
  conversationId: id,
  budgetUsd: z.number().nullable(),
  /** Most expensive first. */
  byModel: z.array(ModelTotal),
});
export type ConversationCost = z.infer<typeof ConversationCost>;

export const SendEstimate = z.object({
  /** Where the send would go; null when the conversation has no provider/model yet (see note). */
  providerId: z.string().nullable(),
  modelId: z.string().nullable(),
  /** History that will be sent plus the new text, counted with a local tokenizer (o200k). */
  inputTokens: count,
  inputUsd: usd.nullable(),
  /** The model's output cap (its max output, bounded by the context left), or null when unknown. */
  maxOutputTokens: count.nullable(),
  worstCaseOutputUsd: usd.nullable(),
  /** inputUsd + worstCaseOutputUsd, when both are known. */
  worstCaseUsd: usd.nullable(),
  /** What the conversation has spent so far (known costs). */
  spentUsd: usd,
  budgetUsd: z.number().nullable(),
  /** True when chat.send would hold this send (send it with sendAnyway: true). */
  overBudget: z.boolean(),
  /** Why a figure is missing or what to know ("No price is published for …"). */
  note: z.string().nullable(),
  /** True when images or PDFs go with the send: their tokens are counted by the provider only, so inputTokens is a lower bound. */
  attachmentsNotCounted: z.boolean().optional(),
});
export type SendEstimate = z.infer<typeof SendEstimate>;

export const Spending = CostTotal.extend({
  from: z.number().nullable(),
  to: z.number().nullable(),
  tzOffsetMinutes: z.number().int(),
  /** Most expensive first. */
  byProvider: z.array(ProviderTotal),
  byModel: z.array(ModelTotal),
  /** Oldest first; only days with replies. */
  byDay: z.array(DayTotal),
});
export type Spending = z.infer<typeof Spending>;

const range = {
  /** ms since epoch, inclusive; absent = from the start. */
  from: z.number().int().nonnegative().optional(),
  /** ms since epoch, exclusive; absent = up to now. */
  to: z.number().int().nonnegative().optional(),
};
const tzOffsetMinutes = z
  .number()
  .int()
  .min(-14 * 60, 'tzOffsetMinutes must be between -840 and 840')
  .max(14 * 60, 'tzOffsetMinutes must be between -840 and 840');
const checkRange = (r: { from?: number; to?: number }) => r.from === undefined || r.to === undefined || r.from <= r.to;
const RANGE_ERROR = { message: '`from` must not be after `to`', path: ['from'] };

export const costCalls = {
  'cost.conversation': call(z.object({ conversationId: id }).strict(), ConversationCost),
  'cost.estimate': call(
    z
      .object({
        conversationId: id,
        text: z.string().max(1_000_000, 'Message is too long (1,000,000 characters at most)'),
        /** Pending attachments of the send (their tokens cannot be counted locally; the estimate says so). */
        attachmentIds: z.array(id).max(50).optional(),
      })
      .strict(),
    SendEstimate,
  ),
  'cost.spending': call(
    z
      .object({
        ...range,
        /** Minutes to add to UTC for the caller's local day (UI: -new Date().getTimezoneOffset()); default 0 = UTC days. */
        tzOffsetMinutes: tzOffsetMinutes.optional(),
      })
      .strict()
      .refine(checkRange, RANGE_ERROR),
    Spending,
  ),
  'cost.exportCsv': call(
    z
      .object({ ...range, tzOffsetMinutes: tzOffsetMinutes.optional() })
      .strict()
      .refine(checkRange, RANGE_ERROR),
    z.object({ filename: z.string(), content: z.string(), rows: count }),
  ),
};

export const costEvents = {};
