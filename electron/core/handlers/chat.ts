import type { chatCalls } from '../../../shared/contract/chat';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const chatHandlers = (s: Services): DomainHandlers<typeof chatCalls> => ({
  'chat.send': ({ conversationId, text, sendAnyway, attachmentIds }) => s.chat.send(conversationId, text, { sendAnyway, attachmentIds }),
  'chat.stop': ({ messageId }) => {
    s.chat.stop(messageId);
    return { ok: true as const };
  },
});
