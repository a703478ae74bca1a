import { z } from 'zod';
import { Conversation, Message, ThinkingSetting } from '../domain';
import { call, Empty, id, Ok } from './common';

export const TrashedConversation = Conversation.extend({ deletedAt: z.number() });
export type TrashedConversation = z.infer<typeof TrashedConversation>;

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
  /** Moves the conversation to the trash (stopping a streaming reply); undo with conversations.restore. */
  'conversations.delete': call(z.object({ id }).strict(), Ok),
  /** Brings a trashed conversation back, as it was. Trashed conversations are purged 30 days after deletion. */
  'conversations.restore': call(z.object({ id }).strict(), Conversation),
  /** Trashed conversations, most recently deleted first. */
  'conversations.listTrash': call(Empty, z.array(TrashedConversation)),
  /**
   * A conversation's messages, oldest first. With `limit`: only the newest `limit` (before
   * `beforeSeq` when given), so a long conversation opens on its last page and loads older
   * pages as the user scrolls up; fewer than `limit` back means there are no older ones.
   * Without either: every message.
   */
  'messages.list': call(
    z.object({ conversationId: id, beforeSeq: z.number().int().optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    z.array(Message),
  ),
  /** Deletes one message (not one still streaming: stop it first). */
  'messages.delete': call(z.object({ id }).strict(), Ok),
};

export const conversationEvents = {
  /** A conversation was created/changed/restored (`conversation`), or trashed (`deletedId`). */
  'conversations.changed': z.object({ conversation: Conversation.nullable(), deletedId: z.string().nullable() }),
  /** Messages left a conversation (messages.delete, chat.edit, chat.regenerate). */
  'messages.removed': z.object({ conversationId: id, ids: z.array(id) }),
};
