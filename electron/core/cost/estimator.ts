// What a send may cost before it goes: the history that will be sent plus the new text,
// counted locally, by the model's input price; the worst case adds the model's output cap
// at its output price. Called as the user types, so the history count is cached per
// conversation and, when its messages change, only the changed ones are counted again.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SendEstimate } from '../../../shared/contract/cost';
import type { Conversation, Message, ModelInfo } from '../../../shared/domain';
import { tokensCostUsd, usdFromPico, usdToPico } from '../../../shared/pricing';
import { countTokens, PER_MESSAGE_OVERHEAD, REPLY_PRIMING, yieldToLoop } from './tokenizer';

/** The messages a send includes (as chat-service builds its history): user turns, and replies with text. */
export const sentInHistory = (m: Pick<Message, 'role' | 'content'>) => m.role === 'user' || m.content.length > 0;

export interface EstimatorDeps {
  db: DatabaseSync;
  listMessages: (conversationId: string) => Pick<Message, 'id' | 'role' | 'content'>[];
  findModel: (providerId: string, modelId: string) => ModelInfo | null;
  spentUsd: (conversationId: string) => number;
  /** Defaults to the local tokenizer. */
  countTokens?: (text: string) => Promise<number>;
  /** Counting yields to the event loop after this much work (ms), so streams keep flowing. */
  sliceMs?: number;
}

/** Conversations whose per-message counts are kept (they hold the messages' text). */
const KEEP_COUNTED = 3;

export interface Route {
  providerId: string;
  modelId: string;
}

export class CostEstimator {
  private cache = new Map<string, { key: string; tokens: number }>();
  /** Per conversation, each message's text and its count, for the next recount. */
  private counted = new Map<string, Map<string, { content: string; tokens: number }>>();
  private running = new Map<string, { key: string; tokens: Promise<number> }>();
  private fingerprintStmt: StatementSync;

  constructor(private readonly deps: EstimatorDeps) {
    this.fingerprintStmt = deps.db.prepare(
      // Length too: two edits within one millisecond leave updated_at unchanged.
      'SELECT COUNT(*) AS n, MAX(seq) AS s, MAX(updated_at) AS u, SUM(length(content)) AS l FROM messages WHERE conversation_id = ?',
    );
  }

  /** Tokens of the stored history as it would be sent (priming included), cached until a message changes. */
  async historyTokens(conversationId: string): Promise<number> {
    const f = this.fingerprintStmt.get(conversationId) as { n: number; s: number | null; u: number | null; l: number | null };
    const key = `${f.n}:${f.s}:${f.u}:${f.l}`;
    const hit = this.cache.get(conversationId);
    if (hit?.key === key) return hit.tokens;
    // One count per conversation at a time. Keystrokes asking again while a long history is
    // still being counted share that count; if the history changed meanwhile (a reply
    // streaming), they wait for it and then count only what changed since.
    const run = this.running.get(conversationId);
    if (run?.key === key) return run.tokens;
    if (run) {
      await run.tokens.catch(() => undefined);
      return this.historyTokens(conversationId);
    }
    const counting = this.count(conversationId);
    this.running.set(conversationId, { key, tokens: counting });
    let tokens: number;
    try {
      tokens = await counting;
    } finally {
      if (this.running.get(conversationId)?.tokens === counting) this.running.delete(conversationId);
    }
    this.cache.set(conversationId, { key, tokens });
    // Bound the cache: conversations the user has left need no entry.
    if (this.cache.size > 200) this.cache.delete(this.cache.keys().next().value!);
    return tokens;
  }

  /** Counts the history, reusing the counts of messages whose text is unchanged since the last count. */
  private async count(conversationId: string): Promise<number> {
    const count = this.deps.countTokens ?? countTokens;
    const sliceMs = this.deps.sliceMs ?? 8;
    const before = this.counted.get(conversationId);
    const after = new Map<string, { content: string; tokens: number }>();
    let tokens = REPLY_PRIMING;
    let sliceStart = performance.now();
    for (const m of this.deps.listMessages(conversationId)) {
      if (!sentInHistory(m)) continue;
      const known = before?.get(m.id);
      const n = known && known.content === m.content ? known.tokens : await count(m.content);
      after.set(m.id, { content: m.content, tokens: n });
      tokens += n + PER_MESSAGE_OVERHEAD;
      if (performance.now() - sliceStart >= sliceMs) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
    }
    this.counted.delete(conversationId);
    this.counted.set(conversationId, after);
    if (this.counted.size > KEEP_COUNTED) this.counted.delete(this.counted.keys().next().value!);
    return tokens;
  }

  async estimate(conv: Conversation, route: Route | null, text: string): Promise<SendEstimate> {
    const spentUsd = this.deps.spentUsd(conv.id);
    const budgetUsd = conv.budgetUsd;
    const inputTokens = (await this.historyTokens(conv.id)) + (await countTokens(text)) + PER_MESSAGE_OVERHEAD;
    if (!route) {
      return { providerId: null, modelId: null, inputTokens, inputUsd: null, maxOutputTokens: null, worstCaseOutputUsd: null, worstCaseUsd: null, spentUsd, budgetUsd, overBudget: budgetUsd !== null && spentUsd >= budgetUsd, note: 'Choose a provider and model to see what a send costs.' };
    }
    const model = this.deps.findModel(route.providerId, route.modelId);
    const notes: string[] = [];
    const input = model?.pricing.input ?? null;
    const output = model?.pricing.output ?? null;
    if (!model) notes.push(`${route.modelId} is not in the model list, so its price is unknown.`);
    else if (input === null || output === null) notes.push(`No price is published for ${model.name || model.id}, so this send's cost is unknown.`);

    let maxOutputTokens: number | null = model?.maxOutput ?? null;
    if (model?.contextLength) {
      const room = Math.max(0, model.contextLength - inputTokens);
      maxOutputTokens = maxOutputTokens === null ? room : Math.min(maxOutputTokens, room);
      if (room === 0) notes.push(`The conversation is longer than ${model.name || model.id}'s context window (${model.contextLength.toLocaleString('en-US')} tokens).`);
    } else if (model && maxOutputTokens === null) {
      notes.push('The model publishes no output limit, so the worst case covers the input only.');
    }
    const inputUsd = tokensCostUsd(inputTokens, input);
    const worstCaseOutputUsd = maxOutputTokens === null ? null : tokensCostUsd(maxOutputTokens, output);
    const worstCaseUsd = inputUsd !== null && worstCaseOutputUsd !== null ? usdFromPico(usdToPico(inputUsd) + usdToPico(worstCaseOutputUsd)) : null;
    const upTo = worstCaseUsd ?? inputUsd;
    const overBudget = budgetUsd !== null && (upTo !== null ? usdToPico(spentUsd) + usdToPico(upTo) > usdToPico(budgetUsd) : spentUsd >= budgetUsd);
    if (budgetUsd !== null && upTo === null && !overBudget) notes.push('The budget cannot be checked for a model without a price.');
    return { ...route, inputTokens, inputUsd, maxOutputTokens, worstCaseOutputUsd, worstCaseUsd, spentUsd, budgetUsd, overBudget, note: notes.join(' ') || null };
  }
}
