// The `parley-export` JSON file: what an export writes and an import accepts. Version 1
// is exactly the shared Conversation and Message records, so a round trip is lossless;
// a change to those records that an old file cannot satisfy needs a new version here.
import { z } from 'zod';
import { Conversation, Message } from '../../../shared/domain';

export const EXPORT_FORMAT = 'parley-export';
export const EXPORT_VERSION = 1;

/** Limits that keep a hostile file from using the import to fill memory or the disk. */
const MAX_TEXT = 20_000_000;
const MAX_MESSAGES = 100_000;
const MAX_CONVERSATIONS = 100_000;

export const ExportedMessage = Message.extend({
  content: z.string().max(MAX_TEXT, `Message text is too long (${MAX_TEXT.toLocaleString('en-US')} characters at most)`),
  reasoning: z.string().max(MAX_TEXT, `Thinking text is too long (${MAX_TEXT.toLocaleString('en-US')} characters at most)`).nullable(),
}).strict();
export type ExportedMessage = z.infer<typeof ExportedMessage>;

export const ExportedConversation = Conversation.extend({
  messages: z.array(ExportedMessage).max(MAX_MESSAGES),
})
  .strict()
  .superRefine((c, ctx) => {
    const seqs = new Set<number>();
    c.messages.forEach((m, i) => {
      if (m.conversationId !== c.id) {
        ctx.addIssue({ code: 'custom', path: ['messages', i, 'conversationId'], message: `belongs to conversation ${m.conversationId}, not to ${c.id} that holds it` });
      }
      if (seqs.has(m.seq)) ctx.addIssue({ code: 'custom', path: ['messages', i, 'seq'], message: `position ${m.seq} is used twice in this conversation` });
      seqs.add(m.seq);
    });
  });
export type ExportedConversation = z.infer<typeof ExportedConversation>;

export const ParleyExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.number(),
    conversations: z.array(ExportedConversation).max(MAX_CONVERSATIONS),
  })
  .strict()
  .superRefine((f, ctx) => {
    const conversations = new Set<string>();
    const messages = new Set<string>();
    f.conversations.forEach((c, i) => {
      if (conversations.has(c.id)) ctx.addIssue({ code: 'custom', path: ['conversations', i, 'id'], message: `conversation ${c.id} appears twice` });
      conversations.add(c.id);
      c.messages.forEach((m, j) => {
        if (messages.has(m.id)) ctx.addIssue({ code: 'custom', path: ['conversations', i, 'messages', j, 'id'], message: `message ${m.id} appears twice` });
        messages.add(m.id);
      });
    });
  });
export type ParleyExport = z.infer<typeof ParleyExportSchema>;
