import { z } from 'zod';
import { Conversation, Message, ThinkingSetting } from '../domain';
import { call, Empty, id, Ok } from './common';

export const conversationCalls = {
  'conversations.list': call(Empty, z.array(Conversation)),
  'conversations.create': call(
    z.object({ providerId: z.string().max(200).nullable().optional(), modelId: z.string().max(300).nullable().optional() }).strict(),
    Conversation,
  ),
  'conversations.update': call(
    z
      .object({
        id,
        title: z.string().trim().min(1).max(500).optional(),
        pinned: z.boolean().optional(),
        providerId: z.string().max(200).nullable().optional(),
        modelId: z.string().max(300).nullable().optional(),
        privateOnly: z.boolean().optional(),
        thinking: ThinkingSetting.optional(),
        budgetUsd: z.number().nonnegative().max(1e6).nullable().optional(),
      })
      .strict(),
    Conversation,
  ),
  'conversations.delete': call(z.object({ id }).strict(), Ok),
  'messages.list': call(z.object({ conversationId: id }).strict(), z.array(Message)),
};

export const conversationEvents = {
  'conversations.changed': z.object({ conversation: Conversation.nullable(), deletedId: z.string().nullable() }),
};
