import type { Message } from '../../../../shared/domain';
import { api } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useMessages } from '../../stores/messages';

/** Starts a new answer in place of the last one (same model, or the chosen one). */
export async function regenerate(message: Message, choice?: { providerId: string; modelId: string }): Promise<void> {
  const { assistant, conversation, removedIds } = await api('chat.regenerate', { messageId: message.id, ...choice });
  useConversations.getState().upsert(conversation);
  const store = useMessages.getState();
  store.removeIds(message.conversationId, removedIds);
  store.upsert(assistant);
}
