// What each conversation has cost so far (cost.conversation), fetched on demand and
// refreshed when a reply finishes or the budget changes; never per token.
import { create } from 'zustand';
import type { ConversationCost } from '../../../shared/contract/cost';
import { api } from '../bridge';

interface CostState {
  byConversation: Record<string, ConversationCost>;
  /** Bumped when a conversation's spend may have changed (a reply finished), so estimates refresh. */
  version: Record<string, number>;
  load(conversationId: string): Promise<ConversationCost>;
  /** A reply finished or the budget changed: refetch if anyone is showing it. */
  changed(conversationId: string): void;
}

const inFlight = new Map<string, Promise<ConversationCost>>();

export const useCost = create<CostState>((set, get) => ({
  byConversation: {},
  version: {},
  load(conversationId) {
    const pending = inFlight.get(conversationId);
    if (pending) return pending;
    const p = api('cost.conversation', { conversationId })
      .then((cost) => {
        set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: cost } }));
        return cost;
      })
      .finally(() => inFlight.delete(conversationId));
    inFlight.set(conversationId, p);
    return p;
  },
  changed(conversationId) {
    set((s) => ({ version: { ...s.version, [conversationId]: (s.version[conversationId] ?? 0) + 1 } }));
    if (get().byConversation[conversationId]) void get().load(conversationId).catch(() => undefined);
  },
}));
