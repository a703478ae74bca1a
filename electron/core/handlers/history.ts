import type { historyCalls } from '../../../shared/contract/history';
import { notFound } from '../errors';
import { exportJson, exportMarkdown, filenameBase, secretScrubber } from '../history/export';
import { importExport, parseExport } from '../history/import';
import { searchMessages } from '../history/search';
import { exportAttachmentOptions, stageImportAttachments } from '../attachments/transfer';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const historyHandlers = (s: Services): DomainHandlers<typeof historyCalls> => {
  /** Every stored API key, so an export can scrub one the user pasted into a message. */
  const scrubber = async () => {
    const keys: string[] = [];
    for (const p of await s.providers.list()) {
      // A keychain that cannot be read holds nothing we could leak either.
      const key = p.hasKey ? await s.vault.get(p.id).catch(() => null) : null;
      if (key) keys.push(key);
    }
    return secretScrubber(keys);
  };
  const withMessages = (id: string) => {
    const conversation = s.conversations.get(id);
    if (!conversation) throw notFound('Conversation');
    return { conversation, messages: s.messages.list(id) };
  };

  return {
    'history.search': ({ query, limit }) => searchMessages(s.db, query, limit),
    'history.exportConversation': async ({ id, format, includeThinking }) => {
      const item = withMessages(id);
      const scrub = await scrubber();
      const files = exportAttachmentOptions(s.attachments.store);
      if (format === 'json') return exportJson([item], { includeThinking, scrub, ...files, filenameBase: filenameBase(item.conversation.title) });
      const providerName = item.conversation.providerId ? ((await s.providers.list()).find((p) => p.id === item.conversation.providerId)?.name ?? null) : null;
      return exportMarkdown(item, { includeThinking, scrub, providerName, ...files });
    },
    'history.exportAll': async ({ includeThinking }) => {
      const items = s.conversations.list().map((c) => ({ conversation: c, messages: s.messages.list(c.id) }));
      return exportJson(items, { includeThinking, scrub: await scrubber(), ...exportAttachmentOptions(s.attachments.store), filenameBase: 'parley-export' });
    },
    'history.import': async ({ content }) => {
      const file = parseExport(content);
      // Attachment files are checked and written first; a failed import removes the ones it added.
      const staged = await stageImportAttachments(file, s.attachments.store, s.conversations);
      let result: ReturnType<typeof importExport>;
      try {
        result = importExport(file, { conversations: s.conversations, messages: s.messages }, staged);
      } catch (err) {
        await staged.rollback();
        throw err;
      }
      const { imported, ...counts } = result;
      for (const c of imported) s.events.emit('conversations.changed', { conversation: c, deletedId: null });
      return counts;
    },
    'chat.regenerate': ({ messageId, providerId, modelId, sendAnyway }) => s.chat.regenerate(messageId, { providerId, modelId }, { sendAnyway }),
    'chat.edit': ({ messageId, text, sendAnyway }) => s.chat.edit(messageId, text, { sendAnyway }),
  };
};
