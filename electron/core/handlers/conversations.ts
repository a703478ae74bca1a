import type { conversationCalls } from '../../../shared/contract/conversations';
import { notFound } from '../errors';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const conversationHandlers = (s: Services): DomainHandlers<typeof conversationCalls> => ({
  'conversations.list': () => s.conversations.list(),
  'conversations.create': ({ providerId, modelId }) => {
    const c = s.conversations.create({ providerId: providerId ?? null, modelId: modelId ?? null, budgetUsd: s.settings.get().defaultBudgetUsd });
    s.events.emit('conversations.changed', { conversation: c, deletedId: null });
    return c;
  },
  'conversations.update': ({ id, ...patch }) => {
    const c = s.conversations.update(id, patch, false);
    if (!c) throw notFound('Conversation');
    s.events.emit('conversations.changed', { conversation: c, deletedId: null });
    return c;
  },
  'conversations.delete': ({ id }) => {
    for (const m of s.messages.list(id)) if (m.status === 'streaming') s.chat.stop(m.id);
    if (!s.conversations.delete(id)) throw notFound('Conversation');
    s.events.emit('conversations.changed', { conversation: null, deletedId: id });
    return { ok: true as const };
  },
  'messages.list': ({ conversationId }) => {
    if (!s.conversations.get(conversationId)) throw notFound('Conversation');
    return s.messages.list(conversationId);
  },
});
