// Binds each call of the contract to a service. Transports never see services.
import type { Handlers } from './router';
import type { Services } from './services';
import { notFound } from './errors';
import { searchMessages } from './history/search';

export function createHandlers(s: Services): Handlers {
  return {
    'app.info': () => ({ version: s.info.version, mode: s.info.mode, dataDir: s.info.dataDir }),

    'settings.get': () => s.settings.get(),
    'settings.update': (patch) => s.settings.update(patch),

    'providers.list': () => s.providers.list(),
    'providers.save': async (input) => {
      const p = await s.providers.save(input);
      void s.catalog.refresh(p.id);
      return p;
    },
    'providers.remove': async ({ id }) => {
      await s.providers.remove(id);
      return { ok: true as const };
    },

    'keys.set': async ({ providerId, apiKey }) => {
      s.providers.get(providerId);
      await s.vault.set(providerId, apiKey);
      void s.catalog.refresh(providerId);
      return { hasKey: true };
    },
    'keys.remove': async ({ providerId }) => {
      s.providers.get(providerId);
      await s.vault.remove(providerId);
      return { hasKey: false };
    },
    'keys.has': async ({ providerId }) => ({ hasKey: await s.vault.has(providerId) }),

    'catalog.list': () => s.catalog.list(),
    'catalog.refresh': ({ providerId }) => s.catalog.refresh(providerId),

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

    'chat.send': ({ conversationId, text }) => s.chat.send(conversationId, text),
    'chat.stop': ({ messageId }) => {
      s.chat.stop(messageId);
      return { ok: true as const };
    },

    'history.search': ({ query, limit }) => searchMessages(s.db, query, limit),
  };
}
