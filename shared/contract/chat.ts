import { z } from 'zod';
import { MAX_ATTACHMENTS_PER_MESSAGE, Message, StreamFrame } from '../domain';
import { call, id, Ok } from './common';

export const chatCalls = {
  'chat.send': call(
    z
      .object({
        conversationId: id,
        text: z.string().trim().min(1, 'Message is empty').max(1_000_000, 'Message is too long (1,000,000 characters at most)'),
        /** Send even though the estimate passes the conversation's budget (after an 'over_budget' hold). */
        sendAnyway: z.boolean().optional(),
        /** Pending attachments (attachments.add) to send with this message, in order. */
        attachmentIds: z.array(id).max(MAX_ATTACHMENTS_PER_MESSAGE, `At most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments per message`).optional(),
      })
      .strict(),
    z.object({ user: Message, assistant: Message }),
  ),
  'chat.stop': call(z.object({ messageId: id }).strict(), Ok),
};

export const chatEvents = {
  /** Coalesced frames of a streaming reply (about one batch per animation frame). */
  'chat.stream': z.object({ messageId: id, conversationId: id, frames: z.array(StreamFrame) }),
  /** A reply reached its final state; the message as stored. */
  'chat.done': z.object({ message: Message }),
};
