// The cost domain: conversation totals, send estimates and budget holds, settling each
// reply's cost, and the spending view with its CSV export.
import type { DatabaseSync } from 'node:sqlite';
import type { ConversationCost, SendEstimate, Spending } from '../../../shared/contract/cost';
import type { Conversation, Message, ModelInfo } from '../../../shared/domain';
import { notFound } from '../errors';
import type { ConversationRepo } from '../history/conversations';
import type { ProvidersRepo } from '../history/providers-repo';
import { settleReply, type SettleInput, type Settled } from './billing';
import { overBudgetError } from './budget';
import { localIso, toCsv } from './csv';
import { CostEstimator, type Route } from './estimator';
import { CostLedger, type Range } from './ledger';

export interface CostDeps {
  db: DatabaseSync;
  conversations: ConversationRepo;
  providers: ProvidersRepo;
  /** The messages' texts, as the estimator counts them. */
  listMessages: (conversationId: string) => Pick<Message, 'id' | 'role' | 'content'>[];
  hasAttachments: (conversationId: string) => boolean;
  findModel: (providerId: string, modelId: string) => ModelInfo | null;
  now?: () => number;
}

/** What ChatService needs from the cost domain. */
export interface ReplyCosting {
  /** Throws AppError 'over_budget' when the send's worst case would pass the conversation's cap. */
  checkBudget(conv: Conversation, route: Route, text: string): Promise<void>;
  settle(input: SettleInput): Promise<Settled>;
}

export class CostService implements ReplyCosting {
  readonly ledger: CostLedger;
  private readonly estimator: CostEstimator;

  constructor(private readonly deps: CostDeps) {
    this.ledger = new CostLedger(deps.db);
    this.estimator = new CostEstimator({
      db: deps.db,
      listMessages: deps.listMessages,
      findModel: deps.findModel,
      spentUsd: (id) => this.ledger.spentUsd(id),
    });
  }

  private conversationOrThrow(id: string): Conversation {
    const conv = this.deps.conversations.get(id);
    if (!conv) throw notFound('Conversation');
    return conv;
  }

  /** The conversation's provider and model, as chat.send would route them. */
  private route(conv: Conversation): Route | null {
    if (!conv.providerId) return null;
    const provider = this.deps.providers.get(conv.providerId);
    const modelId = conv.modelId ?? provider?.defaultModel ?? null;
    return provider && modelId ? { providerId: provider.id, modelId } : null;
  }

  conversation(conversationId: string): ConversationCost {
    const conv = this.conversationOrThrow(conversationId);
    return { conversationId, budgetUsd: conv.budgetUsd, ...this.ledger.conversation(conversationId) };
  }

  async estimate(conversationId: string, text: string, pendingAttachments = 0): Promise<SendEstimate> {
    const conv = this.conversationOrThrow(conversationId);
    const e = await this.estimator.estimate(conv, this.route(conv), text);
    // Image and PDF tokens depend on the provider's own resizing and tiling: only its usage report counts them.
    const attached = pendingAttachments > 0 || this.deps.hasAttachments(conversationId);
    if (!attached) return e;
    const why = 'Images and PDFs are not counted here (the provider counts their tokens), so the input will cost more than shown.';
    return { ...e, attachmentsNotCounted: true, note: e.note ? `${e.note} ${why}` : why };
  }

  async checkBudget(conv: Conversation, route: Route, text: string): Promise<void> {
    if (conv.budgetUsd === null) return;
    const e = await this.estimator.estimate(conv, route, text);
    if (e.overBudget) throw overBudgetError(e);
  }

  settle(input: SettleInput): Promise<Settled> {
    return settleReply(input, this.deps.findModel);
  }

  spending(range: Range): Spending {
    return { from: range.from ?? null, to: range.to ?? null, tzOffsetMinutes: range.tzOffsetMinutes ?? 0, ...this.ledger.spending(range) };
  }

  exportCsv(range: Range): { filename: string; content: string; rows: number } {
    const tz = range.tzOffsetMinutes ?? 0;
    const rows = this.ledger.rows(range);
    const day = (ms: number) => localIso(ms, tz).slice(0, 10);
    const end = range.to !== undefined ? Math.max(range.from ?? 0, range.to - 1) : (this.deps.now ?? Date.now)();
    const filename = `parley-spending-${range.from !== undefined ? `${day(range.from)}-to-` : 'to-'}${day(end)}.csv`;
    return { filename, content: toCsv(rows, tz), rows: rows.length };
  }
}
