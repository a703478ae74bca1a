import type { conversationCalls } from '../../../shared/contract/conversations';
import { AppError, notFound } from '../errors';
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
    if (!s.conversations.get(id)) throw notFound('Conversation');
    // A reply streaming into it stops (keeping its text, in case the delete is undone).
    for (const m of s.messages.list(id)) if (m.status === 'streaming') s.chat.stop(m.id);
    s.conversations.trash(id);
    // Deleting is also when old trash goes for good (besides at startup).
    s.conversations.purgeTrash();
    s.events.emit('conversations.changed', { conversation: null, deletedId: id });
    return { ok: true as const };
  },
  'conversations.restore': ({ id }) => {
    const c = s.conversations.restore(id);
    if (!c) throw notFound('Deleted conversation');
    s.events.emit('conversations.changed', { conversation: c, deletedId: null });
    return c;
  },
  'conversations.listTrash': () => s.conversations.listTrash(),
  'messages.list': ({ conversationId, beforeSeq, limit }) => {
    if (!s.conversations.get(conversationId)) throw notFound('Conversation');
    if (limit === undefined && beforeSeq === undefined) return s.messages.list(conversationId);
    return s.messages.page(conversationId, { beforeSeq, limit });
  },
  'messages.delete': ({ id }) => {
    const m = s.messages.get(id);
    if (!m || !s.conversations.get(m.conversationId)) throw notFound('Message');
    if (m.status === 'streaming') throw new AppError('busy', 'This reply is still streaming. Stop it first, then delete it.');
    s.messages.delete(id);
    s.events.emit('messages.removed', { conversationId: m.conversationId, ids: [id] });
    return { ok: true as const };
  },
});
