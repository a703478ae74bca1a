// Bridge events → stores. Subscribed once for the app's lifetime.
import { bridge } from '../bridge';
import { useConversations } from '../stores/conversations';
import { useMessages } from '../stores/messages';
import { useUi } from '../stores/ui';
import { useCatalog } from '../stores/catalog';
import { useVerification } from '../stores/verification';

export function subscribeEvents(): () => void {
  const offs = [
    bridge.on('chat.stream', ({ conversationId, messageId, frames }) => {
      useMessages.getState().queueFrames(conversationId, messageId, frames); // applied once per animation frame
    }),
    bridge.on('chat.done', ({ message }) => useMessages.getState().finish(message)),
    bridge.on('chat.done', ({ message }) => useVerification.getState().replyDone(message)),
    bridge.on('verify.updated', ({ messageId, result }) => useVerification.getState().settle(messageId, result)),
    bridge.on('conversations.changed', ({ conversation, deletedId }) => {
      const store = useConversations.getState();
      if (conversation) store.upsert(conversation);
      if (deletedId) store.removeLocal(deletedId);
    }),
    bridge.on('messages.removed', ({ conversationId, ids }) => useMessages.getState().removeIds(conversationId, ids)),
    bridge.on('catalog.updated', () => void useCatalog.getState().load().catch(() => undefined)),
    bridge.on('app.alert', ({ level, message }) => useUi.getState().toast(level, message)),
  ];
  return () => offs.forEach((off) => off());
}
